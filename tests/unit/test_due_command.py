"""`python -m followup due`, and the plan command's default country read from the database."""

import json
from dataclasses import replace
from datetime import date, datetime

import pytest

from followup import cli, planning, tables
from followup.commands import plan
from followup.model import (
    ActionKind,
    Application,
    AttemptOutcome,
    CallsWelcome,
    Interview,
    Interviewer,
)
from followup.store import Store


@pytest.fixture
def planned(store):
    """Acme: interview Mon 2026-11-02, thank-you sent; Bolt: interview Mon 2026-11-09, nothing done yet."""
    acme = Application("Acme", "Data Analyst")
    store.add_application(acme)
    interview = Interview(acme.id, datetime(2026, 11, 2, 10), calls_welcome=CallsWelcome.YES)
    store.add_interview(interview)
    store.add_interviewer(Interviewer(interview.id, "Dana Lee", email="dana@acme.example"))
    bolt = Application("Bolt", "Auditor")
    store.add_application(bolt)
    interview = Interview(bolt.id, datetime(2026, 11, 9, 9), calls_welcome=CallsWelcome.YES)
    store.add_interview(interview)
    store.add_interviewer(Interviewer(interview.id, "Kim Ito", email="kim@bolt.example"))
    for application in (acme, bolt):
        planning.replan(store, application.id)
    [thanks] = [a for a in store.list_actions(acme.id) if a.kind is ActionKind.THANK_YOU_EMAIL]
    planning.log_attempt(store, thanks, AttemptOutcome.SENT, on=date(2026, 11, 2))
    return acme, bolt


def due(capsys, *argv):
    code = cli.main(["due", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_lists_what_is_due_overdue_first(planned, capsys):
    code, out, err = due(capsys, "--date", "2026-11-10", "--format", "json")
    assert (code, err) == (0, "")
    rows = json.loads(out)
    assert [(r["due"], r["days_overdue"], r["company"], r["kind"], r["recipient"]) for r in rows] == [
        ("2026-11-09", 1, "Acme", "status_check", "Dana Lee"),
        ("2026-11-09", 1, "Bolt", "thank_you_email", "Kim Ito"),
    ]
    assert rows[0]["summary"] == "Call Dana Lee at Acme about your Data Analyst application (attempt 1)"
    assert rows[0]["attempt"] == 1 and rows[0]["channel"] == "phone"
    assert "(Westwood College career blog; After the Interview)" in rows[0]["why"]


def test_text_digest_groups_overdue_and_due_on_the_day(planned, capsys):
    code, out, err = due(capsys, "--date", "2026-11-16")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "3 follow-ups due on or before Mon 2026-11-16."
    assert lines[2] == "Overdue:"
    assert lines[3] == (
        "  Mon 2026-11-09 (7 days overdue): Call Dana Lee at Acme about your Data Analyst application"
        " (attempt 1) [Phone]"
    )
    assert lines[5] == "  Mon 2026-11-09 (7 days overdue): Email a thank-you to Kim Ito at Bolt [Email]"
    assert lines[8] == "Due Mon 2026-11-16:"
    assert (
        lines[9]
        == "  Mon 2026-11-16: Call Kim Ito at Bolt about your Auditor application (attempt 1) [Phone]"
    )
    assert lines[10].strip().startswith("No decision date was promised")
    assert len(lines) == 11


def test_a_quiet_day_prints_nothing_so_cron_sends_no_mail(planned, capsys):
    assert due(capsys, "--date", "2026-11-08") == (0, "", "")
    code, out, _err = due(capsys, "--date", "2026-11-08", "--format", "json")
    assert (code, json.loads(out)) == (0, [])


def test_the_date_defaults_to_today(today, planned, capsys):
    code, out, _err = due(capsys, "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert rows and all(date.fromisoformat(r["due"]) <= today for r in rows)


def test_a_bad_date_is_one_line_on_stderr_with_exit_code_2(planned, capsys):
    code, out, err = due(capsys, "--date", "2026-11-31")
    assert (code, out) == (2, "")
    assert err == "error: --date '2026-11-31' is not a date; use YYYY-MM-DD.\n"


def test_no_database_is_an_error_and_none_is_created(tmp_path, monkeypatch, capsys):
    missing = tmp_path / "followup.db"
    monkeypatch.setenv("FOLLOWUP_DATABASE_URL", f"sqlite:///{missing}")
    code, out, err = due(capsys)
    assert (code, out) == (2, "")
    assert err.startswith("error: There is no followup database at") and err.count("\n") == 1
    assert not missing.exists()


# -- the plan command's default country ----------------------------------------------


def test_default_country_is_us_without_a_database_and_creates_none(tmp_path, monkeypatch):
    missing = tmp_path / "followup.db"
    monkeypatch.setenv("FOLLOWUP_DATABASE_URL", f"sqlite:///{missing}")
    assert plan.default_country() == "US"
    assert not missing.exists()


def test_default_country_comes_from_the_users_setting(store, capsys):
    store.save_settings(replace(store.get_settings(), country="GB"))
    assert plan.default_country() == "GB"
    code = cli.main(["plan", "--interview-date", "2026-11-19", "--format", "json"])
    rows = json.loads(capsys.readouterr().out)
    # Thanksgiving (Thu 2026-11-26) is a working day in Great Britain.
    assert code == 0 and next(r["due"] for r in rows if r["kind"] == "status_check") == "2026-11-26"


@pytest.mark.parametrize("url", ["not a url", "postgresql+nosuchdriver://nobody@localhost/none"])
def test_default_country_never_fails_because_of_the_database(monkeypatch, url):
    monkeypatch.setenv("FOLLOWUP_DATABASE_URL", url)
    assert plan.default_country() == "US"


def test_default_country_survives_a_database_written_by_a_newer_version(store):
    store.save_settings(replace(store.get_settings(), country="GB"))
    with store.engine.begin() as conn:
        conn.execute(tables.meta.update().values(schema_version=999))
    assert plan.default_country() == "US"


def test_open_existing_opens_a_database_that_is_there(store, database_url):
    opened = Store.open_existing(database_url)
    try:
        assert opened.get_settings().country == "US"
    finally:
        opened.close()


def test_a_reader_that_stops_early_gets_no_traceback(planned, database_url):
    """`python -m followup due | head -1`: the pipe closes before the digest is written."""
    import os
    import subprocess
    import sys

    read_end, write_end = os.pipe()
    os.close(read_end)  # every write now fails with EPIPE, as after head has exited
    try:
        finished = subprocess.run(
            [sys.executable, "-m", "followup", "due", "--date", "2026-11-20"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
            timeout=60,
            env={**os.environ, "FOLLOWUP_DATABASE_URL": database_url},
        )
    finally:
        os.close(write_end)
    assert "Traceback" not in finished.stderr
    assert finished.returncode == 1
