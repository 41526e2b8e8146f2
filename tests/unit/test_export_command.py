"""`python -m followup export --format ics`, read back by a second parser (vobject)."""

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
import vobject

from followup import cli, planning
from followup.model import (
    ActionKind,
    ActionStatus,
    Application,
    AttemptOutcome,
    CallsWelcome,
    Interview,
    Interviewer,
    Letter,
    LetterKind,
)


@pytest.fixture
def two_applications(store):
    """Acme (interview Mon 2026-11-02, Dana by email and phone) and Bolt (Tue 2026-11-03, Kim by phone only)."""
    acme = Application("Acme", "Data Analyst")
    store.add_application(acme)
    interview = Interview(acme.id, datetime(2026, 11, 2, 10), calls_welcome=CallsWelcome.YES)
    store.add_interview(interview)
    store.add_interviewer(
        Interviewer(interview.id, "Dana Lee", email="dana@acme.example", phone="+1 555 0101")
    )
    bolt = Application("Bolt", "Auditor")
    store.add_application(bolt)
    interview = Interview(bolt.id, datetime(2026, 11, 3, 9), calls_welcome=CallsWelcome.YES)
    store.add_interview(interview)
    store.add_interviewer(Interviewer(interview.id, "Kim Ito", phone="+1 555 0202"))
    planning.replan(store, acme.id)
    planning.replan(store, bolt.id)
    return acme, bolt


def export(capsysbinary, *argv):
    code = cli.main(["export", *argv])
    out, err = capsysbinary.readouterr()
    return code, out, err.decode()


def events(ics: bytes):
    return vobject.readOne(ics.decode("utf-8")).vevent_list


def test_one_event_per_planned_action_read_by_a_second_parser(store, two_applications, tmp_path):
    target = tmp_path / "plan.ics"
    code = cli.main(["export", "--format", "ics", "-o", str(target)])
    assert code == 0
    planned = store.list_actions(status=ActionStatus.PLANNED)
    parsed = events(target.read_bytes())
    assert len(parsed) == len(planned) == 12
    assert sorted(e.dtstart.value for e in parsed) == sorted(a.due for a in planned)
    acme_checks = sorted(e.dtstart.value for e in parsed if e.summary.value.startswith("Call Dana Lee"))
    # A week after Mon 2 Nov, then every five business days without Veterans Day and Thanksgiving.
    assert acme_checks == [date(2026, 11, 9), date(2026, 11, 17), date(2026, 11, 24), date(2026, 12, 2)]
    assert all(e.valarm.trigger.value == timedelta(hours=9) for e in parsed)
    summaries = {e.summary.value for e in parsed}
    assert "Email a thank-you to Dana Lee at Acme" in summaries
    assert "Call Kim Ito at Bolt to say thank you" in summaries
    assert "Call Dana Lee at Acme about your Data Analyst application (attempt 1)" in summaries


def test_without_a_file_the_calendar_goes_to_standard_output(store, two_applications, capsysbinary):
    code, out, err = export(capsysbinary, "--format", "ics")
    assert (code, err) == (0, "")
    assert out.startswith(b"BEGIN:VCALENDAR")
    assert len(events(out)) == 12


def test_one_application_only(store, two_applications, capsysbinary):
    acme, _ = two_applications
    code, out, _err = export(capsysbinary, "--format", "ics", "--application", str(acme.id))
    assert code == 0
    parsed = events(out)
    assert len(parsed) == len(store.list_actions(acme.id, ActionStatus.PLANNED)) == 6
    assert all(" at Acme" in e.summary.value for e in parsed)


def test_descriptions_hold_the_call_script_or_the_letters_subject(store, two_applications, capsysbinary):
    acme, _ = two_applications
    store.add_letter(
        Letter(
            acme.id,
            LetterKind.THANK_YOU_EMAIL,
            subject="Thanks for Monday, Dana",
            interviewer_id=store.list_interviewers()[0].id,
        )
    )
    _code, out, _err = export(capsysbinary, "--format", "ics", "--application", str(acme.id))
    by_summary = {e.summary.value: e.description.value for e in events(out)}
    thanks = by_summary["Email a thank-you to Dana Lee at Acme"]
    assert "Subject: Thanks for Monday, Dana" in thanks
    call = by_summary["Call Dana Lee at Acme about your Data Analyst application (attempt 1)"]
    assert "I am calling to follow up on my interview and the status of my application." in call
    assert "If you reach voicemail:" in call
    assert call.startswith("No decision date was promised: check in a week after the interview")


def test_importing_again_after_a_replan_updates_instead_of_duplicating(store, two_applications, capsysbinary):
    _code, first, _err = export(capsysbinary, "--format", "ics")
    settings = store.get_settings()
    store.save_settings(replace(settings, country="GB"))
    planning.replan_all(store)
    _code, again, _err = export(capsysbinary, "--format", "ics")
    before = {e.uid.value: e.dtstart.value for e in events(first)}
    after = {e.uid.value: e.dtstart.value for e in events(again)}
    assert set(before) == set(after)
    # Without Veterans Day (Wed 2026-11-11) the second check at Acme comes a day sooner.
    moved = {before[uid] for uid in before if before[uid] != after[uid]}
    assert date(2026, 11, 17) in moved


def test_logged_actions_leave_the_calendar(store, two_applications, capsysbinary):
    acme, _ = two_applications
    [thanks] = [a for a in store.list_actions(acme.id) if a.kind is ActionKind.THANK_YOU_EMAIL]
    planning.log_attempt(store, thanks, AttemptOutcome.SENT, on=date(2026, 11, 2))
    _code, out, _err = export(capsysbinary, "--format", "ics", "--application", str(acme.id))
    assert "Email a thank-you to Dana Lee at Acme" not in {e.summary.value for e in events(out)}


@pytest.mark.parametrize(
    "argv, message",
    [
        (["--format", "ics", "--application", "999"], "there is no application with id 999"),
        (
            ["--format", "ics", "-o", "/nonexistent-folder/plan.ics"],
            "cannot write /nonexistent-folder/plan.ics",
        ),
    ],
)
def test_bad_input_is_one_line_on_stderr_with_exit_code_2(
    store, two_applications, capsysbinary, argv, message
):
    code, out, err = export(capsysbinary, *argv)
    assert code == 2
    assert out == b""
    assert err.count("\n") == 1 and err.startswith("error: ") and message in err


def test_no_database_is_an_error_and_none_is_created(tmp_path, monkeypatch, capsysbinary):
    missing = tmp_path / "nowhere" / "followup.db"
    monkeypatch.setenv("FOLLOWUP_DATABASE_URL", f"sqlite:///{missing}")
    code, out, err = export(capsysbinary, "--format", "ics")
    assert code == 2 and out == b""
    assert err.startswith("error: There is no followup database at") and err.count("\n") == 1
    assert not missing.parent.exists()


def test_an_unknown_format_is_refused_by_argparse(store, capsysbinary):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["export", "--format", "pdf"])
    assert exit_info.value.code == 2
