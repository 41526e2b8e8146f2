import argparse
import json
from datetime import date

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
    # Rule changed: calls are unwelcome, so the persistent profile's ten calls become three emails,
    # a week apart: Tuesdays 10, 17 and 24 March, and the close on the 31st.
    assert [c["attempt"] for c in checks] == [1, 2, 3]
    assert {c["channel"] for c in checks} == {"email"}
    assert [c["due"] for c in checks] == ["2026-03-10", "2026-03-17", "2026-03-24"]
    assert [r["due"] for r in rows if r["kind"] == "close"] == ["2026-03-31"]
    assert [r["due"] for r in rows] == sorted(r["due"] for r in rows)


def test_aggressive_pace_and_gentle_cadence(capsys):
    rows = run_json(capsys, "--interview-date", "2026-11-20", "--pace", "aggressive", "--cadence", "gentle")
    checks = [r["due"] for r in rows if r["kind"] == "status_check"]
    # Rule changed: a fast field also checks more often. Three business days after Friday 20
    # November is Wednesday 25; then every four business days, skipping Thanksgiving (Thursday 26):
    # Wednesday 2 December, then Tuesday 8 December.
    assert checks == ["2026-11-25", "2026-12-02", "2026-12-08"]


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
    assert "(Westwood College career blog; After the Interview)" in out
    assert "seed" not in out.lower()


@pytest.mark.parametrize(
    "argv, message",
    [
        (["--interview-date", "2026-02-30"], "--interview-date '2026-02-30' is not a date"),
        (["--interview-date", "tomorrow"], "is not a date"),
        (["--interview-date", "2026-11-19", "--decision-by", "soon"], "--decision-by 'soon' is not a date"),
        (
            ["--interview-date", "2026-11-19", "--decision-by", "2026-13-01"],
            "--decision-by '2026-13-01' is not a date",
        ),
        (
            ["--interview-date", "2026-11-19", "--country", "CA", "--subdivision", "XX"],
            "Unknown region 'XX' for CA",
        ),
        (
            ["--interview-date", "2026-11-19", "--country", "GB", "--subdivision", "ON"],
            "Unknown region 'ON' for GB",
        ),
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


def test_decision_by_takes_the_interviewers_words_read_by_their_later_bound(capsys):
    # Interview Tuesday 10 March 2026: "in a week or two" is Tuesday 24 March, so the first
    # check is on the second business day after it, Thursday 26 March.
    rows = run_json(
        capsys, "--interview-date", "2026-03-10", "--decision-by", "in a week or two", "--country", "US"
    )
    first = next(r for r in rows if r["kind"] == "status_check")
    assert first["due"] == "2026-03-26"
    assert "Tuesday 2026-03-24" in first["why"]


@pytest.mark.parametrize(
    "words, promised",
    [
        ("by the end of next week", "Friday 2026-03-20"),
        ("end of the month", "Tuesday 2026-03-31"),
        ("end-of-week", "Friday 2026-03-13"),
    ],
)
def test_decision_by_reads_the_same_words_as_the_page(capsys, words, promised):
    rows = run_json(capsys, "--interview-date", "2026-03-10", "--decision-by", words, "--country", "US")
    assert promised in next(r for r in rows if r["kind"] == "status_check")["why"]


def test_a_promise_landing_on_christmas_is_read_as_the_day_before(capsys):
    code, out, err = run(
        capsys,
        "--interview-date",
        "2026-12-14",
        "--decision-by",
        "by the end of next week",
        "--country",
        "US",
    )
    assert (code, err) == (0, "")
    # The end of next week is Friday 25 December, Christmas Day: the promise holds for Thursday 24.
    assert "Decision promised by Thu 2026-12-24." in out.splitlines()[0]
    assert "Tue 2026-12-29  status_check #1" in out


def test_subdivision_sets_the_region(capsys):
    # Interview Monday 5 October 2026: a week later is Monday 12 October, Thanksgiving in Ontario.
    ontario = run_json(capsys, "--interview-date", "2026-10-05", "--country", "CA", "--subdivision", "on")
    canada = run_json(capsys, "--interview-date", "2026-10-05", "--country", "CA")
    assert next(r["due"] for r in ontario if r["kind"] == "status_check") == "2026-10-13"
    assert next(r["due"] for r in canada if r["kind"] == "status_check") == "2026-10-12"
    code, out, _ = run(
        capsys, "--interview-date", "2026-10-05", "--country", "CA", "--subdivision", "Ontario"
    )
    assert code == 0 and "business days of CA-ON" in out.splitlines()[0]


def test_every_json_date_is_a_business_day_of_the_region_except_the_thank_you_email(capsys):
    from followup.business_days import Region, is_business_day

    bavaria = Region("DE", "BY")
    # Saturday 30 May 2026: the email goes that day; everything else avoids the weekend,
    # Corpus Christi (Thursday 4 June) and the other Bavarian holidays.
    for cadence in ("gentle", "moderate", "persistent"):
        for pace in ("relaxed", "standard", "aggressive"):
            rows = run_json(
                capsys,
                "--interview-date", "2026-05-30",
                "--decision-by", "in a week or two",
                "--country", "DE", "--subdivision", "BY",
                "--cadence", cadence, "--pace", pace, "--interviewers", "2",
            )  # fmt: skip
            for row in rows:
                day = date.fromisoformat(row["due"])
                if row["kind"] == "thank_you_email":
                    assert day == date(2026, 5, 30)
                else:
                    assert is_business_day(day, bavaria), row


def test_region_defaults_to_the_users_setting_for_their_own_country(capsys, database_url):
    store = Store.open(database_url)
    store.save_settings(Settings(country="CA", subdivision="ON"))
    store.close()
    mine = run_json(capsys, "--interview-date", "2026-10-05")
    same_country = run_json(capsys, "--interview-date", "2026-10-05", "--country", "CA")
    other_region = run_json(
        capsys, "--interview-date", "2026-10-05", "--country", "CA", "--subdivision", "NS"
    )
    other_country = run_json(capsys, "--interview-date", "2026-10-05", "--country", "US")
    assert next(r["due"] for r in mine if r["kind"] == "status_check") == "2026-10-13"
    assert next(r["due"] for r in same_country if r["kind"] == "status_check") == "2026-10-13"
    # Nova Scotia does not keep Thanksgiving as a public holiday; in the US, 12 October is
    # Columbus Day, a federal holiday: Tuesday 13.
    assert next(r["due"] for r in other_region if r["kind"] == "status_check") == "2026-10-12"
    assert next(r["due"] for r in other_country if r["kind"] == "status_check") == "2026-10-13"
