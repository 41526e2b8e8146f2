import re
from datetime import date, datetime, timedelta

import pytest

from followup.model import Application, CallsWelcome, Channel, Formality, Interview, Interviewer
from tests.pages.conftest import errors_shown

PAGE = "pages/close_interview.py"
NEW = "journey-new-application-"


def _button(at, label):
    return next(b for b in at.button if b.label == label)


def _steps(at) -> list[tuple[str, str]]:
    return [(link.label.strip("*"), link.icon) for link in at.get("page_link")]


@pytest.fixture
def interview(store):
    application = Application("Acme", "Analyst")
    store.add_application(application)
    interview = Interview(application.id, datetime(2026, 3, 10, 10))  # a Tuesday
    store.add_interview(interview)
    return interview


@pytest.fixture
def close(app, interview):
    return app.switch_page(PAGE).run()


def _field(interview, name):
    return f"close-interview-{interview.id}-{name}-value"


def _card(person, name):
    return f"close-interviewer-{person.id}-{name}-value"


def test_a_new_user_starts_with_company_role_and_time(today, app, store):
    app.switch_page(PAGE).run()
    assert "Where did you just interview?" in app.info[0].value
    app.text_input(key=f"{NEW}company").input("  ")
    app.text_input(key=f"{NEW}role").input("Analyst")
    app.date_input(key=f"{NEW}date").set_value(today + timedelta(days=400))
    _button(app, "Start with this interview").click().run()
    shown = " ".join(errors_shown(app))
    assert "Company is required" in shown
    assert "more than a year away" in shown
    assert store.list_applications() == []
    assert app.text_input(key=f"{NEW}role").value == "Analyst"

    app.text_input(key=f"{NEW}company").input("Acme")
    app.date_input(key=f"{NEW}date").set_value(today)
    _button(app, "Start with this interview").click().run()
    assert not app.exception
    [application] = store.list_applications()
    [interview] = store.list_interviews(application.id)
    assert (application.company, interview.round, interview.starts_at.date()) == ("Acme", 1, today)
    assert app.selectbox(key="interview").value == interview.id
    assert app.text_input(key=_field(interview, "decision_timeline")).value == ""


def test_each_answer_is_saved_as_soon_as_it_is_typed(close, store, interview):
    close.text_area(key=_field(interview, "next_steps")).input("References, then the CFO").run()
    close.text_area(key=_field(interview, "second_round")).input("Yes, with the CFO").run()
    close.radio(key=_field(interview, "calls_welcome")).set_value(CallsWelcome.NO).run()
    close.radio(key=_field(interview, "preferred_channel")).set_value(Channel.EMAIL).run()
    saved = store.get_interview(interview.id)
    assert saved.next_steps == "References, then the CFO"
    assert saved.second_round == "Yes, with the CFO"
    assert (saved.calls_welcome, saved.preferred_channel) == (CallsWelcome.NO, Channel.EMAIL)
    assert any("Saved at" in c.value for c in close.caption)

    close.radio(key=_field(interview, "preferred_channel")).set_value("").run()
    assert store.get_interview(interview.id).preferred_channel is None


def test_their_words_about_the_timeline_become_a_date(close, store, interview):
    close.text_input(key=_field(interview, "decision_timeline")).input("By the end of the week").run()
    assert store.get_interview(interview.id).decision_by == date(2026, 3, 13)
    assert close.date_input(key=_field(interview, "decision_by")).value == date(2026, 3, 13)
    assert any("Read as **Friday 13 March 2026**" in c.value for c in close.caption)

    close.date_input(key=_field(interview, "decision_by")).set_value(date(2026, 3, 16)).run()
    assert store.get_interview(interview.id).decision_by == date(2026, 3, 16)

    close.text_input(key=_field(interview, "decision_timeline")).input("when the board has met").run()
    saved = store.get_interview(interview.id)
    assert (saved.decision_timeline, saved.decision_by) == ("when the board has met", date(2026, 3, 16))
    assert any("could not turn those words into a date" in c.value for c in close.caption)


def test_a_decision_date_before_the_interview_is_explained_and_kept_unsaved(close, store, interview):
    close.date_input(key=_field(interview, "decision_by")).set_value(date(2026, 3, 1)).run()
    assert any("before the interview" in e for e in errors_shown(close))
    assert store.get_interview(interview.id).decision_by is None
    assert close.date_input(key=_field(interview, "decision_by")).value == date(2026, 3, 1)


def test_cards_for_every_interviewer_are_added_checked_and_removed(close, store, interview):
    for name in ("Priya Raman", "Tomás Ortega", "Grace Liu"):
        close.text_input(key=f"close-new-interviewer-{interview.id}-name").input(name).run()
    names = [p.name for p in store.list_interviewers(interview.id)]
    assert names == ["Priya Raman", "Tomás Ortega", "Grace Liu"]
    assert close.text_input(key=f"close-new-interviewer-{interview.id}-name").value == ""
    priya, tomas, grace = store.list_interviewers(interview.id)

    close.text_input(key=_card(priya, "email")).input("priya at acme").run()
    close.text_input(key=_card(priya, "phone")).input("call me").run()
    shown = " ".join(errors_shown(close))
    assert "does not look like an email address" in shown
    assert "does not look like a phone number" in shown
    assert store.get_interviewer(priya.id).email == ""

    close.text_input(key=_card(priya, "email")).input(" priya@acme.example ").run()
    close.text_input(key=_card(priya, "title")).input("Head of Analytics").run()
    close.radio(key=_card(priya, "preferred_channel")).set_value(Channel.PHONE).run()
    saved = store.get_interviewer(priya.id)
    assert (saved.email, saved.title, saved.preferred_channel) == (
        "priya@acme.example",
        "Head of Analytics",
        Channel.PHONE,
    )
    assert "does not look like an email address" not in " ".join(errors_shown(close))
    # Missing email is allowed, but flagged on the cards that lack one.
    warnings = [w.value for w in close.warning]
    assert sum("No email:" in w for w in warnings) == 2
    assert sum("no way to follow up" in w for w in warnings) == 2

    close.text_input(key=_card(grace, "name")).input("   ").run()
    assert "Name is required" in " ".join(errors_shown(close))
    assert store.get_interviewer(grace.id).name == "Grace Liu"

    remove = next(b for b in close.button if b.key == f"close-remove-{tomas.id}")
    remove.click().run()
    assert len(store.list_interviewers(interview.id)) == 3
    _button(close, "Delete for good").click().run()
    assert [p.id for p in store.list_interviewers(interview.id)] == [priya.id, grace.id]
    assert not close.exception


def test_the_progress_indicator_follows_the_answers(close, store, interview):
    assert close.get("progress")[0].proto.text == "0 of 5 steps done for this interview"
    assert _steps(close) == [
        ("1 · Close the interview", ":material/radio_button_unchecked:"),
        ("2 · Debrief", ":material/radio_button_unchecked:"),
        ("3 · Letters", ":material/radio_button_unchecked:"),
        ("4 · Follow-up plan", ":material/radio_button_unchecked:"),
        ("5 · Outcome", ":material/radio_button_unchecked:"),
    ]
    assert any(c.value == "0 of 5 answers written · 0 business cards" for c in close.caption)

    close.text_input(key=_field(interview, "decision_timeline")).input("in two weeks").run()
    for name in ("next_steps", "second_round", "anything_else", "qualifications_view"):
        close.text_area(key=_field(interview, name)).input("asked: " + name).run()
    assert _steps(close)[0][1] == ":material/radio_button_unchecked:"  # no business card yet
    close.text_input(key=f"close-new-interviewer-{interview.id}-name").input("Priya").run()

    assert _steps(close)[0] == ("1 · Close the interview", ":material/check_circle:")
    assert close.get("progress")[0].proto.text == "1 of 5 steps done for this interview"
    # AppTest does not follow st.switch_page; the browser test clicks through.
    assert _button(close, "Next: 2 · Debrief").proto.type == "primary"


def test_formality_and_field_pace_are_saved_on_the_application(close, store, interview):
    application_id = interview.application_id
    close.radio(key=f"close-application-{application_id}-formality-value").set_value(Formality.FORMAL).run()
    assert store.get_application(application_id).formality == Formality.FORMAL
    assert any("handwritten card" in c.value for c in close.caption)
    assert any("relaxed field" in c.value for c in close.caption)


def test_rounds_have_their_own_interviewers(close, store, interview):
    store.add_interviewer(Interviewer(interview.id, "Round one person"))
    prefix = f"journey-new-round-{interview.application_id}-"
    close.number_input(key=f"{prefix}round").set_value(2)
    close.date_input(key=f"{prefix}date").set_value(date(2026, 3, 20))
    _button(close, "Add this round").click().run()
    assert not close.exception
    first, second = store.list_interviews(interview.application_id)
    assert second.round == 2
    assert close.selectbox(key="interview").value == second.id
    assert not [c for c in close.get("text_input") if c.key and c.key.startswith("close-interviewer-")]
    close.text_input(key=f"close-new-interviewer-{second.id}-name").input("Round two person").run()
    assert [p.name for p in store.list_interviewers(second.id)] == ["Round two person"]
    assert [p.name for p in store.list_interviewers(first.id)] == ["Round one person"]

    close.selectbox(key="interview").select(first.id).run()
    [person] = store.list_interviewers(first.id)
    assert close.text_input(key=f"close-interviewer-{person.id}-name-value").value == "Round one person"


def test_text_that_could_not_be_saved_survives_switching_pages(close, store, interview):
    close.text_input(key=f"close-new-interviewer-{interview.id}-name").input("Priya").run()
    [priya] = store.list_interviewers(interview.id)
    close.text_input(key=_card(priya, "email")).input("priya@").run()
    close.switch_page("pages/debrief.py").run()
    close.switch_page(PAGE).run()
    assert close.text_input(key=_card(priya, "email")).value == "priya@"
    assert "does not look like an email address" in " ".join(errors_shown(close))


def test_a_change_made_elsewhere_to_the_same_answer_is_not_overwritten(close, store, interview):
    elsewhere = store.get_interview(interview.id)
    elsewhere.next_steps = "Theirs"
    store.update_interview(elsewhere)

    close.text_area(key=_field(interview, "next_steps")).input("Mine").run()
    assert any("changed in another tab" in w.value for w in close.warning)
    assert store.get_interview(interview.id).next_steps == "Theirs"
    assert close.text_area(key=_field(interview, "next_steps")).value == "Mine"
    _button(close, "Save my version over theirs").click().run()
    assert store.get_interview(interview.id).next_steps == "Mine"
    assert not close.warning


def test_after_a_conflict_the_user_can_take_the_other_version(close, store, interview):
    elsewhere = store.get_interview(interview.id)
    elsewhere.anything_else = "Theirs"
    store.update_interview(elsewhere)
    close.text_area(key=_field(interview, "anything_else")).input("Mine").run()
    _button(close, "Discard mine, show theirs").click().run()
    assert close.text_area(key=_field(interview, "anything_else")).value == "Theirs"
    assert store.get_interview(interview.id).anything_else == "Theirs"


def test_a_change_elsewhere_to_another_answer_shows_up_and_does_not_block(close, store, interview):
    elsewhere = store.get_interview(interview.id)
    elsewhere.second_round = "Theirs"
    store.update_interview(elsewhere)
    close.text_area(key=_field(interview, "next_steps")).input("Mine").run()
    saved = store.get_interview(interview.id)
    assert (saved.next_steps, saved.second_round) == ("Mine", "Theirs")
    assert close.text_area(key=_field(interview, "second_round")).value == "Theirs"
    assert not close.warning


def test_user_text_is_shown_as_text(close, store, interview):
    name = "<img src=x onerror=alert(1)> [x](javascript:alert(1))"
    close.text_input(key=f"close-new-interviewer-{interview.id}-name").input(name).run()
    heading = next(m.value for m in close.markdown if m.value.startswith("#### "))
    assert not re.search(r"(?<!\\)[<\[\]()]", heading.removeprefix("#### :material/badge: "))
    assert not close.exception


def test_a_salutation_on_the_card_is_checked_and_saved(close, store, interview):
    close.text_input(key=f"close-new-interviewer-{interview.id}-name").input("Priya Raman").run()
    [priya] = store.list_interviewers(interview.id)
    close.text_input(key=_card(priya, "salutation")).input("Ms 3").run()
    assert "A salutation is a word such as Ms" in " ".join(errors_shown(close))
    assert store.get_interviewer(priya.id).salutation == ""
    close.text_input(key=_card(priya, "salutation")).input(" Ms. ").run()
    assert store.get_interviewer(priya.id).salutation == "Ms."


def test_changing_how_they_like_to_be_contacted_replans_at_once(close, store, interview):
    from followup import planning
    from followup.model import ActionKind, ActionStatus

    person = Interviewer(interview.id, "Priya", email="priya@acme.example")
    store.add_interviewer(person)
    planning.replan(store, interview.application_id)  # the plan was made when the plan page was opened

    def checks():
        planned = store.list_actions(interview.application_id, ActionStatus.PLANNED, ActionKind.STATUS_CHECK)
        return [(a.channel, a.due) for a in planned]

    assert {channel for channel, _ in checks()} == {Channel.PHONE}
    close.run()
    close.radio(key=_field(interview, "preferred_channel")).set_value(Channel.EMAIL).run()
    assert not close.exception
    # No "recompute" step: the checks are emails now, three at most, a week apart. The interview
    # was on Tuesday 10 March 2026: Tuesdays 17, 24 and 31 March.
    assert checks() == [
        (Channel.EMAIL, date(2026, 3, 17)),
        (Channel.EMAIL, date(2026, 3, 24)),
        (Channel.EMAIL, date(2026, 3, 31)),
    ]
    close.radio(key=_card(person, "preferred_channel")).set_value(Channel.PHONE).run()
    assert {channel for channel, _ in checks()} == {Channel.PHONE}


def test_a_promise_on_a_holiday_is_read_as_the_day_before(app, store):
    application = Application("Acme", "Analyst")
    store.add_application(application)
    interview = Interview(application.id, datetime(2026, 12, 14, 10))  # a Monday
    store.add_interview(interview)
    app.switch_page(PAGE).run()
    app.text_input(key=_field(interview, "decision_timeline")).input("by the end of next week").run()
    # Friday 25 December is Christmas Day: the promise holds for Thursday 24.
    assert store.get_interview(interview.id).decision_by == date(2026, 12, 24)
    caption = next(c.value for c in app.caption if "Read as" in c.value)
    assert "Thursday 24 December 2026" in caption and "Friday 25 December is not a working day" in caption
