"""Allow ``python -m relint_kpi``."""

from relint_kpi.cli import main

# Guarded: worker processes started by "spawn" (Windows, macOS) import this
# module again and must not run the command a second time.
if __name__ == "__main__":
    main()
