"""Jiwei Desk core: everything that is not Qt (domain rules, storage, services, CLI)."""

# The release number, the only place it is written: pyproject.toml reads it (setuptools'
# dynamic version), and so do the 关于 dialog, ``--version``, backups' manifests and the
# installers' names. Bumped for each release, with its entry in CHANGELOG.md.
__version__ = "0.2.0"

# What ``--version`` prints, the window's and the command line's alike.
VERSION_LINE = f"基层纪检监察工作台 Jiwei Desk {__version__}"
