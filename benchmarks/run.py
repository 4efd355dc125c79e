"""Time relint's commands as whole processes against same-run baselines.

    python benchmarks/run.py                      # sizes 1,000 / 100,000 / 1,000,000
    python benchmarks/run.py --sizes 1000 --quick # a smoke run

Prints one Markdown table: median and min–max wall time, peak memory (max
RSS of the process), the baseline, the ratio (the median of the ratios of
runs made in turn with the baseline's), the target and whether it is met.
Baselines: ``python -c "import pandas"`` for the quick commands, and a bare
pandas script that reads the same CSVs, concats them and groups by year and
type for each data size.

Every command reads and validates the files it needs; only the validated
plan is cached (``relint_kpi.plancache``). Its folder lives in the work
folder (``RELINT_CACHE_DIR``) and is filled by the first warm-up run that
loads the plan; ``add-activity --dry-run`` is also timed with
``RELINT_NO_CACHE=1`` to show what the plan cache saves. One more row
checks, from ``python -X importtime``, that ``--help`` and
``add-activity --dry-run`` do not import pandas.

Each generated data set must pass ``relint validate`` before anything is
timed on it. Any command that exits non-zero stops the benchmark.
"""

from __future__ import annotations

import argparse
import compileall
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PLAN_NAME = "plan_2022_2023.yaml"
BARE_PANDAS = """
import glob, sys
import pandas as pd
frames = [pd.read_csv(f, dtype=str, keep_default_na=False) for f in sorted(glob.glob(sys.argv[1] + "/actuals/*.csv"))]
df = pd.concat(frames)
df["year"] = df["date"].str[:4]
df["value"] = pd.to_numeric(df["value"])
print(df.groupby(["year", "type"])["value"].sum().shape)
"""
DATA_COMMANDS = (
    ("validate", ["validate"]),
    ("status --by territory", ["status", "--by", "territory"]),
    ("report --format json", ["report", "--year", "2023", "--format", "json"]),
)
#: Targets at 1,000,000 rows, as ratios to the bare pandas script.
TARGETS_1M = {"validate": 1.6, "status --by territory": 1.6, "report --format json": 2}
#: Variables of the caller's shell that would change what relint reads or caches, or
#: slow Python down (without bytecode files every run compiles relint's modules again).
DROPPED_VARIABLES = (
    "RELINT_PLAN", "RELINT_DATA", "RELINT_NO_CACHE", "RELINT_CACHE_DIR",
    "PYTHONDONTWRITEBYTECODE", "PYTHONDEVMODE", "PYTHONTRACEMALLOC", "PYTHONPROFILEIMPORTTIME",
)


def run_once(argv: list[str], env: dict, cwd: Path) -> tuple[float, int, int, str]:
    """Run a command; return (seconds, peak RSS in MB, exit code, its stderr)."""
    with tempfile.TemporaryFile() as errors:  # a file, not a pipe: a chatty child can never block
        start = time.perf_counter()
        process = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped by wait4; tell Popen
        errors.seek(0)
        text = errors.read().decode("utf-8", "replace")
    return elapsed, usage.ru_maxrss // 1024, process.returncode, text


def measure_pairs(argv: list[str], baseline: list[str], env: dict, cwd: Path, runs: int, baseline_env: dict | None = None) -> tuple[dict, dict, float]:
    """A command and its baseline run in turn, ``runs`` pairs after a warm-up of each.

    Returns both sides' results (:func:`_summary`) and the median of the
    pairs' ratios: a baseline run next to each command run, so that a slower
    or busier spell of a shared machine weighs on both sides of a ratio alike.
    """
    sides = ((argv, env), (baseline, baseline_env or env))
    for command, environment in sides:
        _checked(command, environment, cwd)  # warm-up
    taken: tuple[list, list] = ([], [])
    for _ in range(runs):
        for (command, environment), found in zip(sides, taken):
            found.append(_checked(command, environment, cwd))
    ratio = statistics.median(a / b for (a, _), (b, _) in zip(*taken))
    return _summary(taken[0]), _summary(taken[1]), ratio


def _summary(found: list[tuple[float, int]]) -> dict:
    """Median, min and max of the runs' seconds, and their highest peak RSS."""
    times = [seconds for seconds, _ in found]
    return {"median": statistics.median(times), "min": min(times), "max": max(times), "peak": max(peak for _, peak in found)}


def _checked(argv: list[str], env: dict, cwd: Path) -> tuple[float, int]:
    """One run's (seconds, peak RSS in MB); a non-zero exit stops the benchmark."""
    seconds, peak, code, errors = run_once(argv, env, cwd)
    if code != 0:
        raise SystemExit(f"{' '.join(argv)} exited {code}:\n{errors}")
    return seconds, peak


def imports_pandas(argv: list[str], env: dict, cwd: Path) -> bool:
    """Whether a relint command (``[python, "-m", "relint_kpi", ...]``) imports pandas, from ``-X importtime``."""
    result = subprocess.run([argv[0], "-X", "importtime", *argv[1:]], env=env, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} exited {result.returncode}:\n{result.stderr}")
    # Lines read "import time: self [us] | cumulative | package.module", indented by depth.
    names = (line.rsplit("|", 1)[1].strip() for line in result.stderr.splitlines() if line.startswith("import time:"))
    return any(name.split(".")[0] == "pandas" for name in names)


def fmt(result: dict) -> str:
    """One timing cell: median (min–max) and peak RSS."""
    return f"{result['median']:.3f} s ({result['min']:.3f}–{result['max']:.3f}), {result['peak']} MB"


def load_average() -> float:
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")


def machine() -> str:
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def main() -> None:
    """Parse the options; run the benchmark in a work folder, removed afterwards unless ``--keep``."""
    parser = argparse.ArgumentParser(description="relint benchmark")
    parser.add_argument("--sizes", default="1000,100000,1000000", help="comma-separated row counts")
    parser.add_argument("--quick", action="store_true", help="two timed runs each (a smoke test)")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (generated data included)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    work = (args.keep or Path(tempfile.mkdtemp(prefix="relint-bench-"))).resolve()
    try:
        benchmark(work, sizes, args.quick)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def benchmark(work: Path, sizes: list[int], quick: bool) -> None:
    """Everything timed, in the work folder ``work``; prints the table."""
    python = sys.executable
    start_load = load_average()

    # The code and the shipped data are copied first, and every process
    # (the data generator included) runs that copy, so that edits made in the
    # checkout while the benchmark runs (minutes at 1,000,000 rows) cannot
    # change what is measured.
    base = work / "snapshot"
    shutil.rmtree(base, ignore_errors=True)
    shutil.copytree(REPO / "src", base / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    shutil.copytree(REPO / "data", base / "data", ignore=shutil.ignore_patterns("*.lock"))
    compileall.compile_dir(base / "src", quiet=1)  # as an installed package: bytecode ready
    sys.path.insert(0, str(HERE))
    sys.path.insert(0, str(base / "src"))
    from generate import generate

    plan = base / "data" / PLAN_NAME
    relint = [python, "-m", "relint_kpi", "--plan", str(plan)]
    cache = work / "plan-cache"
    shutil.rmtree(cache, ignore_errors=True)
    clean = {k: v for k, v in os.environ.items() if k not in DROPPED_VARIABLES}
    env = {**clean, "RELINT_CACHE_DIR": str(cache), "PYTHONPATH": str(base / "src")}
    no_cache = {**env, "RELINT_NO_CACHE": "1"}

    small_runs = 2 if quick else 5
    rows: list[tuple[str, ...]] = []
    notes: list[str] = []

    def row(name: str, result: dict, ratio: float | None = None, target: float | None = None, baseline_name: str = "") -> None:
        verdict = "" if target is None else ("yes" if ratio <= target else "NO")
        rows.append(
            (name, fmt(result), baseline_name, f"{ratio:.2f}×" if ratio is not None else "", f"≤ {target}×" if target else "", verdict)
        )

    # Quick commands, against the time Python takes to import pandas, run in turn with it.
    import_pandas = [python, "-c", "import pandas"]

    def quick_row(name: str, argv: list[str], target: float | None, environment: dict = env) -> None:
        result, baseline, ratio = measure_pairs(argv, import_pandas, environment, base, small_runs, env)
        if not rows:
            row("python -c 'import pandas' (baseline; its runs beside --help)", baseline)
        row(name, result, ratio, target, f"import pandas ({baseline['median']:.3f} s in turn)")

    quick_row("relint --help", relint + ["--help"], 0.3)
    dry = relint + ["add-activity", "--dry-run", "--type", "meeting", "--date", "2023-03-11", "--territory", "BE", "--title", "Benchmark"]
    quick_row("relint add-activity --dry-run (plan cache warm)", dry, 0.6)
    entries = sorted(p.name for p in cache.glob("plan-*.json")) if cache.is_dir() else []
    notes.append(f"plan cache after the add-activity runs: {len(entries)} entr{'y' if len(entries) == 1 else 'ies'} in {cache}")
    quick_row("relint add-activity --dry-run (plan cache off)", dry, None, no_cache)
    loaders = [
        name
        for name, argv, environment in (
            ("--help", relint + ["--help"], env),
            ("add-activity --dry-run", dry, env),
            ("add-activity --dry-run, plan cache off", dry, no_cache),
        )
        if imports_pandas(argv, environment, base)
    ]
    rows.append(
        (
            "relint --help, add-activity --dry-run: imports pandas",
            f"yes ({'; '.join(loaders)})" if loaders else "no",
            "",
            "",
            "no",
            "NO" if loaders else "yes",
        )
    )
    quick_row("relint status (shipped data)", relint + ["status"], 1.6)
    # The year-end PDF (WeasyPrint lays out sixteen A4 pages); written over and over in the work folder.
    pdf = relint + ["report", "--year", "2023", "--format", "pdf", "--output", str(work / "report.pdf"), "--force"]
    quick_row("relint report --format pdf (shipped data)", pdf, 6)

    # Generated data sets, against the bare pandas script on the same files.
    per_row: dict[int, float] = {}
    for size in sizes:
        folder = work / f"data-{size}"
        generate(plan, folder, size)
        data = relint + ["--data", str(folder)]
        check = subprocess.run(data + ["validate"], env=env, cwd=base, capture_output=True, text=True)
        if check.returncode != 0:
            raise SystemExit(f"generated data of {size:,} rows does not validate:\n{check.stdout}{check.stderr}")
        runs = 3 if size >= 1_000_000 and not quick else small_runs
        bare_script = [python, "-c", BARE_PANDAS, str(folder)]
        for name, extra in DATA_COMMANDS:
            result, bare, ratio = measure_pairs(data + extra, bare_script, env, base, runs)
            if name == DATA_COMMANDS[0][0]:
                row(f"bare pandas script, {size:,} rows (baseline; its runs beside validate)", bare)
            target = TARGETS_1M[name] if size == 1_000_000 else None
            row(f"{name}, {size:,} rows", result, ratio, target, f"bare pandas ({bare['median']:.3f} s in turn)")
            if name == "status --by territory":
                per_row[size] = result["median"] / size
                if size == 1_000_000:
                    limit = 2 * bare["peak"] + 200
                    rows.append(
                        (
                            f"peak memory, status --by territory, {size:,} rows",
                            f"{result['peak']} MB",
                            "bare pandas",
                            f"{bare['peak']} MB",
                            f"≤ 2× + 200 MB = {limit} MB",
                            "yes" if result["peak"] <= limit else "NO",
                        )
                    )
    if 100_000 in per_row and 1_000_000 in per_row:
        ratio = per_row[1_000_000] / per_row[100_000]
        rows.append(
            (
                "time per row, status --by territory, 1M vs 100k",
                f"{per_row[1_000_000] * 1e6:.2f} µs vs {per_row[100_000] * 1e6:.2f} µs",
                "",
                f"{ratio:.2f}×",
                "≤ 1.2×",
                "yes" if ratio <= 1.2 else "NO",
            )
        )

    notes.append(f"load average (1 min) at the start {start_load:.2f}, at the end {load_average():.2f}")
    print(f"Machine: {machine()}\n")
    print("| command | median (min–max), peak RSS | vs | ratio | target | met |")
    print("|---|---|---|---|---|---|")
    for cells in rows:
        print("| " + " | ".join(cells) + " |")
    print()
    for note in notes:
        print(f"- {note}")


if __name__ == "__main__":
    main()
