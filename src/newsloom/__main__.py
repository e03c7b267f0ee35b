"""``python -m newsloom ...`` runs the same command line as the ``newsloom`` script, so a
checkout or a virtualenv without the script on PATH still reaches every command."""

from newsloom.cli import main

raise SystemExit(main())
