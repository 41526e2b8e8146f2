from collections import Counter
from datetime import date

import pytest

from followup.cli import main
from followup.model import Status
from followup.sample import load_sample


def test_the_sample_shows_every_stage_and_a_panel_with_notes(store):
    assert load_sample(store, today=date(2026, 11, 22)) == 8
    applications = store.list_applications()
    assert len(applications) == 8
    assert {a.status for a in applications} == set(Status)
    panels = [i for i in store.list_interviews() if len(store.list_interviewers(i.id)) == 3]
    assert len(panels) == 1
    notes = store.list_notes(panels[0].id)
    assert len(notes) == 3 and all(not n.is_empty for n in notes.values())


def test_loading_twice_adds_nothing(store):
    load_sample(store, 30)
    counts = (len(store.list_applications()), len(store.list_interviews()), len(store.list_interviewers()))
    assert load_sample(store, 30) == 0
    assert (
        len(store.list_applications()),
        len(store.list_interviews()),
        len(store.list_interviewers()),
    ) == counts


def test_generated_applications_have_unique_names(store):
    load_sample(store, 400)
    names = Counter((a.company, a.role) for a in store.list_applications())
    assert len(names) == 400


def test_the_demo_command_fills_the_configured_database(database_url, capsys):
    assert main(["demo"]) == 0
    assert main(["demo"]) == 0
    assert (
        capsys.readouterr().out.splitlines()[-1] == "Added 0 sample application(s); the database now holds 8."
    )


def test_the_demo_command_explains_bad_input(capsys):
    try:
        main(["demo", "--applications", "0"])
    except SystemExit as stop:
        assert stop.code == 2
    assert "choose between 1 and 20000" in capsys.readouterr().err


def test_sample_status_checks_by_email_never_went_to_voicemail(store):
    from followup.model import ActionKind, AttemptOutcome, Channel
    from followup.sample import load_sample

    load_sample(store, 60)
    logged = [a for a in store.list_actions() if a.kind is ActionKind.STATUS_CHECK and a.outcome is not None]
    assert any(a.channel is Channel.EMAIL for a in logged)
    assert not [
        a
        for a in logged
        if a.channel is not Channel.PHONE
        and a.outcome in (AttemptOutcome.LEFT_VOICEMAIL, AttemptOutcome.NO_ANSWER)
    ]


@pytest.mark.parametrize("offset", range(7))
def test_sample_interviews_fall_on_weekdays_whatever_the_day(offset):
    from datetime import date, timedelta

    from followup.sample import load_sample
    from followup.store import Store

    store = Store.open("sqlite://")
    load_sample(store, 40, today=date(2026, 11, 30) + timedelta(days=offset))
    assert [i.starts_at for i in store.list_interviews() if i.starts_at.weekday() >= 5] == []


def test_every_thank_you_the_sample_sent_has_its_letter(store):
    from followup.model import ActionKind, ActionStatus, LetterKind, LetterStatus
    from followup.sample import load_sample

    load_sample(store, 30)
    done = {
        (a.application_id, a.interviewer_id, a.done_on)
        for a in store.list_actions()
        if a.kind is ActionKind.THANK_YOU_EMAIL and a.status is ActionStatus.DONE
    }
    sent = {
        (letter.application_id, letter.interviewer_id, letter.sent_on)
        for letter in store.list_letters()
        if letter.kind is LetterKind.THANK_YOU_EMAIL and letter.status is LetterStatus.SENT
    }
    assert done and done == sent
    northwind = next(a for a in store.list_applications() if a.company == "Northwind Analytics")
    bodies = [letter.body for letter in store.list_letters(northwind.id)]
    assert len(bodies) == 2 and bodies[0] != bodies[1]
    assert any("churn dashboard" in body for body in bodies)  # drafted from Priya's notes
