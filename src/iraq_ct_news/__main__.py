"""``python -m iraq_ct_news`` runs the command line."""

import sys

from .commands.cli import main

sys.exit(main())
