"""Entry point of the frozen command line (``jiwei-cli``): what ``python -m app`` runs."""

import sys

from app.cli import main

if __name__ == "__main__":
    sys.exit(main())
