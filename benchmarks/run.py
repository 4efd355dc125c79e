"""Time relint's commands as whole processes against same-run baselines.

    python benchmarks/run.py                      # sizes 1,000 / 100,000 / 1,000,000
    python benchmarks/run.py --sizes 1000 --quick # a smoke run

Prints one Markdown table: median and min–max wall time, peak memory (max
RSS of the process), the baseline and the ratio, and whether the target of
the performance issue is met. Baselines: ``python -c "import pandas"`` for
start-up, and a bare pandas script that reads the same CSVs and groups by
year and type for the data sizes. "Cold" runs start with an empty cache of
validated data (as after the files changed); "warm" runs reuse it.
Each generated data set must pass ``relint validate`` (cache off) before
anything is timed. Below the table: what the cache keys (a BLAKE2b
hash of every quarterly file and the registry) cost at each size.
"""

from __future__ import annotations

import argparse
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
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

PLAN = REPO / "data" / "plan_2022_2023.yaml"
BARE_PANDAS = """
import glob, sys
import pandas as pd
frames = [pd.read_csv(f, dtype=str, keep_default_na=False) for f in sorted(glob.glob(sys.argv[1] + "/actuals/*.csv"))]
df = pd.concat(frames)
df["year"] = df["date"].str[:4]
df["value"] = pd.to_numeric(df["value"])
print(df.groupby(["year", "type"])["value"].sum().shape)
"""


def run_once(argv: list[str], env: dict, cwd: Path) -> tuple[float, int, int]:
    """Run a command; return (seconds, peak RSS in MB, exit code)."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.stderr.close()
    return elapsed, usage.ru_maxrss // 1024, os.waitstatus_to_exitcode(status)


def measure(argv, env, cwd, runs: int, before=None) -> dict:
    """Warm up once, then ``runs`` timed runs; ``before`` runs before each (e.g. clear the cache)."""
    if before:
        before()
    _, _, code = run_once(argv, env, cwd)
    if code == 2:
        return {"na": True}
    times, peaks = [], []
    for _ in range(runs):
        if before:
            before()
        seconds, peak, code = run_once(argv, env, cwd)
        if code != 0:
            raise SystemExit(f"{' '.join(argv)} exited {code}")
        times.append(seconds)
        peaks.append(peak)
    return {"median": statistics.median(times), "min": min(times), "max": max(times), "peak": max(peaks)}


def fmt(result: dict) -> str:
    """One timing cell: median (min–max) and peak RSS, or n/a for a missing command."""
    if result.get("na"):
        return "n/a"
    return f"{result['median']:.3f} s ({result['min']:.3f}–{result['max']:.3f}), {result['peak']} MB"


def fingerprint_seconds(folder: Path, plan: Path, env: dict) -> float:
    """Median seconds the cache takes to fingerprint a data folder (file contents hashed), in a fresh process."""
    code = (
        "import time; from relint_kpi.actuals import actuals_files; from relint_kpi.cache import base_key, file_key; "
        f"t = time.perf_counter(); base = base_key({str(folder)!r}, {str(plan)!r}); "
        f"[file_key(base, path) for path in actuals_files({str(folder)!r})]; print(time.perf_counter() - t)"
    )
    run = [sys.executable, "-c", code]
    times = [float(subprocess.run(run, env=env, cwd=folder, capture_output=True, text=True, check=True).stdout) for _ in range(3)]
    return statistics.median(times)


def toggle_final_newline(path: Path) -> None:
    """Add or remove a blank last line: a one-byte edit that keeps the data valid."""
    raw = path.read_bytes()
    path.write_bytes(raw[:-1] if raw.endswith(b"\n\n") else raw + b"\n")


def machine() -> str:
    cpu = "unknown CPU"
    with open("/proc/cpuinfo", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def main() -> None:
    """Generate data, time every command, print the table."""
    parser = argparse.ArgumentParser(description="relint benchmark")
    parser.add_argument("--sizes", default="1000,100000,1000000")
    parser.add_argument("--quick", action="store_true", help="fewer runs (a smoke test)")
    parser.add_argument("--keep", type=Path, help="keep generated data in this folder")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    python = sys.executable
    work = (args.keep or Path(tempfile.mkdtemp(prefix="relint-bench-"))).resolve()
    # The code and the shipped data are copied first, so that edits made in
    # the checkout while the benchmark runs (minutes at 1,000,000 rows) cannot
    # change what is measured, or empty the cache between warm runs.
    base = work / "snapshot"
    shutil.rmtree(base, ignore_errors=True)
    shutil.copytree(REPO / "src", base / "src", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO / "data", base / "data", ignore=shutil.ignore_patterns("*.lock"))
    plan = base / "data" / PLAN.name
    relint = [python, "-m", "relint_kpi", "--plan", str(plan)]
    cache = work / "cache"
    env = {**os.environ, "RELINT_CACHE_DIR": str(cache), "PYTHONPATH": str(base / "src")}

    def clear_cache():
        shutil.rmtree(cache, ignore_errors=True)

    small_runs = 2 if args.quick else 5
    rows = []
    notes: list[str] = []

    def row(name, result, baseline, target=None, baseline_name=""):
        ratio = result["median"] / baseline["median"] if not result.get("na") else None
        verdict = "" if target is None or ratio is None else ("yes" if ratio <= target else "NO")
        rows.append(
            (name, fmt(result), baseline_name, f"{ratio:.2f}×" if ratio else "n/a", f"≤ {target}×" if target else "", verdict)
        )

    start_load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    pandas_import = measure([python, "-c", "import pandas"], env, base, small_runs)
    rows.append(("python -c 'import pandas' (baseline)", fmt(pandas_import), "", "", "", ""))
    row("relint --help", measure(relint + ["--help"], env, base, small_runs), pandas_import, 0.4, "import pandas")
    dry = relint + ["add-activity", "--dry-run", "--type", "meeting", "--date", "2023-03-11", "--territory", "BE", "--title", "Benchmark"]
    row("relint add-activity --dry-run", measure(dry, env, base, small_runs), pandas_import, 0.4, "import pandas")
    # The first run after the plan file changed validates the plan (pydantic, YAML) before caching its rules.
    first = measure(dry, env, base, small_runs, before=clear_cache)
    row("relint add-activity --dry-run, plan just changed (no cached plan)", first, pandas_import, None, "import pandas")
    row("relint status (shipped data, warm)", measure(relint + ["status"], env, base, small_runs), pandas_import, 1.5, "import pandas")

    per_row = {}
    for size in sizes:
        folder = work / f"data-{size}"
        generate(plan, folder, size)
        data = relint[:] + ["--data", str(folder)]
        check = subprocess.run(data + ["validate"], env={**env, "RELINT_NO_CACHE": "1"}, cwd=base, capture_output=True, text=True)
        if check.returncode != 0:
            raise SystemExit(f"generated data of {size:,} rows does not validate:\n{check.stdout}{check.stderr}")
        hashing = fingerprint_seconds(folder, plan, env)
        notes.append(f"cache keys (BLAKE2b of every quarterly file and the registry, plus sizes and times), {size:,} rows: {hashing * 1000:.0f} ms")
        runs = 3 if size >= 1_000_000 and not args.quick else small_runs
        bare = measure([python, "-c", BARE_PANDAS, str(folder)], env, base, runs)
        rows.append((f"bare pandas script, {size:,} rows (baseline)", fmt(bare), "", "", "", ""))
        for name, extra in (
            ("validate", ["validate"]),
            ("status --by territory", ["status", "--by", "territory"]),
            ("report --format json", ["report", "--year", "2023", "--format", "json"]),
        ):
            cold = measure(data + extra, env, base, runs, before=clear_cache)
            warm = measure(data + extra, env, base, runs)
            row(f"{name}, {size:,} rows, cold", cold, bare, 3 if name.startswith("status") and size >= 1_000_000 else None, "bare pandas")
            row(f"{name}, {size:,} rows, warm", warm, bare, 1.5 if name.startswith("status") and size >= 1_000_000 else None, "bare pandas")
            if name == "status --by territory" and not cold.get("na"):
                per_row[size] = cold["median"] / size
                # The usual day: one quarter edited since the last command. Its
                # last line end is toggled before each run, so its bytes differ.
                edited = folder / "actuals" / "2023-Q4.csv"
                one = measure(data + extra, env, base, runs, before=lambda: toggle_final_newline(edited))
                row(f"{name}, {size:,} rows, one quarter edited", one, bare, None, "bare pandas")
                if size >= 1_000_000:
                    limit = 2 * bare["peak"] + 200
                    ok = "yes" if cold["peak"] <= limit else "NO"
                    rows.append((f"peak memory, status, {size:,} rows", f"{cold['peak']} MB", "bare pandas", f"{bare['peak']} MB", f"≤ 2× + 200 MB = {limit} MB", ok))
    if 100_000 in per_row and 1_000_000 in per_row:
        ratio = per_row[1_000_000] / per_row[100_000]
        rows.append(("time per row, 1M vs 100k (status, cold)", f"{per_row[1_000_000] * 1e6:.2f} µs vs {per_row[100_000] * 1e6:.2f} µs", "", f"{ratio:.2f}×", "≤ 1.5×", "yes" if ratio <= 1.5 else "NO"))

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    notes.append(f"load average (1 min) at the start {start_load:.2f}, at the end {load:.2f}")
    print(f"Machine: {machine()}\n")
    print("| command | median (min–max), peak RSS | vs | ratio | target | met |")
    print("|---|---|---|---|---|---|")
    for cells in rows:
        print("| " + " | ".join(cells) + " |")
    if notes:
        print()
        for note in notes:
            print(f"- {note}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
