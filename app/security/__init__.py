"""Keys, accounts, permissions, sensitive fields and the audit log."""
