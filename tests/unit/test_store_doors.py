"""The store as the last door: what it keeps, what it refuses, and how it opens a database
it must not change (newer, read-only) or cannot reach (no driver)."""

import os
import re
import shutil
import sqlite3
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from followup import migrations, tables
from followup.errors import SchemaTooNew, StorageError, ValidationFailed
from followup.model import Action, ActionKind, Application, Channel, Interview, Letter, LetterKind, Settings
from followup.sample import load_sample
from followup.store import Store

ROOT = Path(__file__).resolve().parents[2]


def test_text_is_kept_without_control_characters(store):
    application = Application("Acme\x00 \x1b[2J", "Analyst\r\nBcc: x@evil.invalid", notes="a\r\nb\x0cc\td")
    store.add_application(application)
    [saved] = store.list_applications()
    assert (saved.company, saved.role, saved.notes) == ("Acme [2J", "Analyst Bcc: x@evil.invalid", "a\nbc\td")
    interview = Interview(saved.id, datetime(2026, 11, 2, 10))
    store.add_interview(interview)
    letter = Letter(saved.id, LetterKind.THANK_YOU_EMAIL, "d@acme.example\nCc: all@acme.example", "Hi\rthere")
    store.add_letter(letter)
    [kept] = store.list_letters()
    assert (kept.recipient, kept.subject) == ("d@acme.example Cc: all@acme.example", "Hi there")
    store.save_settings(Settings(signature="Sam\x07\nSam@example.com", user_dictionary=["ok\x00ay"]))
    assert store.get_settings().signature == "Sam\nSam@example.com"
    assert store.get_settings().user_dictionary == ["okay"]


@pytest.mark.parametrize("day", [date(9999, 12, 31), date(1, 1, 1), date(1969, 12, 31), date(2101, 1, 1)])
def test_a_date_outside_the_range_is_never_saved(store, day):
    application = Application("Acme", "Analyst", created_at=datetime(2026, 1, 5, 9))
    store.add_application(application)
    with pytest.raises(ValidationFailed, match="outside the years 1970 to 2100"):
        store.add_action(Action(application.id, ActionKind.STATUS_CHECK, day, Channel.PHONE))
    with pytest.raises(ValidationFailed, match="created_at"):
        store.add_application(
            Application("Old", "Role", created_at=datetime.combine(day, datetime.min.time()))
        )
    assert store.list_actions() == []
    assert [a.company for a in store.list_applications()] == ["Acme"]


def _rollback_journal_database(path: Path, schema_version: int) -> None:
    """A database as a newer followup might leave it: not in write-ahead-log mode."""
    connection = sqlite3.connect(path)
    connection.execute(
        "CREATE TABLE meta (id INTEGER PRIMARY KEY, schema_version INTEGER, data_version INTEGER)"
    )
    connection.execute("INSERT INTO meta VALUES (1, ?, 0)", (schema_version,))
    connection.commit()
    connection.close()


def test_a_database_from_a_newer_version_is_left_byte_for_byte(tmp_path):
    path = tmp_path / "newer.db"
    _rollback_journal_database(path, migrations.CURRENT_VERSION + 1)
    before = path.read_bytes()
    with pytest.raises(SchemaTooNew, match="left untouched"):
        Store.open(f"sqlite:///{path}")
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["newer.db"]
    # The journal mode is written in the file header (bytes 18 and 19: 1 rollback, 2 WAL).
    assert before[18:20] == b"\x01\x01"


def test_an_accepted_database_is_switched_to_write_ahead_logging(tmp_path):
    path = tmp_path / "old.db"
    store = Store.open(f"sqlite:///{path}")
    store.close()
    assert path.read_bytes()[18:20] == b"\x02\x02"


@pytest.mark.parametrize(
    "url, module, package",
    [
        # SQLAlchemy 2.1 reaches PostgreSQL through psycopg (version 3) unless told otherwise.
        ("postgresql://user@localhost/followup", "psycopg", "psycopg[binary]"),
        ("postgresql+psycopg2://user@localhost/followup", "psycopg2", "psycopg2-binary"),
        ("mysql+pymysql://user@localhost/followup", "pymysql", "PyMySQL"),
    ],
)
def test_a_database_without_its_driver_names_the_package_to_install(url, module, package, monkeypatch):
    # As if the driver were not installed, whether it is here or not.
    monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(StorageError, match=re.escape(f"run `pip install {package}`")):
        Store.open(url)


def test_an_unknown_kind_of_database_is_explained():
    with pytest.raises(StorageError, match="not known here"):
        Store.open("nosuchdb://localhost/x")


# -- a read-only folder ---------------------------------------------------------------------

# Root may write anywhere, whatever the permissions say; a read-only mount stops even root.
# The mount is private to the command (its own mount namespace) and ends with it.
_READ_ONLY_MOUNT = (
    'folder="$1"; shift; mount --bind "$folder" "$folder" && mount -o remount,bind,ro "$folder" && exec "$@"'
)


def _read_only_prefix(folder: Path) -> list[str] | None:
    """The start of a command that sees `folder` read-only, or None where that cannot be arranged."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        return []
    unshare = shutil.which("unshare")
    if not unshare or subprocess.run([unshare, "-m", "true"], capture_output=True, check=False).returncode:
        return None
    return [unshare, "-m", "--propagation", "private", "sh", "-c", _READ_ONLY_MOUNT, "sh", str(folder)]


@pytest.fixture
def read_only_folder(tmp_path):
    """A followup database with the sample, in a folder the commands below cannot write."""
    folder = tmp_path / "data"
    store = Store.open(f"sqlite:///{folder / 'followup.db'}")
    load_sample(store)
    store.close()
    assert sorted(p.name for p in folder.iterdir()) == ["followup.db"]
    prefix = _read_only_prefix(folder)
    if prefix is None:
        pytest.skip("cannot make a read-only folder here")
    yield folder, prefix
    folder.chmod(0o755)


def _followup(prefix: list[str], folder: Path, *argv: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "FOLLOWUP_DATABASE_URL": f"sqlite:///{folder / 'followup.db'}"}
    env.pop("FOLLOWUP_DEBUG", None)
    return subprocess.run(
        [*prefix, sys.executable, "-m", "followup", *argv],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_read_only_folder_still_allows_export_and_due(read_only_folder):
    folder, prefix = read_only_folder
    before = (folder / "followup.db").read_bytes()
    exported = _followup(prefix, folder, "export", "--format", "json")
    assert exported.returncode == 0, exported.stderr
    assert '"format": "followup-export"' in exported.stdout
    assert exported.stdout.count('"company"') == 8
    due = _followup(prefix, folder, "due", "--date", "2100-01-01", "--format", "json")
    assert due.returncode == 0, due.stderr
    assert due.stdout.startswith("[")
    calendar = _followup(prefix, folder, "export", "--format", "ics")
    assert calendar.returncode == 0 and "BEGIN:VCALENDAR" in calendar.stdout
    # Saving is refused in words, and nothing changed.
    demo = _followup(prefix, folder, "demo", "--applications", "9")
    assert demo.returncode == 2
    assert demo.stderr.startswith("error: ") and "read-only" in demo.stderr and "Traceback" not in demo.stderr
    assert (folder / "followup.db").read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["followup.db"]


def test_a_file_we_may_not_write_is_opened_for_reading(tmp_path, monkeypatch):
    path = tmp_path / "followup.db"
    store = Store.open(f"sqlite:///{path}")
    store.add_application(Application("Acme", "Analyst"))
    store.close()
    monkeypatch.setattr("followup.store._writable", lambda _path: False)
    reader = Store.open(f"sqlite:///{path}")
    assert [a.company for a in reader.list_applications()] == ["Acme"]
    with pytest.raises(StorageError, match="read-only"):
        reader.add_application(Application("Bolt", "Clerk"))


def test_an_older_read_only_database_cannot_be_brought_forward_and_says_so(tmp_path, monkeypatch):
    path = tmp_path / "followup.db"
    engine_store = Store.open(f"sqlite:///{path}")
    with engine_store.engine.begin() as conn:
        conn.execute(tables.meta.update().values(schema_version=migrations.CURRENT_VERSION - 1))
    engine_store.close()
    monkeypatch.setattr("followup.store._writable", lambda _path: False)
    with pytest.raises(StorageError, match="read-only, and it was made by an older version"):
        Store.open(f"sqlite:///{path}")


def test_a_database_server_that_does_not_answer_is_explained(tmp_path):
    pytest.importorskip("psycopg")
    # A closed port on this machine: nothing listens there.
    with pytest.raises(StorageError, match="cannot be reached") as refusal:
        Store.open("postgresql://user@127.0.0.1:9/followup?connect_timeout=2")
    assert "FOLLOWUP_DATABASE_URL" in str(refusal.value)
