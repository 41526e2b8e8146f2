from datetime import date, datetime, time, timedelta

import pytest

from followup import planning
from followup.model import (
    ActionKind,
    ActionStatus,
    Application,
    AttemptOutcome,
    CallsWelcome,
    Interview,
    Interviewer,
    LetterKind,
    Status,
)
from tests.pages.conftest import errors_shown
from ui.text import md

PAGE = "pages/outcome.py"
SOMEONE = "someone else"
CHASE = {ActionKind.STATUS_CHECK, ActionKind.CLOSE}


def _planned(store, application_id):
    return store.list_actions(application_id, ActionStatus.PLANNED)


def _text(at) -> str:
    return "\n".join(m.value for m in at.markdown) + "\n" + "\n".join(c.value for c in at.caption)


def _button(at, label):
    return next(b for b in at.button if b.label == label)


@pytest.fixture
def acme(today, store):
    """Interviewed ten days ago by Dana Lee and Sam Ito; the thank-yous went out; status checks planned."""
    application = Application("Acme", "Data Analyst")
    store.add_application(application)
    interview = Interview(
        application.id, datetime.combine(today - timedelta(days=10), time(10)), calls_welcome=CallsWelcome.YES
    )
    store.add_interview(interview)
    for name in ("Dana Lee", "Sam Ito"):
        email = f"{name.split()[0].lower()}@acme.example"
        store.add_interviewer(Interviewer(interview.id, name, email=email))
    planning.replan(store, application.id)
    for thanks in [a for a in _planned(store, application.id) if a.kind is ActionKind.THANK_YOU_EMAIL]:
        planning.log_attempt(store, thanks, AttemptOutcome.SENT, on=today - timedelta(days=10))
    assert {a.kind for a in _planned(store, application.id)} == CHASE
    return application


def _open(app):
    return app.switch_page(PAGE).run()


def _choose(app, settled: AttemptOutcome):
    [radio] = [r for r in app.radio if r.label == "What happened?"]
    radio.set_value(settled).run()
    return radio.key.removesuffix("kind")


def _record(
    app,
    settled: AttemptOutcome,
    *,
    who: int | str | None = None,
    on: date | None = None,
    someone: str = "",
    note: str = "",
):
    """Choose the outcome, fill in what is given, and press the button.

    `who` is an interviewer's id or SOMEONE.
    """
    prefix = _choose(app, settled)
    if on is not None:
        app.date_input(key=f"{prefix}on").set_value(on)
    if who is not None:
        app.selectbox(key=f"{prefix}who").set_value(who).run()
    if someone:
        app.text_input(key=f"{prefix}who-text").input(someone)
    if note:
        app.text_area(key=f"{prefix}note").input(note)
    label = next(b.label for b in app.button if b.label.startswith("Record: "))
    _button(app, label).click().run()
    assert not app.exception


def _person(store, application, name) -> int:
    people = store.list_interviewers(planning.latest_interview(store, application.id).id)
    return next(p.id for p in people if p.name == name)


@pytest.mark.parametrize(
    ("settled", "status", "kinds", "buttons"),
    [
        (
            AttemptOutcome.OFFER,
            Status.OFFER,
            [ActionKind.OFFER_THANKS, ActionKind.OFFER_THANKS, ActionKind.ANSWER_OFFER],
            ["Write the thank-you after the offer"],
        ),
        (
            AttemptOutcome.REJECTION,
            Status.REJECTED,
            [ActionKind.THANKS_FOR_CONSIDERATION, ActionKind.STAY_IN_TOUCH],
            ["Write the letter of thanks for the consideration", "Write the stay-in-touch note"],
        ),
        (AttemptOutcome.WITHDREW, Status.WITHDRAWN, [ActionKind.WITHDRAWAL], ["Write the withdrawal letter"]),
        (AttemptOutcome.GAVE_UP, Status.CLOSED_WITHOUT_ANSWER, [], ["Write the stay-in-touch note"]),
    ],
    ids=["offer", "rejection", "withdrawal", "closed without answer"],
)
def test_each_outcome_gives_its_letters_and_cancels_the_checks(
    today, app, store, acme, settled, status, kinds, buttons
):
    _open(app)
    assert "No answer yet" in app.info[0].value
    _record(app, settled)

    assert store.get_application(acme.id).status is status
    assert sorted(a.kind for a in _planned(store, acme.id)) == sorted(kinds)
    assert [b.label for b in app.button if b.label.startswith("Write the ")] == buttons
    assert "Recorded:" in app.success[0].value
    [outcome] = [a for a in store.list_actions(acme.id) if a.kind is ActionKind.OUTCOME]
    assert (outcome.outcome, outcome.done_on) == (settled, today)


def test_a_rejection_thanks_the_person_who_said_it_and_stays_in_touch(today, app, store, acme):
    _open(app)
    _record(
        app,
        AttemptOutcome.REJECTION,
        who=_person(store, acme, "Sam Ito"),
        note="They chose an internal candidate",
    )

    planned = _planned(store, acme.id)
    assert [(a.kind, a.recipient) for a in planned] == [
        (ActionKind.THANKS_FOR_CONSIDERATION, "Sam Ito"),
        (ActionKind.STAY_IN_TOUCH, "Sam Ito"),
    ]
    text = _text(app).replace("\\", "")
    assert "Stage: **Rejected, staying in touch**" in text
    assert "put you back in the running" in text and "future interviews" in text
    assert "Source: DeCarlo, in our words." in text
    [line] = _history(app)
    assert line == (
        f"- **{today:%a %d %b %Y}** · Rejection · Sam Ito · They chose an internal candidate · "
        "Recorded on the Outcome page"
    )


def _history(app) -> list[str]:
    """The outcome history's lines, as the page writes them (one per outcome, the latest first)."""
    [history] = [m.value.replace("\\", "") for m in app.markdown if m.value.startswith("- **")]
    return history.splitlines()


def test_a_withdrawal_explains_why_not_to_leave_them_guessing(app, store, acme):
    _open(app)
    _record(app, AttemptOutcome.WITHDREW)
    text = _text(app)
    assert "Why leaving them guessing burns a bridge" in text
    assert "no longer interested" in text
    assert not [a for a in _planned(store, acme.id) if a.kind in CHASE]


def test_back_in_the_running_resumes_the_checks_and_keeps_the_history(today, app, store, acme):
    _open(app)
    _record(app, AttemptOutcome.REJECTION, on=today - timedelta(days=3))
    assert not [a for a in _planned(store, acme.id) if a.kind in CHASE]
    _record(app, AttemptOutcome.BACK_IN_RUNNING, who=SOMEONE, someone="Jo Smith, recruiter")

    assert store.get_application(acme.id).status is Status.ACTIVE
    planned = _planned(store, acme.id)
    assert {a.kind for a in planned} == CHASE
    assert min(a.attempt for a in planned if a.kind is ActionKind.STATUS_CHECK) == 1
    back, rejection = _history(app)
    assert " · Back in the running · Jo Smith, recruiter" in back
    assert " · Rejection · Dana Lee" in rejection
    assert [b.label for b in app.button if b.label.startswith("Write the ")] == []
    assert "Record a new interview" in [link.label for link in app.get("page_link")]


def test_a_rejection_that_becomes_an_offer_replans(today, app, store, acme):
    _open(app)
    _record(app, AttemptOutcome.REJECTION, on=today - timedelta(days=1))
    _record(app, AttemptOutcome.OFFER)
    assert store.get_application(acme.id).status is Status.OFFER
    assert {a.kind for a in _planned(store, acme.id)} == {ActionKind.OFFER_THANKS, ActionKind.ANSWER_OFFER}
    assert [line.split(" · ")[1] for line in _history(app)] == ["Offer", "Rejection"]
    assert "earlier ones stay here" in _text(app)


def test_the_letter_button_opens_the_letters_page_with_that_letter_chosen(app, store, acme):
    _open(app)
    _record(app, AttemptOutcome.WITHDREW)
    _button(app, "Write the withdrawal letter").click().run()
    assert not app.exception
    assert app.title[0].value == "Letters"
    assert app.selectbox(key="letters-kind").value is LetterKind.WITHDRAWAL
    write_to = next(s for s in app.selectbox if s.label == "Write to")
    assert write_to.value == _person(store, acme, "Dana Lee")


def test_a_person_removed_in_another_tab_is_reported_not_crashed(app, store, acme):
    _open(app)
    prefix = _choose(app, AttemptOutcome.REJECTION)
    sam = _person(store, acme, "Sam Ito")
    app.selectbox(key=f"{prefix}who").set_value(sam).run()
    store.delete_interviewer(sam)
    _button(app, "Record: rejection").click().run()
    assert not app.exception
    assert "not on the interview's panel" in " ".join(errors_shown(app)).replace("\\", "")
    assert store.get_application(acme.id).status is Status.WAITING
    assert not [a for a in store.list_actions(acme.id) if a.kind is ActionKind.OUTCOME]


def test_an_application_without_an_interview_says_so(app, store):
    store.add_application(Application("Acme", "Analyst"))
    _open(app)
    assert not app.exception
    assert "No interview is recorded for Acme yet" in app.info[0].value


def test_user_text_is_shown_as_text(app, store, acme):
    _open(app)
    _record(app, AttemptOutcome.OFFER, who=SOMEONE, someone="**Boss** [x](http://evil.example)")
    assert not app.exception
    assert md("**Boss** [x](http://evil.example)") in _text(app)
    assert "**Boss**" not in _text(app).replace(md("**Boss**"), "")


def test_an_interview_still_ahead_has_no_outcome_yet(today, app, store):
    application = Application("Acme", "Analyst")
    store.add_application(application)
    store.add_interview(Interview(application.id, datetime.combine(today + timedelta(days=2), time(9))))
    _open(app)
    assert not app.exception
    assert not [r for r in app.radio if r.label == "What happened?"]
    assert "its outcome can be recorded from that day on" in _text(app)


def test_an_offer_with_a_date_for_the_answer_plans_answering_it_then(today, app, store, acme):
    from followup import business_days

    _open(app)
    prefix = _choose(app, AttemptOutcome.OFFER)
    # A week from today, moved back to a business day if it is not one: a deadline on a day off
    # holds for the working day before it.
    wanted = today + timedelta(days=7)
    app.date_input(key=f"{prefix}answer-by").set_value(wanted)
    _button(app, "Record: offer").click().run()
    assert not app.exception
    [answer] = [a for a in _planned(store, acme.id) if a.kind is ActionKind.ANSWER_OFFER]
    assert answer.due == business_days.business_day_on_or_before(wanted, "US")
    assert f"by {wanted:%A} {wanted.isoformat()}" in answer.why
    assert "Source: DeCarlo; After the Interview" not in _text(app)
    assert "Sources: DeCarlo; After the Interview, in our words." in _text(app).replace("\\", "")
