from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from followup import business_days, clock, planning
from followup.model import (
    ActionKind,
    ActionStatus,
    Application,
    AttemptOutcome,
    CadenceProfile,
    CallsWelcome,
    Interview,
    Interviewer,
    Status,
)
from tests.pages.conftest import errors_shown
from ui.text import md

PAGE = "pages/plan.py"


def _button(at, label):
    return next(b for b in at.button if b.label == label)


def _text(at) -> str:
    return "\n".join(m.value for m in at.markdown) + "\n" + "\n".join(c.value for c in at.caption)


def _planned(store, application_id, kind=None):
    return [a for a in store.list_actions(application_id, ActionStatus.PLANNED) if kind in (None, a.kind)]


@pytest.fixture
def acme(store):
    """Interviewed on Monday 2026-11-02 by Dana Lee, who has an email and a phone; no plan yet."""
    application = Application("Acme", "Data Analyst")
    store.add_application(application)
    interview = Interview(application.id, datetime(2026, 11, 2, 10), calls_welcome=CallsWelcome.YES)
    store.add_interview(interview)
    store.add_interviewer(
        Interviewer(interview.id, "Dana Lee", "Head of Data", "dana@acme.example", "+1 555 0101")
    )
    return application


@pytest.fixture
def thanked(store, acme):
    """The plan exists and the thank-you email went out on the day: the first status check is next."""
    planning.replan(store, acme.id)
    [thanks] = _planned(store, acme.id, ActionKind.THANK_YOU_EMAIL)
    planning.log_attempt(store, thanks, AttemptOutcome.SENT, on=date(2026, 11, 2))
    return acme


def _open(app):
    return app.switch_page(PAGE).run()


def test_opening_the_page_makes_the_plan_of_a_new_interview(today, app, store, acme):
    assert store.list_actions(acme.id) == []
    _open(app)
    assert not app.exception
    [thanks] = _planned(store, acme.id, ActionKind.THANK_YOU_EMAIL)
    assert thanks.due == date(2026, 11, 2)
    checks = _planned(store, acme.id, ActionKind.STATUS_CHECK)
    assert [c.due for c in checks] == [
        date(2026, 11, 9),
        date(2026, 11, 17),
        date(2026, 11, 24),
        date(2026, 12, 2),
    ]
    text = _text(app)
    assert "**Send the thank\\-you email** for **Dana Lee** · Email" in text
    assert "Due **Mon 2 Nov" in text
    # Overdue in the warning colour.
    assert (
        f":orange-badge[:material/warning: {(clock.today() - date(2026, 11, 2)).days} days overdue]" in text
    )
    # Every planned action shows its reason, naming its sources in words.
    plain = text.replace("\\", "")
    assert "(Westwood College career blog; Closing the interview; DeCarlo; Cohen)" in plain
    assert "(Westwood College career blog; After the Interview)" in plain
    assert "seed" not in plain.lower()


def test_an_application_without_an_interview_says_so_and_links_onwards(app, store):
    store.add_application(Application("Bolt", "Auditor"))
    _open(app)
    assert "No interview is recorded for Bolt yet" in app.info[0].value
    assert [link.proto.label for link in app.get("page_link")][-2:] == ["Close the interview", "Applications"]
    assert store.list_actions() == []


def test_the_next_status_check_shows_the_call_and_voicemail_scripts(app, store, thanked):
    store.save_settings(replace(store.get_settings(), signature="Alex Morgan\n+1 555 0199"))
    _open(app)
    text = _text(app)
    assert "**Check on the status \\(attempt 1\\)** for **Dana Lee** · Phone" in text
    assert "\\+1 555 0101" in text
    assert "Hello Dana, this is Alex Morgan" in text.replace("\\", "")
    assert "I am calling to follow up on my interview and the status of my application" in text.replace(
        "\\", ""
    )
    assert [t.label for t in app.tabs] == ["Call script", "Voicemail script"]
    assert {
        "No answer",
        "Left a voicemail",
        "Spoke: still deciding",
        "Spoke: next round",
        "Offer",
        "Rejection",
        "I withdrew",
    } <= {b.label for b in app.button}


def test_logging_no_answer_plans_the_following_check(app, store, thanked):
    _open(app)
    [first] = _planned(store, thanked.id, ActionKind.STATUS_CHECK)[:1]
    app.date_input(key=f"plan-on-{first.id}").set_value(date(2026, 11, 10))
    _button(app, "No answer").click().run()
    assert not app.exception
    assert "Next status check: Wed 18 Nov" in app.success[0].value.replace("\\", "")
    logged = store.list_actions(thanked.id, ActionStatus.DONE)
    assert [(a.kind, a.outcome, a.done_on) for a in logged if a.kind is ActionKind.STATUS_CHECK] == [
        (ActionKind.STATUS_CHECK, AttemptOutcome.NO_ANSWER, date(2026, 11, 10))
    ]
    following = _planned(store, thanked.id, ActionKind.STATUS_CHECK)[0]
    # Five business days after Tue 10 Nov, with Veterans Day (Wed 11 Nov) off.
    assert (following.attempt, following.due) == (2, date(2026, 11, 18))
    assert "**Check on the status \\(attempt 2\\)** for **Dana Lee** · Phone" in _text(app)
    assert store.get_application(thanked.id).status is Status.WAITING


def test_still_deciding_with_a_new_decision_date(app, store, thanked):
    _open(app)
    first = _planned(store, thanked.id, ActionKind.STATUS_CHECK)[0]
    app.date_input(key=f"plan-on-{first.id}").set_value(date(2026, 11, 10))
    app.date_input(key=f"plan-decision-{first.id}").set_value(date(2026, 11, 20))
    _button(app, "Spoke: still deciding").click().run()
    # The second business day after Friday 20 November.
    assert "Next status check: Tue 24 Nov" in app.success[0].value.replace("\\", "")
    following = _planned(store, thanked.id, ActionKind.STATUS_CHECK)[0]
    assert (following.attempt, following.due) == (1, date(2026, 11, 24))
    [spoke] = [
        a for a in store.list_actions(thanked.id, ActionStatus.DONE) if a.kind is ActionKind.STATUS_CHECK
    ]
    assert spoke.decision_by == date(2026, 11, 20)
    # The history is lines of words, readable on a phone: the call, then the thank-you before it.
    [history] = [m.value.replace("\\", "") for m in app.markdown if m.value.startswith("- **")]
    call, thanks = history.splitlines()
    assert call.startswith("- **Tue 10 Nov 2026** · Check on the status (attempt 1) · ")
    assert call.endswith(" · Spoke: still deciding · new decision date Fri 20 Nov 2026")
    assert thanks.endswith(" · Done")


def test_a_decision_date_before_the_call_is_refused_without_a_traceback(app, store, thanked):
    _open(app)
    first = _planned(store, thanked.id, ActionKind.STATUS_CHECK)[0]
    app.date_input(key=f"plan-on-{first.id}").set_value(date(2026, 11, 10))
    app.date_input(key=f"plan-decision-{first.id}").set_value(date(2026, 11, 5))
    _button(app, "Spoke: still deciding").click().run()
    assert not app.exception
    assert "The new decision date is before the day you spoke." in errors_shown(app)[0].replace("\\", "")
    assert store.list_actions(thanked.id, ActionStatus.DONE)[-1].kind is ActionKind.THANK_YOU_EMAIL


def test_an_offer_ends_the_chase_and_plans_answering_it_by_their_date(app, store, thanked):
    _open(app)
    first = _planned(store, thanked.id, ActionKind.STATUS_CHECK)[0]
    app.date_input(key=f"plan-on-{first.id}").set_value(date(2026, 11, 9))
    app.date_input(key=f"plan-decision-{first.id}").set_value(date(2026, 11, 20))
    _button(app, "Offer").click().run()
    assert store.get_application(thanked.id).status is Status.OFFER
    # Thanks the next business day, Tuesday 10 November; the answer by the day they gave, Friday 20.
    assert [(a.kind, a.due) for a in _planned(store, thanked.id)] == [
        (ActionKind.OFFER_THANKS, date(2026, 11, 10)),
        (ActionKind.ANSWER_OFFER, date(2026, 11, 20)),
    ]
    assert "now marked “Offer”" in app.success[0].value.replace("\\", "")
    _button(app, "Done").click().run()
    assert "**Answer the offer** for **Dana Lee** · Phone" in _text(app)
    _button(app, "Done").click().run()
    assert _planned(store, thanked.id) == []
    assert "An offer: nothing left to chase" in app.info[0].value


def test_a_check_logged_before_the_promised_date_warns(app, store, thanked):
    interview = planning.latest_interview(store, thanked.id)
    interview.decision_by = date(2026, 11, 13)
    planning.save_interview(store, interview)
    _open(app)
    first = _planned(store, thanked.id, ActionKind.STATUS_CHECK)[0]
    app.date_input(key=f"plan-on-{first.id}").set_value(date(2026, 11, 10))
    _button(app, "No answer").click().run()
    assert not app.exception
    warning = app.warning[0].value.replace("\\", "")
    assert "They promised news by Fri 13 Nov" in warning
    assert "this check came before that had passed" in warning
    # Five business days after Tuesday 10 November would be Wednesday 18; that is after the
    # promise has passed (Tuesday 17), so it stands.
    assert _planned(store, thanked.id, ActionKind.STATUS_CHECK)[0].due == date(2026, 11, 18)


def test_without_a_business_card_the_page_asks_for_a_contact(app, store):
    application = Application("Bolt", "Auditor")
    store.add_application(application)
    store.add_interview(Interview(application.id, datetime(2026, 11, 2, 10)))
    _open(app)
    assert not app.exception
    assert "Who should you follow up with?" in app.warning[0].value
    assert "Add a business card on Close the interview" in [link.proto.label for link in app.get("page_link")]
    assert "for **the hiring team**" not in _text(app)
    assert "**Check on the status \\(attempt 1\\)** for **no contact yet**" in _text(app)


def test_what_they_said_at_the_close_is_shown_where_you_check_in(app, store, thanked):
    interview = planning.latest_interview(store, thanked.id)
    interview.next_steps = "two more candidates, then references"
    interview.second_round = "Yes, with the CFO"
    planning.save_interview(store, interview)
    _open(app)
    text = _text(app).replace("\\", "")
    assert "**What has to happen before an offer:** two more candidates, then references" in text
    assert "ask when it will be" in text


def test_done_and_skip_on_letters(app, store, acme):
    _open(app)
    [thanks] = _planned(store, acme.id, ActionKind.THANK_YOU_EMAIL)
    assert {"Done", "Skip"} <= {b.label for b in app.button}
    assert "Subject: *Thank you for your time on Monday*" in _text(app).replace("\\", "")
    _button(app, "Skip").click().run()
    [skipped] = store.list_actions(acme.id, ActionStatus.SKIPPED)
    assert (skipped.id, skipped.kind, skipped.done_on) == (
        thanks.id,
        ActionKind.THANK_YOU_EMAIL,
        clock.today(),
    )
    assert "Next status check" not in app.success[0].value
    assert "Skipped: Send the thank-you email." in app.success[0].value.replace("\\", "")


def test_moving_an_action_by_hand_keeps_it_there(today, app, store, thanked):
    _open(app)
    first, check = _planned(store, thanked.id, ActionKind.STATUS_CHECK)[:2]
    # A working day (a weekend day asks whether you are sure) ten or more days away.
    new_day = business_days.add_business_days(clock.today() + timedelta(days=10), 0, "US")
    app.date_input(key=f"plan-move-{check.id}-{check.due}").set_value(new_day).run()
    assert not app.exception
    moved = [a for a in _planned(store, thanked.id) if a.manual]
    assert [(a.kind, a.due, a.attempt) for a in moved] == [(ActionKind.STATUS_CHECK, new_day, 2)]
    assert ":violet-badge[:material/edit_calendar: moved by hand]" in _text(app)
    # The checks after it moved with it: five business days after the new day, and so on, while
    # that is within eight weeks of the first check. Past them, the close: on the last day of the
    # eight weeks, or five business days after the new day when that was moved past them too.
    following = business_days.add_business_days(new_day, 5, "US")
    limit = business_days.business_day_on_or_before(first.due + timedelta(days=56), "US")
    after = [a for a in _planned(store, thanked.id, ActionKind.STATUS_CHECK) if a.attempt > 2]
    if following < limit:
        assert after[0].due == following
    else:
        assert after == []
        close = following if new_day >= limit else limit
        assert [a.due for a in _planned(store, thanked.id, ActionKind.CLOSE)] == [close]
    assert "What follows moved with it" in app.success[0].value.replace("\\", "")
    _button(app, "Recompute the plan").click().run()
    assert [(a.kind, a.due) for a in _planned(store, thanked.id) if a.manual] == [
        (ActionKind.STATUS_CHECK, new_day)
    ]
    assert "Plan recomputed" in app.success[0].value


def test_moving_an_action_into_the_past_is_refused(app, store, thanked):
    _open(app)
    first = _planned(store, thanked.id, ActionKind.STATUS_CHECK)[0]
    app.date_input(key=f"plan-move-{first.id}-{first.due}").set_value(date(2026, 11, 10)).run()
    assert "Choose today or a later day." in errors_shown(app)[0].replace("\\", "")
    assert not any(a.manual for a in _planned(store, thanked.id))


def test_an_application_deleted_in_another_tab_is_reported_not_crashed(app, store, thanked):
    store.add_application(Application("Bolt", "Auditor"))
    app.session_state["application"] = thanked.id
    _open(app)
    store.delete_application(thanked.id)  # in another tab, after this page was drawn
    _button(app, "No answer").click().run()
    assert not app.exception
    assert "This application no longer exists" in errors_shown(app)[0].replace("\\", "")


def test_saving_settings_replans_every_application(app, store, thanked):
    other = Application("Bolt", "Auditor")
    store.add_application(other)
    interview = Interview(other.id, datetime(2026, 11, 3, 9), calls_welcome=CallsWelcome.YES)
    store.add_interview(interview)
    store.add_interviewer(Interviewer(interview.id, "Kim Ito", email="kim@bolt.example"))
    planning.replan(store, other.id)
    _open(app)
    assert "Business days of United States · Moderate cadence" in _text(app)
    app.selectbox(key="plan-settings-country").set_value("GB")
    app.radio(key="plan-settings-cadence").set_value(CadenceProfile.PERSISTENT)
    app.text_input(key="plan-settings-name").input("  Alex Morgan ")
    app.text_area(key="plan-settings-details").input("+44 20 7946 0018\n\nalex@example.com")
    _button(app, "Save settings").click().run()
    assert not app.exception
    settings = store.get_settings()
    # The name, then each line under it; the blank line left out.
    assert (settings.country, settings.cadence, settings.signature) == (
        "GB",
        CadenceProfile.PERSISTENT,
        "Alex Morgan\n+44 20 7946 0018\nalex@example.com",
    )
    assert "Recomputed the plans of 2 applications" in app.toast[0].value.replace("\\", "")
    # Persistent: two business days apart, and Veterans Day is a working day in Great Britain.
    acme_checks = [a.due for a in _planned(store, thanked.id, ActionKind.STATUS_CHECK)]
    assert acme_checks[:3] == [date(2026, 11, 9), date(2026, 11, 11), date(2026, 11, 13)]
    assert len(acme_checks) == 10
    bolt_checks = [a.due for a in _planned(store, other.id, ActionKind.STATUS_CHECK)]
    assert bolt_checks[:2] == [date(2026, 11, 10), date(2026, 11, 12)]
    assert "Business days of United Kingdom · Persistent cadence" in _text(app)


def test_the_settings_explain_each_profile_and_the_disagreement(app, store, acme):
    _open(app)
    radio = app.radio(key="plan-settings-cadence")
    assert radio.value is CadenceProfile.MODERATE
    captions = list(radio.proto.options)
    assert captions == ["Gentle", "Moderate (default)", "Persistent"]
    text = _text(app).replace("\\", "")
    assert "(DeCarlo)" in text and "(Closing the interview)" in text and "**Moderate** is the default" in text
    assert "seed" not in text.lower()


def test_both_calendar_downloads_are_offered(app, store, acme):
    _open(app)
    labels = [b.proto.label for b in app.get("download_button")]
    assert labels == ["This application (.ics)", "All applications (.ics)"]


def test_user_text_is_shown_as_text(app, store):
    application = Application("*Acme* [x](https://evil.example)", "Analyst")
    store.add_application(application)
    interview = Interview(application.id, datetime(2026, 11, 2, 10))
    store.add_interview(interview)
    store.add_interviewer(Interviewer(interview.id, "**Dana** <b>Lee</b>", email="dana@acme.example"))
    _open(app)
    text = _text(app)
    assert f"for **{md('**Dana** <b>Lee</b>')}** · Email" in text
    assert "\\*\\*Dana\\*\\* \\<b\\>Lee\\<\\/b\\>" in text


def test_two_applications_that_read_alike_can_both_be_picked(app, store, acme):
    """The picker's label is what the URL keeps, so a second "Acme — Data Analyst" gets its own."""
    again = Application("Acme", "Data Analyst")
    store.add_application(again)
    _open(app)
    options = app.selectbox(key="application").options
    assert sorted(options) == [f"Acme — Data Analyst (#{acme.id})", f"Acme — Data Analyst (#{again.id})"]
    app.selectbox(key="application").set_value(again.id).run()
    assert not app.exception
    assert app.selectbox(key="application").value == again.id
    assert app.selectbox(key="application").format_func(again.id) == f"Acme — Data Analyst (#{again.id})"


def test_the_region_is_chosen_beside_the_country_and_replans(app, store, thanked):
    _open(app)
    app.selectbox(key="plan-settings-country").set_value("CA").run()
    region = app.selectbox(key="plan-settings-subdivision-CA")
    assert region.value == "" and "Ontario (ON)" in region.options
    region.set_value("ON")
    _button(app, "Save settings").click().run()
    assert not app.exception
    settings = store.get_settings()
    assert (settings.country, settings.subdivision) == ("CA", "ON")
    assert "Business days of Canada, Ontario · Moderate cadence" in _text(app)
    # In Ontario, Monday 9 November is a working day (Remembrance Day, the 11th, is not a
    # provincial holiday there): the first check stays a week after the interview.
    assert _planned(store, thanked.id, ActionKind.STATUS_CHECK)[0].due == date(2026, 11, 9)


def test_the_sources_page_lists_every_source_by_its_short_name(app):
    app.switch_page("pages/sources.py").run()
    assert not app.exception
    text = _text(app)
    for name in (
        "Westwood College career blog",
        "Closing the interview",
        "DeCarlo",
        "After the Interview",
        "Cohen",
    ):
        assert f"**{name}**" in text
    assert "Laura DeCarlo" in text and "Roy Cohen" in text
    assert "seed" not in text.lower()


def test_a_region_this_version_does_not_know_is_reported_not_crashed(app, store, acme):
    # As a backup from elsewhere could leave it: a region the holidays package does not have.
    store.save_settings(replace(store.get_settings(), subdivision="ZZ"))
    _open(app)
    assert not app.exception
    assert "The plan cannot be made: Unknown region 'ZZ' for US" in errors_shown(app)[0].replace("\\", "")
    app.switch_page("pages/close_interview.py").run()
    assert not app.exception


def test_the_name_and_the_phone_number_each_have_a_field(app, store, thanked):
    store.save_settings(replace(store.get_settings(), signature="Alex Morgan\n+1 555 0199"))
    _open(app)
    assert app.text_input(key="plan-settings-name").value == "Alex Morgan"
    assert app.text_area(key="plan-settings-details").value == "+1 555 0199"
