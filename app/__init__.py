"""Jiwei Desk core: everything that is not Qt (domain rules, storage, services, CLI)."""

__version__ = "0.1.0"
