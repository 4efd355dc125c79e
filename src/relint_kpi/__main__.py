"""Allow ``python -m relint_kpi``."""

from relint_kpi.cli import main

main()
