"""`python -m detente` runs the command line."""
import sys

from detente.cli import main

sys.exit(main())
