"""``python -m netiquette`` runs the command-line interface."""

from netiquette.cli import main

raise SystemExit(main())
