"""Entry point for ``python -m partydesk``."""

import sys

from partydesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
