"""How fast the Today page reruns at 100, 1,000 and 10,000 applications, against a bare baseline.

    python benchmarks/overview_benchmark.py [--sizes 100 1000 10000] [--runs 15] [--no-browser]
                                            [--postgresql URL [--people 100] [--others-applications 100]]

For each size it builds a realistic database in a temporary folder (the same
sample as `python -m followup demo --applications N`), or with --postgresql in
a fresh schema on that server (dropped at the end). With --people P the
database holds P people: the one whose Today page is measured, with N
applications, and P - 1 others with --others-applications each, so the
queries find one person's rows among everyone's. Then:

1. Reruns, under AppTest, the router (app.py) switched to pages/overview.py
   with every application shown ("Show closed" on, so the table has N rows),
   and the bare baseline page (benchmarks/baseline_page.py: N rows in a plain
   st.dataframe, N points in a plain Altair chart), one after the other, and
   prints the medians and their ratio. Two ratios are printed: as AppTest
   ships, it compiles every script again on every run; the real server
   compiles a script once, so the second ratio gives AppTest one script cache
   for the whole benchmark, as the server has.
2. Times a rerun right after a save of the settings (the data version
   changes; the page reads what changed since, here no application, see
   benchmarks/scale_benchmark.py for saves that change one), and a rerun that
   shows a timeline page not seen before (its rows are read and its chart is
   built).
3. Adds up the bytes of the messages each page sends per rerun (the
   serialized ForwardMsg protos AppTest receives, which is what the server
   would write to the websocket, before compression), and counts the rows of
   the table and of the chart's data.
4. Unless --no-browser: starts the real server on a free loopback port,
   times how long until /_stcore/health answers, then opens the page in
   headless Chromium and times until the chart is drawn, counting the
   websocket bytes the browser received; the same for the baseline page.

The benchmark is not part of the test suite. It takes about two to three
minutes, most of it building the 10,000-application database.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pyarrow as pa

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from streamlit.runtime.scriptrunner.script_cache import ScriptCache
from streamlit.testing.v1 import (
    AppTest,
    local_script_runner,
)
from streamlit.testing.v1 import app_test as app_test_module

from followup.model import Owner
from followup.sample import load_sample
from followup.store import URL_VARIABLE, Store
from tests.browser.server import AppServer
from tests.conftest import postgres_schema

BASELINE = ROOT / "benchmarks" / "baseline_page.py"
ROWS_VARIABLE = "FOLLOWUP_BASELINE_ROWS"
WARM_UP = 3


class MessageBytes:
    """The size of every ForwardMsg of the last AppTest run."""

    def __init__(self):
        self.last = 0
        self._parse = local_script_runner.parse_tree_from_messages

    def __enter__(self):
        def measured(messages):
            self.last = sum(message.ByteSize() for message in messages)
            return self._parse(messages)

        local_script_runner.parse_tree_from_messages = measured
        return self

    def __exit__(self, *_):
        local_script_runner.parse_tree_from_messages = self._parse


@contextmanager
def one_script_cache(enabled: bool):
    """AppTest builds a new script cache (so compiles every script) on each run; the server keeps one."""
    if not enabled:
        yield
        return
    shared = ScriptCache()
    original = app_test_module.ScriptCache
    app_test_module.ScriptCache = lambda: shared
    try:
        yield
    finally:
        app_test_module.ScriptCache = original


def build_database(url: str, size: int, people: int, others_applications: int) -> str:
    """The measured person (the local user the page opens for) with `size` applications, and
    `people - 1` others with `others_applications` each."""
    store = Store.open(url)
    try:
        load_sample(store, applications=size)
        for number in range(1, people):
            load_sample(store.for_owner(Owner("https://id.example", f"person-{number}")), others_applications)
    finally:
        store.close()
    return url


def timed(at: AppTest) -> float:
    started = time.perf_counter()
    at.run()
    elapsed = time.perf_counter() - started
    if at.exception:
        raise RuntimeError(f"the page failed: {at.exception[0].value}")
    return elapsed


def chart_rows(at: AppTest) -> int:
    return sum(
        pa.ipc.open_stream(dataset.data.data).read_all().num_rows
        for chart in at.get("vega_lite_chart")
        for dataset in chart.proto.datasets
    )


def measure_reruns(url: str, size: int, runs: int, *, server_like: bool) -> dict:
    os.environ[URL_VARIABLE] = url
    with one_script_cache(server_like), MessageBytes() as sent:
        overview = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300).run()
        overview.switch_page("pages/overview.py").run()
        overview.toggle(key="overview-closed").set_value(True).run()
        table_rows = len(overview.dataframe[0].value)
        os.environ[ROWS_VARIABLE] = str(table_rows)
        baseline = AppTest.from_file(str(BASELINE), default_timeout=300).run()
        for _ in range(WARM_UP):
            timed(overview), timed(baseline)
        overview_times, baseline_times = [], []
        for run in range(runs):
            # Alternate which goes first, so that neither always runs on a warmer machine.
            pair = [(overview, overview_times), (baseline, baseline_times)]
            for at, times in pair if run % 2 else reversed(pair):
                times.append(timed(at))
        timed(overview)
        overview_bytes, overview_chart_rows = sent.last, chart_rows(overview)
        timed(baseline)
        baseline_bytes, baseline_chart_rows = sent.last, chart_rows(baseline)
        store = Store.open(url)
        after_save = []
        for _ in range(3):
            store.save_settings(store.get_settings())
            after_save.append(timed(overview))
        store.close()
        # A timeline page not seen yet: its rows are read and its chart is built.
        new_page = []
        for page in range(2, 5):
            overview.number_input(key="overview-page").set_value(page)
            new_page.append(timed(overview))
    return {
        "size": size,
        "table_rows": table_rows,
        "chart_rows": overview_chart_rows,
        "baseline_chart_rows": baseline_chart_rows,
        "overview": statistics.median(overview_times),
        "baseline": statistics.median(baseline_times),
        "after_save": statistics.median(after_save),
        "new_page": statistics.median(new_page),
        "overview_bytes": overview_bytes,
        "baseline_bytes": baseline_bytes,
    }


def first_answer(script: Path, path: str, env: dict[str, str], log: Path) -> dict:
    """Start the real server; time until it is healthy, then until the page's chart is drawn."""
    from playwright.sync_api import sync_playwright

    server = AppServer(env, log, script=str(script))
    started = time.perf_counter()
    server.start()
    healthy = time.perf_counter() - started
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            received = []
            page.on(
                "websocket",
                lambda socket_: socket_.on(
                    "framereceived",
                    lambda frame: received.append(
                        len(frame) if isinstance(frame, bytes) else len(frame.encode())
                    ),
                ),
            )
            opened = time.perf_counter()
            page.goto(f"{server.url}/{path}")
            page.wait_for_selector(CHART_DRAWN, timeout=300_000)
            page.wait_for_selector(RUN_FINISHED, timeout=300_000)
            drawn = time.perf_counter() - opened
            browser.close()
    finally:
        server.stop()
    return {"healthy": healthy, "drawn": drawn, "websocket_bytes": sum(received)}


CHART_DRAWN = '[data-testid="stVegaLiteChart"] svg, [data-testid="stVegaLiteChart"] canvas'
RUN_FINISHED = '[data-testid="stApp"][data-test-script-state="notRunning"]'
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium() -> str | None:
    return os.environ.get("FOLLOWUP_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


def kilobytes(count: int) -> str:
    return f"{count / 1024:,.0f} KB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10_000], metavar="N")
    parser.add_argument("--runs", type=int, default=15, help="timed reruns per page (default 15)")
    parser.add_argument("--no-browser", action="store_true", help="skip the real server and the browser")
    parser.add_argument(
        "--postgresql",
        metavar="URL",
        help="run on this PostgreSQL server (a fresh schema, dropped after) instead of SQLite files",
    )
    parser.add_argument(
        "--people", type=int, default=1, metavar="P", help="people in the database, the measured one included"
    )
    parser.add_argument(
        "--others-applications",
        type=int,
        default=100,
        metavar="M",
        help="applications of each other person (default 100)",
    )
    args = parser.parse_args()
    os.chdir(ROOT)

    with tempfile.TemporaryDirectory(prefix="followup-bench-") as temporary, ExitStack() as schemas:
        folder = Path(temporary)
        urls = {}
        for size in args.sizes:
            started = time.perf_counter()
            url = (
                schemas.enter_context(postgres_schema(args.postgresql))
                if args.postgresql
                else f"sqlite:///{folder / f'followup-{size}.db'}"
            )
            urls[size] = build_database(url, size, args.people, args.others_applications)
            others = (
                f" among {args.people - 1:,} others with {args.others_applications:,} each"
                if args.people > 1
                else ""
            )
            print(f"built {size:,} applications{others} in {time.perf_counter() - started:.0f} s", flush=True)

        results = {
            (size, server_like): measure_reruns(urls[size], size, args.runs, server_like=server_like)
            for size in args.sizes
            for server_like in (False, True)
        }

        print(
            f"\nMedian rerun under AppTest ({args.runs} runs after {WARM_UP} to warm up), every "
            "application shown; baseline: the same number of rows in a plain st.dataframe and a "
            "plain Altair chart.\n"
        )
        print(
            f"{'N':>7} | {'table rows':>10} | {'chart rows':>10} | {'baseline':>9} | {'overview':>9} | "
            f"{'ratio':>5} | {'server-like: baseline':>21} | {'overview':>9} | {'ratio':>5} | "
            f"{'after a save':>12} | {'new page':>8}"
        )
        for size in args.sizes:
            shipped, server = results[(size, False)], results[(size, True)]
            print(
                f"{size:>7,} | {shipped['table_rows']:>10,} | {shipped['chart_rows']:>10,} | "
                f"{shipped['baseline'] * 1000:>6.1f} ms | {shipped['overview'] * 1000:>6.1f} ms | "
                f"{shipped['overview'] / shipped['baseline']:>4.2f}× | "
                f"{server['baseline'] * 1000:>18.1f} ms | {server['overview'] * 1000:>6.1f} ms | "
                f"{server['overview'] / server['baseline']:>4.2f}× | {server['after_save'] * 1000:>9.0f} ms | "
                f"{server['new_page'] * 1000:>5.0f} ms"
            )

        print("\nBytes per rerun (serialized ForwardMsg protos, before websocket compression):\n")
        print(
            f"{'N':>7} | {'baseline':>10} | {'overview':>10} | {'baseline chart rows':>19} | "
            f"{'overview chart rows':>19}"
        )
        for size in args.sizes:
            result = results[(size, True)]
            print(
                f"{size:>7,} | {kilobytes(result['baseline_bytes']):>10} | "
                f"{kilobytes(result['overview_bytes']):>10} | {result['baseline_chart_rows']:>19,} | "
                f"{result['chart_rows']:>19,}"
            )

        if args.no_browser:
            return 0
        if chromium() is None:
            print("\nNo Chromium found (set FOLLOWUP_CHROMIUM): skipping the real server.")
            return 0
        print("\nThe real server, first visit (default view: closed applications hidden):\n")
        print(f"{'N':>7} | {'page':>8} | {'health ok':>9} | {'chart drawn':>11} | {'websocket bytes':>15}")
        for size in args.sizes:
            rows = results[(size, True)]["table_rows"]
            for name, script, path, env in (
                ("overview", ROOT / "app.py", "", {URL_VARIABLE: urls[size]}),
                ("baseline", BASELINE, "", {ROWS_VARIABLE: str(rows)}),
            ):
                answer = first_answer(script, path, env, folder / "server.log")
                print(
                    f"{size:>7,} | {name:>8} | {answer['healthy']:>7.2f} s | {answer['drawn']:>9.2f} s | "
                    f"{kilobytes(answer['websocket_bytes']):>15}",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
