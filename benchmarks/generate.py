"""Generate a valid synthetic data folder of N activity rows for a plan.

Rows are spread over the plan's quarters, across every activity type, the
plan's priority territories and some other countries, with stakeholders from
a generated registry, events with participants and one page-views row per
quarter. Everything is read from the plan (types, territories, actions,
categories), so any plan works.

    python benchmarks/generate.py --rows 100000 --out /tmp/relint-100k
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# Appended, not put first: run.py puts its copy of src/ ahead of this checkout's.
if str(REPO / "src") not in sys.path:
    sys.path.append(str(REPO / "src"))

from relint_kpi.periods import quarter_bounds  # noqa: E402
from relint_kpi.plan import load_plan  # noqa: E402
from relint_kpi.rows import COLUMNS  # noqa: E402

OTHER_COUNTRIES = ["BE", "FR", "DE", "US", "BR", "UA", "IN", "KR", "AT", "NL", "TN", "AL", "GB", "CH"]


def generate(plan_path: Path, out: Path, rows: int, seed: int = 7) -> Path:
    """Write ``out/actuals/*.csv`` and ``out/stakeholders.csv`` with ``rows`` activities."""
    plan, issues = load_plan(plan_path)
    if plan is None:
        raise SystemExit(f"plan has problems: {issues[0].message}")
    rng = random.Random(seed)
    (out / "actuals").mkdir(parents=True, exist_ok=True)
    for old in (out / "actuals").glob("*.csv"):
        old.unlink()
    categories = [c.id for c in plan.stakeholder_categories]
    stakeholders = [f"Stakeholder {i:05d}" for i in range(2000)]
    with (out / "stakeholders.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["name", "internal", "category", "first_involved"])
        for i, name in enumerate(stakeholders):
            writer.writerow([name, "yes" if i % 7 == 0 else "no", categories[i % len(categories)], ""])
    kinds = [k.id for k in plan.activity_types if not k.metric]
    metrics = [k.id for k in plan.activity_types if k.metric]
    territories = [t.code for _, t in plan.all_territories()] + OTHER_COUNTRIES
    actions = [a.id for a in plan.actions] + [""] * len(plan.actions)
    quarters = [(y, q) for y in plan.years for q in range(1, 5)]
    per_quarter = rows // len(quarters)
    for index, (year, quarter) in enumerate(quarters):
        count = per_quarter + (1 if index < rows % len(quarters) else 0)
        first, last = quarter_bounds(year, quarter)
        span = (last - first).days
        with (out / "actuals" / f"{year}-Q{quarter}.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            # No venue column: each synthetic row is held where its territory is (the column's default).
            writer.writerow([name for name in COLUMNS if name != "venue"])
            for n in range(count - len(metrics)):
                kind = kinds[n % len(kinds)]
                day = first + dt.timedelta(days=rng.randint(0, span))
                names = "|".join(rng.sample(stakeholders, rng.randint(0, 2)))
                writer.writerow(
                    [
                        f"{year}Q{quarter}-{n + 1:07d}",
                        day.isoformat(),
                        kind,
                        rng.choice(territories),
                        f"Synthetic {kind} {n}",
                        rng.choice(actions),
                        str(rng.randint(10, 200)) if kind == "event" else "",
                        names,
                        "1",
                        "",
                    ]
                )
            for metric in metrics:
                writer.writerow([f"{year}Q{quarter}-{metric}", last.isoformat(), metric, "", "Page views", "", "", "", str(rng.randint(900, 1800)), ""])
    return out


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--plan", type=Path, default=REPO / "data" / "plan_2022_2023.yaml")
    args = parser.parse_args()
    generate(args.plan, args.out, args.rows)


if __name__ == "__main__":
    main()
