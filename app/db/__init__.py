"""Storage: the declarative base, the engine, the automatic change log and migrations."""
