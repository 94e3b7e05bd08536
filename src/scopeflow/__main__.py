"""`python -m scopeflow ...` is the `scopeflow` command (see cli.py)."""
import sys

from scopeflow.cli import main

if __name__ == "__main__":
    sys.exit(main())
