"""Demo data: a deterministic batch for one installation (``batch``, with ``casework`` and
``residency``), and a whole demo county built through real bundles (``county``, ``entry``)."""
