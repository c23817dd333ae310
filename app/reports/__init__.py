"""Printed documents: PDF through reportlab with the bundled CJK font embedded (subset), A4."""
