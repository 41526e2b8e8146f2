"""The command line as a careless or hostile user drives it: one plain line on stderr and
nothing half-written, never a traceback."""

import gzip
import json
import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from followup import backup, tables
from followup.cli import main
from followup.commands import export as export_command
from followup.model import Application, ApplicationBundle
from followup.sample import load_sample
from followup.store import Store

ROOT = Path(__file__).resolve().parents[2]


def _one_line_error(captured) -> str:
    err = captured.err
    assert err.startswith("error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err
    return err


def test_importing_dev_zero_stops_at_once(store, capsys):
    assert main(["import", "/dev/zero"]) == 2
    assert "not a followup backup" in _one_line_error(capsys.readouterr())


def test_importing_a_folder_or_a_missing_file_says_it_cannot_be_read(store, tmp_path, capsys):
    assert main(["import", str(tmp_path)]) == 2
    assert "cannot read" in _one_line_error(capsys.readouterr())


def test_a_compressed_backup_goes_out_and_comes_back(store, tmp_path, capsys):
    load_sample(store)
    packed = tmp_path / "backup.json.gz"
    assert main(["export", "--format", "json", "-o", str(packed)]) == 0
    document = json.loads(gzip.decompress(packed.read_bytes()))
    assert document["version"] == 2 and len(document["applications"]) == 8
    other = f"sqlite:///{tmp_path / 'other.db'}"
    assert main(["import", str(packed), "--database", other]) == 0
    assert "Imported 8 applications." in capsys.readouterr().out
    copy = Store.open(other)
    assert backup.export_document(copy)["applications"] == document["applications"]


@pytest.mark.parametrize(
    "argv, message",
    [
        (
            ["plan", "--interview-date", "9999-12-31"],
            "--interview-date: The date 9999-12-31 is outside the years",
        ),
        (["plan", "--interview-date", "0001-01-01"], "outside the years 1970 to 2100"),
        (
            ["plan", "--interview-date", "2026-11-19", "--decision-by", "2201-01-01"],
            "--decision-by: The date",
        ),
        (["plan", "--interview-date", "2026-11-19", "--interviewers", "1000000"], "from 0 to 50"),
        (["due", "--date", "9999-12-31"], "--date: The date 9999-12-31 is outside"),
        (["due", "--date", "1969-12-31"], "--date: The date 1969-12-31 is outside"),
    ],
)
def test_dates_outside_the_range_are_refused_by_the_commands(store, capsys, argv, message):
    assert main(argv) == 2
    assert message in _one_line_error(capsys.readouterr())


def test_the_last_day_of_the_range_still_plans(capsys):
    assert main(["plan", "--interview-date", "2100-12-31", "--country", "US", "--format", "json"]) == 0
    # The thank-you is due on the day itself, or (the day being New Year's Day observed in the
    # US) on the next business day, Monday 3 January 2101: either way, past the last day works.
    assert json.loads(capsys.readouterr().out)[0]["due"] in ("2100-12-31", "2101-01-03")


def test_demo_on_settings_with_an_unknown_country_writes_nothing(store, capsys):
    load_sample(store)
    store.save_settings(store.get_settings())  # each person's settings row is made on first save
    with store.engine.begin() as conn:
        conn.execute(tables.settings.update().values(country="XX"))
    before = (len(store.list_applications()), len(store.list_actions()), len(store.list_letters()))
    assert main(["demo", "--applications", "12"]) == 2
    message = _one_line_error(capsys.readouterr())
    assert "No sample was added" in message and "XX" in message
    assert (len(store.list_applications()), len(store.list_actions()), len(store.list_letters())) == before


def test_an_unexpected_problem_is_one_line_unless_details_are_asked_for(store, capsys, monkeypatch):
    def broken(_store, _application_id):
        raise KeyError("something nobody foresaw")

    monkeypatch.setitem(export_command.FORMATS, "ics", broken)
    monkeypatch.delenv("FOLLOWUP_DEBUG", raising=False)
    assert main(["export", "--format", "ics"]) == 3
    message = _one_line_error(capsys.readouterr())
    assert "unexpected problem (KeyError" in message and "FOLLOWUP_DEBUG=1" in message
    monkeypatch.setenv("FOLLOWUP_DEBUG", "1")
    assert main(["export", "--format", "ics"]) == 3
    assert "Traceback" in capsys.readouterr().err


def _backup_of(count: int, path: Path) -> None:
    source = Store.open("sqlite://")
    source.add_bundles(
        [
            ApplicationBundle(Application(f"Company {n}", "Analyst", created_at=_moment(n)))
            for n in range(count)
        ]
    )
    path.write_bytes(backup.export_json(source))


def _moment(n: int) -> datetime:
    return datetime(2026, 1, 1, 9) + timedelta(minutes=n)


def test_merges_started_together_add_each_application_once(tmp_path):
    """Three `import --merge` at once, three times over: the duplicate check runs inside the write lock."""
    backup_file = tmp_path / "backup.json"
    _backup_of(300, backup_file)
    env = {**os.environ, "FOLLOWUP_DATABASE_URL": f"sqlite:///{tmp_path / 'shared.db'}"}
    Store.open(env["FOLLOWUP_DATABASE_URL"]).close()
    rounds = []
    for _round in range(3):
        runs = [
            subprocess.Popen(
                [sys.executable, "-m", "followup", "import", str(backup_file), "--merge"],
                cwd=ROOT,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(3)
        ]
        results = [run.communicate(timeout=300) for run in runs]
        assert [run.returncode for run in runs] == [0, 0, 0], results
        rounds.append(sorted(out.strip() for out, _err in results))
    skipped = "Imported 0 applications; 300 already there were skipped."
    assert rounds[0] == [skipped, skipped, "Imported 300 applications."]
    assert rounds[1] == rounds[2] == [skipped] * 3
    with sa.create_engine(env["FOLLOWUP_DATABASE_URL"]).connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(tables.applications)).scalar_one() == 300
