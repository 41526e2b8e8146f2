"""Kill a writing process at random moments: nothing confirmed is lost, nothing is half-written."""

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from followup import tables
from followup.store import Store

ROOT = Path(__file__).resolve().parents[2]
KILLS = 12


def _start(mode: str, url: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.crash_worker", mode, url],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _kill_after(process: subprocess.Popen, seconds: float) -> list[str]:
    time.sleep(seconds)
    process.send_signal(signal.SIGKILL)
    out, err = process.communicate()
    assert "Traceback" not in err, err
    return out.splitlines()


def _count(conn, table) -> int:
    return conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()


def _check_whole(url: str) -> Store:
    store = Store.open(url)
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
        # Every application was saved with exactly one interview, one interviewer and their notes.
        applications = _count(conn, tables.applications)
        assert _count(conn, tables.interviews) == applications
        assert _count(conn, tables.interviewers) == applications
        assert _count(conn, tables.debrief_notes) == applications
    return store


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_killed_during_a_stream_of_saves(tmp_path):
    url = f"sqlite:///{tmp_path / 'saves.db'}"
    Store.open(url)
    rng = random.Random(1)
    confirmed: set[str] = set()
    for _ in range(KILLS):
        lines = _kill_after(_start("saves", url), rng.uniform(1.2, 2.5))
        confirmed |= {line.split()[1] for line in lines if line.startswith("confirmed")}
        store = _check_whole(url)
        stored = {a.company.split()[1] for a in store.list_applications()}
        assert confirmed <= stored, f"confirmed but lost: {sorted(confirmed - stored)[:5]}"
    assert len(confirmed) > KILLS


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_killed_during_large_imports(tmp_path):
    from tests.crash_worker import IMPORT_SIZE

    url = f"sqlite:///{tmp_path / 'imports.db'}"
    Store.open(url).add_bundles([])
    rng = random.Random(2)
    imported = 0
    for _ in range(KILLS):
        lines = _kill_after(_start("import", url), rng.uniform(4.5, 10.0))
        imported += sum(line.startswith("imported") for line in lines)
        store = _check_whole(url)
        # All of an import or none of it: never a part.
        assert len(store.list_applications()) in (0, IMPORT_SIZE)
    assert imported >= 1
