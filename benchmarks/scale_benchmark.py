"""Fast at every size: each cost that grows with the data, against its comparison, in one run.

    python benchmarks/scale_benchmark.py [--applications 10000] [--runs 15] [--no-browser]
                                         [--database sqlite:///path.db]

With the sample of `python -m followup demo --applications N` (built in a
temporary folder, or a copy of --database's SQLite file), it measures:

1. The first visit to Today after the server starts, in headless Chromium,
   until the chart is drawn and the script has finished, against the bare
   page (benchmarks/baseline_page.py) with as many table rows as Today shows
   (3 visits each, alternating; medians). Goal: within 1.5x.
2. The rerun of Today right after a save, under AppTest with one script cache
   (as the server has), against a normal rerun of the same page. Three kinds
   of save: one application changed (its stage and plan, as the Outcome page
   saves them, a different application each time), one follow-up logged, and
   the settings (nothing on the page changes). Goal: within 5x.
3. `python -m followup due` against the command line's own start
   (`python -m followup --help`), 5 runs each, alternating; medians. Goal:
   within 4x.
4. `python -m followup import` of a backup of all N applications (exported as
   the app exports it) into an empty database, against an absolute 5 s: the
   median of 3 runs, with the processor time the median run used (on a
   shared machine the wall clock also counts the time others had the cores).

It prints one table with every ratio. About 5 minutes at 10,000 applications.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest

from benchmarks.overview_benchmark import (
    BASELINE,
    ROWS_VARIABLE,
    chromium,
    first_answer,
    one_script_cache,
    timed,
)
from followup import backup, clock, overview, planning
from followup.model import ActionStatus, AttemptOutcome, Status
from followup.sample import load_sample
from followup.store import URL_VARIABLE, Store

GOALS = {"first visit": 1.5, "after a save": 5.0, "due": 4.0}
IMPORT_GOAL_S = 5.0


def build(url: str, size: int) -> None:
    store = Store.open(url)
    try:
        load_sample(store, applications=size)
    finally:
        store.close()


def shown_rows(url: str) -> int:
    """How many rows the Today table shows on a first visit (applications still in play)."""
    store = Store.open(url)
    try:
        table = overview.application_table(overview.prepare(store.overview_rows()), clock.today())
    finally:
        store.close()
    return len(overview.filter_table(table))


def first_visits(url: str, rows: int, folder: Path, visits: int) -> tuple[float, float]:
    today, bare = [], []
    for visit in range(visits):
        pair = [
            # Today is the app's own address, where `streamlit run` opens the browser.
            (today, ROOT / "app.py", "", {URL_VARIABLE: url}),
            (bare, BASELINE, "", {ROWS_VARIABLE: str(rows)}),
        ]
        for times, script, path, env in pair if visit % 2 else reversed(pair):
            times.append(first_answer(script, path, env, folder / "server.log")["drawn"])
    return statistics.median(today), statistics.median(bare)


def _stage_change(store: Store, picked: int) -> None:
    """One application's stage and plan saved, as the Outcome page does."""
    application = store.get_application(picked)
    new = Status.WAITING if application.status is Status.ACTIVE else Status.ACTIVE
    planning.save_application(store, replace(application, status=new))


def _follow_up_logged(store: Store, picked: int) -> None:
    planned = store.list_actions(picked, status=ActionStatus.PLANNED)
    if planned:
        planning.log_attempt(store, planned[0], AttemptOutcome.SENT, on=clock.today())
    else:
        _stage_change(store, picked)


def _settings(store: Store, _picked: int) -> None:
    store.save_settings(store.get_settings())


SAVES = {
    "an application's stage": _stage_change,
    "a follow-up logged": _follow_up_logged,
    "the settings": _settings,
}


def reruns(url: str, runs: int) -> dict[str, float]:
    """Median normal rerun, and median rerun right after each kind of save (server-like)."""
    os.environ[URL_VARIABLE] = url
    store = Store.open(url)
    open_ones = [a.id for a in store.list_applications() if a.status.is_open]
    picks = random.Random(17).sample(open_ones, min(len(open_ones), runs * len(SAVES)))
    results = {}
    with one_script_cache(True):
        page = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600).run()
        page.switch_page("pages/overview.py").run()
        for _ in range(3):
            timed(page)
        results["normal"] = statistics.median(timed(page) for _ in range(runs))
        for name, save in SAVES.items():
            after = []
            for _ in range(runs):
                save(store, picks.pop())
                after.append(timed(page))
            results[name] = statistics.median(after)
    store.close()
    return results


def command(*argv: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "followup", *argv], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def due_against_start(url: str, runs: int) -> tuple[float, float]:
    due, start = [], []
    for run in range(runs):
        pair = [(due, ("due", "--database", url)), (start, ("--help",))]
        for times, argv in pair if run % 2 else reversed(pair):
            times.append(command(*argv))
    return statistics.median(due), statistics.median(start)


def import_seconds(url: str, folder: Path, runs: int = 3) -> tuple[float, float]:
    """The median wall-clock time of `import` into an empty database, and its processor time."""
    store = Store.open(url)
    try:
        exported = folder / "backup.json"
        exported.write_bytes(backup.export_json(store))
    finally:
        store.close()
    measured = []
    for run in range(runs):
        target = folder / f"restored-{run}.db"
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        wall = command("import", str(exported), "--database", f"sqlite:///{target}")
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        processor = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        measured.append((wall, processor))
    return sorted(measured)[len(measured) // 2]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--applications", type=int, default=10_000, metavar="N")
    parser.add_argument("--runs", type=int, default=15, help="reruns per kind (default 15)")
    parser.add_argument("--visits", type=int, default=3, help="first visits per page (default 3)")
    parser.add_argument("--no-browser", action="store_true", help="skip the first visit in Chromium")
    parser.add_argument(
        "--database", metavar="URL", help="a copy of this SQLite database instead of a new sample"
    )
    args = parser.parse_args()
    os.chdir(ROOT)

    with tempfile.TemporaryDirectory(prefix="followup-scale-") as temporary:
        folder = Path(temporary)
        path = folder / "followup.db"
        url = f"sqlite:///{path}"
        started = time.perf_counter()
        if args.database:
            shutil.copy(args.database.removeprefix("sqlite:///"), path)
        else:
            build(url, args.applications)
        size = len(Store.open(url).list_applications())
        print(f"{size:,} applications ready in {time.perf_counter() - started:.0f} s", flush=True)

        rows = [("row", "measured", "comparison", "ratio", "goal")]
        if not args.no_browser and chromium() is not None:
            shown = shown_rows(url)
            today, bare = first_visits(url, shown, folder, args.visits)
            rows.append(
                (
                    f"first visit to Today ({shown:,} rows)",
                    f"{today:.2f} s",
                    f"bare page {bare:.2f} s",
                    today / bare,
                    GOALS["first visit"],
                )
            )
            print(rows[-1], flush=True)
        measured = reruns(url, args.runs)
        for name in SAVES:
            rows.append(
                (
                    f"rerun after a save: {name}",
                    f"{measured[name] * 1000:.0f} ms",
                    f"normal rerun {measured['normal'] * 1000:.0f} ms",
                    measured[name] / measured["normal"],
                    GOALS["after a save"],
                )
            )
            print(rows[-1], flush=True)
        due, start = due_against_start(url, 5)
        rows.append(
            ("python -m followup due", f"{due:.2f} s", f"--help {start:.2f} s", due / start, GOALS["due"])
        )
        print(rows[-1], flush=True)
        restore, processor = import_seconds(url, folder)
        rows.append(
            (
                f"import of {size:,} applications",
                f"{restore:.2f} s ({processor:.2f} s CPU)",
                f"{IMPORT_GOAL_S:.0f} s",
                restore / IMPORT_GOAL_S,
                1.0,
            )
        )

    print(f"\nAt {size:,} applications (ratio: measured / comparison):\n")
    widths = [max(len(str(row[i])) if i < 3 else 7 for row in rows) for i in range(3)]
    header, *body = rows
    print(
        f"{header[0]:<{widths[0]}} | {header[1]:>{widths[1]}} | {header[2]:>{widths[2]}} | ratio | goal  | holds"
    )
    for name, value, comparison, ratio, goal in body:
        holds = "yes" if ratio <= goal else "NO"
        print(
            f"{name:<{widths[0]}} | {value:>{widths[1]}} | {comparison:>{widths[2]}} | {ratio:>4.2f}× | "
            f"{goal:>4.1f}× | {holds}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
