import argparse
import json

import pytest

from followup.commands import plan
from followup.model import Settings
from followup.store import Store


@pytest.fixture(autouse=True)
def no_user_database(database_url):
    """Each test sees its own (missing) database, never the real one of whoever runs the tests."""
    return database_url


def run(capsys, *argv):
    parser = argparse.ArgumentParser(prog="followup")
    plan.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["plan", *argv])
    code = args.func(args)
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, *argv):
    code, out, err = run(capsys, *argv, "--format", "json")
    assert (code, err) == (0, "")
    return json.loads(out)


def test_json_plan_for_a_friday_promise(capsys):
    rows = run_json(capsys, "--interview-date", "2026-11-16", "--decision-by", "2026-11-20")
    assert [(r["due"], r["kind"], r["channel"], r["attempt"], r["recipient"]) for r in rows] == [
        ("2026-11-16", "thank_you_email", "email", None, "Interviewer 1"),
        ("2026-11-24", "status_check", "phone", 1, "Interviewer 1"),
        ("2026-12-02", "status_check", "phone", 2, "Interviewer 1"),
        ("2026-12-09", "status_check", "phone", 3, "Interviewer 1"),
        ("2026-12-16", "status_check", "phone", 4, "Interviewer 1"),
        ("2026-12-23", "close", "email", None, "Interviewer 1"),
    ]
    assert all(r["why"] for r in rows)


def test_end_of_week_means_the_interview_weeks_friday(capsys):
    rows = run_json(capsys, "--interview-date", "2026-11-18", "--decision-by", "end-of-week")
    first = next(r for r in rows if r["kind"] == "status_check")
    assert first["due"] == "2026-11-24"
    assert "Friday 2026-11-20" in first["why"]


def test_options_shape_the_plan(capsys):
    rows = run_json(
        capsys,
        "--interview-date", "2026-03-03",
        "--pace", "relaxed",
        "--cadence", "persistent",
        "--calls-welcome", "no",
        "--formality", "formal",
        "--interviewers", "3",
    )  # fmt: skip
    kinds = [r["kind"] for r in rows]
    assert kinds.count("thank_you_email") == 3
    assert kinds.count("handwritten_note") == 3
    checks = [r for r in rows if r["kind"] == "status_check"]
    assert [c["attempt"] for c in checks] == list(range(1, 11))
    assert {c["channel"] for c in checks} == {"email"}
    assert checks[1]["due"] == "2026-03-17"
    assert [r["due"] for r in rows] == sorted(r["due"] for r in rows)


def test_aggressive_pace_and_gentle_cadence(capsys):
    rows = run_json(capsys, "--interview-date", "2026-11-20", "--pace", "aggressive", "--cadence", "gentle")
    checks = [r["due"] for r in rows if r["kind"] == "status_check"]
    assert checks == ["2026-11-25", "2026-12-02", "2026-12-09"]


def test_country_changes_the_business_days(capsys):
    us = run_json(capsys, "--interview-date", "2026-11-19")
    gb = run_json(capsys, "--interview-date", "2026-11-19", "--country", "gb")
    assert next(r["due"] for r in us if r["kind"] == "status_check") == "2026-11-27"
    assert next(r["due"] for r in gb if r["kind"] == "status_check") == "2026-11-26"


def test_no_interviewers_still_plans_the_checks(capsys):
    rows = run_json(capsys, "--interview-date", "2026-11-19", "--interviewers", "0")
    assert {r["kind"] for r in rows} == {"status_check", "close"}
    assert {r["recipient"] for r in rows} == {""}


def test_text_output_lists_each_action_with_its_reason(capsys):
    code, out, err = run(capsys, "--interview-date", "2026-11-19")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert "Moderate cadence" in lines[0] and "US" in lines[0]
    assert lines[1].startswith("Thu 2026-11-19  thank_you_email")
    assert any(line.startswith("Fri 2026-11-27  status_check #1") for line in lines)
    assert "seeds 000, 003" in out


@pytest.mark.parametrize(
    "argv, message",
    [
        (["--interview-date", "2026-02-30"], "--interview-date '2026-02-30' is not a date"),
        (["--interview-date", "tomorrow"], "is not a date"),
        (["--interview-date", "2026-11-19", "--decision-by", "soon"], "--decision-by 'soon' is not a date"),
        (["--interview-date", "2026-11-19", "--country", "XX"], "Unknown country code 'XX'"),
        (["--interview-date", "2026-11-19", "--decision-by", "2026-11-18"], "before the interview"),
        (["--interview-date", "2026-11-19", "--interviewers", "-1"], "--interviewers"),
    ],
)
def test_bad_input_is_one_line_on_stderr_with_exit_code_2(capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("error: ")
    assert message in err
    assert "Traceback" not in err


def test_unknown_choice_is_refused_by_argparse(capsys):
    with pytest.raises(SystemExit) as exit_info:
        run(capsys, "--interview-date", "2026-11-19", "--pace", "frantic")
    assert exit_info.value.code == 2


def test_country_defaults_to_the_users_setting(capsys, database_url):
    def first_check():
        actions = run_json(capsys, "--interview-date", "2026-04-27", "--decision-by", "2026-04-29")
        return next(a["due"] for a in actions if a["kind"] == "status_check")

    assert first_check() == "2026-05-01"  # no database: US, where 1 May is a working day
    store = Store.open(database_url)
    store.save_settings(Settings(country="DE"))
    store.close()
    assert first_check() == "2026-05-04"  # Labour Day is a German public holiday
