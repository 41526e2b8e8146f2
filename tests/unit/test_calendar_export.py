from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import vobject

from followup.cadence import Scenario, plan
from followup.calendar_export import PRODID, CalendarEntry, build_ics, event_uid, summary
from followup.model import Action, ActionKind, ActionStatus, Channel, Interviewer

DANA = Interviewer(interview_id=1, name="Dana Lee", email="dana@acme.example", id=11)
SAM = Interviewer(interview_id=1, name="Sam Roe", email="sam@acme.example", id=12)
STAMP = datetime(2026, 11, 1, 8, 30, tzinfo=UTC)


def planned(**changes):
    values = {"interview_date": date(2026, 11, 18), "interviewers": (DANA, SAM), "application_id": 7}
    return plan(Scenario(**(values | changes)))


def entries(actions, script=""):
    return [CalendarEntry(a, company="Acme", role="Data Analyst", script=script) for a in actions]


def parse(ics: bytes):
    return vobject.readOne(ics.decode("utf-8"))


def test_one_event_per_planned_action_read_by_a_second_parser():
    actions = planned()
    calendar = parse(build_ics(entries(actions), stamp=STAMP))
    events = calendar.vevent_list
    assert len(events) == len(actions) == 7
    assert calendar.version.value == "2.0"
    assert calendar.prodid.value == PRODID
    assert [e.dtstart.value for e in events] == [a.due for a in actions]


def test_events_are_all_day_with_a_nine_oclock_reminder():
    [first, *_] = parse(build_ics(entries(planned()), stamp=STAMP)).vevent_list
    assert first.dtstart.value == date(2026, 11, 18)
    assert not isinstance(first.dtstart.value, datetime)
    assert first.dtend.value == date(2026, 11, 19)
    assert first.dtstamp.value == STAMP
    assert first.valarm.trigger.value == timedelta(hours=9)
    assert first.valarm.action.value == "DISPLAY"


def test_summary_says_what_to_do_and_for_whom():
    calendar = parse(build_ics(entries(planned()), stamp=STAMP))
    summaries = [e.summary.value for e in calendar.vevent_list]
    assert summaries == [
        "Email a thank-you to Dana Lee at Acme",
        "Email a thank-you to Sam Roe at Acme",
        "Call Dana Lee at Acme about your Data Analyst application (attempt 1)",
        "Call Dana Lee at Acme about your Data Analyst application (attempt 2)",
        "Call Dana Lee at Acme about your Data Analyst application (attempt 3)",
        "Call Dana Lee at Acme about your Data Analyst application (attempt 4)",
        "Close your Data Analyst application at Acme",
    ]


def test_summary_of_other_kinds_and_channels():
    action = Action(7, ActionKind.STATUS_CHECK, date(2026, 11, 25), Channel.EMAIL, attempt=2)
    assert (
        summary(CalendarEntry(action, "Acme"))
        == "Email the hiring team at Acme about your application (attempt 2)"
    )
    note = replace(
        action, kind=ActionKind.HANDWRITTEN_NOTE, channel=Channel.MAIL, recipient="Sam Roe", attempt=None
    )
    assert summary(CalendarEntry(note, "Acme")) == "Mail a handwritten thank-you card to Sam Roe at Acme"


def test_description_holds_the_reason_and_the_script():
    actions = planned()
    calendar = parse(build_ics(entries(actions, script="Subject: Thank you for today"), stamp=STAMP))
    description = calendar.vevent_list[0].description.value
    assert description.startswith(actions[0].why)
    assert "Subject: Thank you for today" in description
    assert description.endswith("Application: Data Analyst at Acme")


def test_uids_are_stable_across_builds_and_replans():
    first = parse(build_ics(entries(planned()), stamp=STAMP)).vevent_list
    later = STAMP + timedelta(days=3)
    again = parse(build_ics(entries(planned(decision_by=date(2026, 11, 20))), stamp=later)).vevent_list
    assert [e.uid.value for e in first] == [e.uid.value for e in again]
    assert len({e.uid.value for e in first}) == len(first)
    assert first[2].dtstart.value != again[2].dtstart.value
    assert int(again[0].sequence.value) > int(first[0].sequence.value)


def test_uid_does_not_depend_on_the_date_or_database_id():
    action = planned()[2]
    assert event_uid(action) == event_uid(replace(action, due=date(2027, 1, 5), id=42))
    assert event_uid(action) != event_uid(replace(action, attempt=3))
    assert event_uid(action).endswith("@followup")


def test_done_actions_are_left_out():
    actions = planned()
    done = replace(actions[0], status=ActionStatus.DONE)
    calendar = parse(build_ics(entries([done, *actions[1:]]), stamp=STAMP))
    assert len(calendar.vevent_list) == len(actions) - 1


def test_actions_with_the_same_identity_still_get_distinct_uids():
    check = planned()[2]
    calendar = parse(build_ics(entries([check, replace(check, manual=True)]), stamp=STAMP))
    uids = [e.uid.value for e in calendar.vevent_list]
    assert len(uids) == 2 and len(set(uids)) == 2


def test_empty_plan_is_still_a_valid_calendar():
    calendar = parse(build_ics([], stamp=STAMP))
    assert calendar.name == "VCALENDAR"
    assert not hasattr(calendar, "vevent")
