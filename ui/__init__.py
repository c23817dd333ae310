"""Jiwei Desk's Qt face: widgets and Qt models only. Data comes from ``app.services``."""
