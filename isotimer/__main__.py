"""Allow ``python -m isotimer``."""

from isotimer.cli import main

raise SystemExit(main())
