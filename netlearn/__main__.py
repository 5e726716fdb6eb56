"""Run the netlearn command line as `python -m netlearn`."""

import sys

from netlearn.cli import main

sys.exit(main())
