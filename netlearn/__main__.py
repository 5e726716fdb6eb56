"""Run the netlearn command line as `python -m netlearn`."""

import sys

from .cli import main

sys.exit(main())
