"""`python -m archive.cli ...`: the `mediarch` command (how the web server starts the job
runner, and how the tests call it)."""

import sys

from archive.cli import main

sys.exit(main())
