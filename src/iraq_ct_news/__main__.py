"""``python -m iraq_ct_news`` runs the command line."""

import sys

from .cli import main

sys.exit(main())
