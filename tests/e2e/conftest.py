"""End-to-end: several installations in temporary folders exchanging real bundle files through the
command line. The helpers of tests/app are shared."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "app"))
