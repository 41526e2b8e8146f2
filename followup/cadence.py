"""When to follow up: the planner of follow-up actions after an interview.

`plan(scenario)` takes what is known about one interview (dates, the field's
pace, the company's formality, the interviewers' cards, the chosen cadence
profile and the log of what the user already did) and returns every follow-up
action still to do, each with a due date on a business day of the user's
country and a short `why` naming its rule and the seed it comes from.

The rules, in the order they apply:

- Thank-you email: one per interviewer who has an email address, due the
  day of the interview.
- Thank-you call: for an interviewer without an email address, the next
  business day (never the same day). If calls are not welcome, a card by
  mail instead.
- Handwritten note: one per interviewer when the user opts in or the company
  is formal, mailed by the next business day.
- First status check: the second business day after a promised decision
  date; without a promise, a week after the interview (three business days
  in an aggressive field).
- Further status checks: every `gap` of the cadence profile while
  unanswered, at most `max_checks` in a row; a relaxed field always leaves
  at least seven calendar days between contacts.
- Stop rule: once the last allowed check goes unanswered, one CLOSE action a
  gap later.
- Conversations: one where they are still deciding starts a fresh streak of
  checks; a next round stops the checks.
- Outcomes: the latest decision wins (by the day it happened, then the order
  it was saved in), so an outcome changed later replans from the new one.
  An offer stops the checks and plans a thank-you to each interviewer; a
  rejection plans a thanks-for-consideration letter and a stay-in-touch
  note; a withdrawal cancels everything and plans the letter that says so,
  unless the user already said it on that contact (a call, the letter
  itself) or sent or dismissed the letter since; closed without an answer
  (the stop rule's close done, or the user gave up) plans nothing; back in
  the running resumes the status checks a gap after it with a fresh count,
  without thanking anyone again.

Status checks go to one person, the main contact (the first interviewer):
the seeds tell the user to ask for the person they interviewed with, and
several people chasing the same decision would only irritate.

Attempt numbers count the checks of the current unanswered streak, because
that is what the stop rule counts: after a real conversation the next check
is attempt 1 again. Skipping a check uses it up like an unanswered one, so
that a replan never offers the skipped check again.

Manual actions (rescheduled by the user) are kept as they are; a manual
status check counts in the streak at its own date. A decision or a next round
drops manual status checks and closes too, a withdrawal or a close drops
every manual action, and a later decision drops the letters of the one it
overrides. Due dates may lie in the past: an overdue action stays in the plan.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from followup import business_days
from followup.model import (
    Action,
    ActionKind,
    ActionStatus,
    Application,
    AttemptOutcome,
    CadenceProfile,
    CallsWelcome,
    Channel,
    FieldPace,
    Formality,
    Interview,
    Interviewer,
    Settings,
)


@dataclass(frozen=True)
class ProfileRule:
    """A cadence profile: how long to wait after an unanswered check and when to give up."""

    profile: CadenceProfile
    name: str
    gap: int
    gap_in_business_days: bool
    max_checks: int
    sources: tuple[str, ...]
    description: str

    @property
    def gap_text(self) -> str:
        unit = "business days" if self.gap_in_business_days else "calendar days"
        return f"{self.gap} {unit}"

    @property
    def source_text(self) -> str:
        return _seeds(self.sources)


PROFILES: dict[CadenceProfile, ProfileRule] = {
    CadenceProfile.GENTLE: ProfileRule(
        profile=CadenceProfile.GENTLE,
        name="Gentle",
        gap=7,
        gap_in_business_days=False,
        max_checks=3,
        sources=("001", "003"),
        description="A check a week, and after a few weeks of silence let it go; calling too often can hurt.",
    ),
    CadenceProfile.MODERATE: ProfileRule(
        profile=CadenceProfile.MODERATE,
        name="Moderate",
        gap=5,
        gap_in_business_days=True,
        max_checks=4,
        sources=("001", "002", "003"),
        description="A check every working week, four at most: between letting go early and ten calls.",
    ),
    CadenceProfile.PERSISTENT: ProfileRule(
        profile=CadenceProfile.PERSISTENT,
        name="Persistent",
        gap=2,
        gap_in_business_days=True,
        max_checks=10,
        sources=("002",),
        description="Call again two business days after each unanswered call, up to ten courteous calls.",
    ),
}

DEFAULT_PROFILE = Settings().cadence

# Pace and outcome rules, each with the seed it comes from.
WEEK_AFTER_INTERVIEW_DAYS = 7  # 000, 003
AGGRESSIVE_FIRST_CHECK_BUSINESS_DAYS = 3  # 001: the faster the field, the sooner
RELAXED_MIN_GAP_DAYS = 7  # 001: seven days after the last contact
BUSINESS_DAYS_AFTER_DECISION_DATE = 2  # 002 (end of week -> Tuesday), 004 (only after the date)
STAY_IN_TOUCH_AFTER_REJECTION_DAYS = 42  # 002: the person hired may not work out

# The `why` of each planned action: the rule in our own words and its seeds.
WHY = {
    "thank_you_email": (
        "Send each interviewer their own thank-you email on the day of the interview"
        " (seeds 000, 001, 002, 004)."
    ),
    "thank_you_call": (
        "No email address: phone to say thank you on the next business day, not the same day (seed 004)."
    ),
    "thank_you_card": (
        "No email address and calls are not welcome: thank them with a card by mail instead (seeds 000, 003)."
    ),
    "note_formal": (
        "A formal company: mail a handwritten card, or hand it in, by the next business day (seed 003)."
    ),
    "note_opt_in": (
        "You chose to add a handwritten card: mail it by the next business day and mention something"
        " the email did not (seeds 000, 001; seed 004 finds cards old-fashioned)."
    ),
    "first_after_promise": (
        "They expect to decide by {decision}: check in once that has passed,"
        " on the second business day after it (seeds 002, 004)."
    ),
    "first_fast_field": (
        "No decision date was promised and the field moves fast:"
        " check in three business days after the interview (seed 001)."
    ),
    "first_week_later": (
        "No decision date was promised: check in a week after the interview (seeds 000, 003)."
    ),
    "still_deciding_new_date": (
        "They are still deciding and now expect to by {decision}:"
        " check in on the second business day after it (seeds 002, 004)."
    ),
    "still_deciding_no_date": (
        "They are still deciding and named no date:"
        " check in again a week after that conversation (seeds 000, 003)."
    ),
    "next_check": "No answer yet: try again {gap} after the last attempt ({profile} cadence, {sources}).",
    "relaxed_floor": " A relaxed field needs at least seven days after the last contact (seed 001).",
    "moved": " It falls on a weekend or public holiday, so it moves to the next business day.",
    "close": (
        "{checks} status checks in a row without an answer: presume there is no offer, close the"
        " application, and if you like send a short note to stay in touch (seeds 001, 002)."
    ),
    "thanks_for_consideration": (
        "They said no: within a day, thank them for considering you, ask whether anything could put you"
        " back in the running and what would help in future interviews (seed 002)."
    ),
    "stay_in_touch": (
        "About six weeks after the no, get back in touch: the person they hired may not work out (seed 002)."
    ),
    "offer_thanks": (
        "They made you an offer: thank each person who interviewed you, in words of your own for each,"
        " by the next business day. There is nothing left to chase (seed 003)."
    ),
    "withdrawal": (
        "You decided against the job: tell them at once, thank them and say plainly that you are no"
        " longer interested, so that nobody goes on counting on you (seed 003)."
    ),
    "back_in_running": (
        "Back in the running since {day}: check in {gap} later, counting the checks afresh"
        " ({profile} cadence, {sources})."
    ),
}


def explain_profile(profile: CadenceProfile) -> ProfileRule:
    """The rule behind a cadence profile, for the settings page: name, gap, limit, sources, description."""
    return PROFILES[CadenceProfile(profile)]


def end_of_week(day: date) -> date:
    """The Friday a promise of news "by the end of the week" made on `day` refers to.

    Monday to Friday give that week's Friday. Saturday and Sunday give the
    coming Friday: the week that has ended can no longer be meant. This is the
    Monday-to-Friday week the seeds assume, whatever the user's country.
    """
    return day + timedelta(days=(4 - day.weekday()) % 7)


@dataclass(frozen=True)
class Scenario:
    """Everything the planner needs about one interview, as plain values."""

    interview_date: date
    country: str = Settings().country
    decision_by: date | None = None
    pace: FieldPace = FieldPace.STANDARD
    formality: Formality = Formality.CASUAL
    handwritten_note: bool = False
    calls_welcome: CallsWelcome = CallsWelcome.UNKNOWN
    preferred_channel: Channel | None = None
    interviewers: tuple[Interviewer, ...] = ()
    cadence: CadenceProfile = DEFAULT_PROFILE
    history: tuple[Action, ...] = ()
    application_id: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "country", business_days.check_country(self.country))
        object.__setattr__(self, "interviewers", tuple(self.interviewers))
        object.__setattr__(self, "history", tuple(self.history))
        if self.decision_by is not None and self.decision_by < self.interview_date:
            raise ValueError(
                f"The decision date {self.decision_by.isoformat()} is before "
                f"the interview on {self.interview_date.isoformat()}."
            )

    @classmethod
    def for_interview(
        cls,
        application: Application,
        interview: Interview,
        interviewers: Iterable[Interviewer],
        actions: Iterable[Action],
        settings: Settings,
    ) -> Scenario:
        return cls(
            interview_date=interview.starts_at.date(),
            country=settings.country,
            decision_by=interview.decision_by,
            pace=application.field_pace,
            formality=application.formality,
            handwritten_note=application.handwritten_note,
            calls_welcome=interview.calls_welcome,
            preferred_channel=interview.preferred_channel,
            interviewers=tuple(interviewers),
            cadence=settings.cadence,
            history=tuple(actions),
            application_id=application.id or 0,
        )

    @property
    def main_contact(self) -> Interviewer | None:
        return self.interviewers[0] if self.interviewers else None


# Answers and decisions that settle where the application stands.
DECISIVE = frozenset(
    {
        AttemptOutcome.OFFER,
        AttemptOutcome.REJECTION,
        AttemptOutcome.WITHDREW,
        AttemptOutcome.BACK_IN_RUNNING,
        AttemptOutcome.GAVE_UP,
    }
)


def decisions(history: Iterable[Action]) -> list[Action]:
    """The done actions that settled where the application stands, oldest first.

    An offer, a rejection, a withdrawal, back in the running, or a close (done
    when the stop rule fired, or the user gave up); in the order they happened,
    then the order they were saved in.
    """
    return sorted(
        (
            a
            for a in history
            if a.status is ActionStatus.DONE and (a.outcome in DECISIVE or a.kind is ActionKind.CLOSE)
        ),
        key=_chronology,
    )


def latest_decision(history: Iterable[Action]) -> Action | None:
    """The decision that stands, or None while the application is open: the latest one wins."""
    found = decisions(history)
    return found[-1] if found else None


def settled_as(decision: Action) -> AttemptOutcome:
    """What a decision amounts to; a close done without an answer counts as giving up."""
    return decision.outcome if decision.outcome in DECISIVE else AttemptOutcome.GAVE_UP


def plan(scenario: Scenario) -> list[Action]:
    """Every follow-up action still to do, sorted by due date, all PLANNED."""
    logged = sorted((a for a in scenario.history if a.status is not ActionStatus.PLANNED), key=_chronology)
    manual = [a for a in scenario.history if a.status is ActionStatus.PLANNED and a.manual]
    decision = latest_decision(logged)
    if decision is None:
        return _while_open(scenario, logged, manual)
    since = [a for a in logged if a is not decision and _chronology(a) >= _chronology(decision)]
    settled = settled_as(decision)
    if settled is AttemptOutcome.BACK_IN_RUNNING:
        manual = [a for a in manual if a.kind not in _AFTER_DECISION]
        return _while_open(scenario, since, manual, resumed=decision)
    if settled is AttemptOutcome.WITHDREW:
        return _withdrawal(scenario, decision, since)
    if settled is AttemptOutcome.GAVE_UP:
        return []
    if settled is AttemptOutcome.OFFER:
        proposed = _after_offer(scenario, decision)
    else:
        proposed = _after_rejection(scenario, decision)
    own = {a.kind for a in proposed}
    manual = [a for a in manual if a.kind not in _CHASE and (a.kind not in _AFTER_DECISION or a.kind in own)]
    taken = {_identity(a) for a in since} | {_identity(a) for a in manual}
    planned = [a for a in proposed if _identity(a) not in taken]
    return sorted([*manual, *planned], key=_order)


def _while_open(
    s: Scenario, logged: Sequence[Action], manual: list[Action], resumed: Action | None = None
) -> list[Action]:
    """The thank-yous (not again once back in the running) and the status checks while no decision stands."""
    proposed = [] if resumed else _thanks(s)
    if _still_chasing(logged):
        proposed += _status_checks(s, logged, manual, resumed)
    else:
        manual = [a for a in manual if a.kind not in _CHASE]
    taken = {_identity(a) for a in logged} | {_identity(a) for a in manual}
    planned = [a for a in proposed if a.kind is ActionKind.STATUS_CHECK or _identity(a) not in taken]
    return sorted([*manual, *planned], key=_order)


def _thanks(s: Scenario) -> list[Action]:
    """One thank-you per interviewer, and a handwritten card each when the user or the company wants one."""
    actions: list[Action] = []
    note_why = _note_reason(s)
    next_day = business_days.add_business_days(s.interview_date, 1, s.country)
    for person in s.interviewers:
        thanks = _thank_you(s, person, next_day)
        actions.append(thanks)
        if note_why and thanks.kind is not ActionKind.HANDWRITTEN_NOTE:
            actions.append(_action(s, ActionKind.HANDWRITTEN_NOTE, next_day, Channel.MAIL, person, note_why))
    return actions


def _thank_you(s: Scenario, person: Interviewer, next_day: date) -> Action:
    if person.email:
        due, moved = _on_business_day(s.interview_date, s)
        return _action(
            s, ActionKind.THANK_YOU_EMAIL, due, Channel.EMAIL, person, WHY["thank_you_email"] + moved
        )
    if s.calls_welcome is CallsWelcome.NO:
        return _action(s, ActionKind.HANDWRITTEN_NOTE, next_day, Channel.MAIL, person, WHY["thank_you_card"])
    return _action(s, ActionKind.THANK_YOU_CALL, next_day, Channel.PHONE, person, WHY["thank_you_call"])


def _note_reason(s: Scenario) -> str:
    if s.formality is Formality.FORMAL:
        return WHY["note_formal"]
    if s.handwritten_note:
        return WHY["note_opt_in"]
    return ""


def _status_checks(
    s: Scenario, logged: Sequence[Action], manual: Sequence[Action], resumed: Action | None
) -> list[Action]:
    """The status checks still to make, then the CLOSE action once the streak is used up."""
    rule = PROFILES[s.cadence]
    contact = s.main_contact
    channel = _status_channel(s)
    if resumed is None:
        due, why = _first_check(s)
    else:
        due, why = _next_check(s, rule, _when(resumed), WHY["back_in_running"])
    streak = 0
    events = sorted(
        [*logged, *(a for a in manual if a.kind is ActionKind.STATUS_CHECK)],
        key=lambda a: (_when(a), a.status is ActionStatus.PLANNED),
    )
    for event in events:
        if event.outcome is AttemptOutcome.SPOKE_STILL_DECIDING:
            streak = 0
            due, why = _after_conversation(s, _when(event), event.decision_by)
        elif event.kind is ActionKind.STATUS_CHECK:
            streak += 1
            due, why = _next_check(s, rule, _when(event))

    actions = []
    while streak < rule.max_checks:
        streak += 1
        actions.append(_action(s, ActionKind.STATUS_CHECK, due, channel, contact, why, attempt=streak))
        due, why = _next_check(s, rule, due)
    close_why = WHY["close"].format(checks=rule.max_checks)
    actions.append(_action(s, ActionKind.CLOSE, due, _letter_channel(contact), contact, close_why))
    return actions


def _first_check(s: Scenario) -> tuple[date, str]:
    if s.decision_by is not None:
        due = business_days.add_business_days(s.decision_by, BUSINESS_DAYS_AFTER_DECISION_DATE, s.country)
        why = WHY["first_after_promise"].format(decision=_day(s.decision_by))
    elif s.pace is FieldPace.AGGRESSIVE:
        days = AGGRESSIVE_FIRST_CHECK_BUSINESS_DAYS
        due = business_days.add_business_days(s.interview_date, days, s.country)
        why = WHY["first_fast_field"]
    else:
        due, moved = _on_business_day(s.interview_date + timedelta(days=WEEK_AFTER_INTERVIEW_DAYS), s)
        why = WHY["first_week_later"] + moved
    return _relaxed_floor(s, s.interview_date, due, why)


def _after_conversation(s: Scenario, spoke_on: date, decision_by: date | None) -> tuple[date, str]:
    earliest = business_days.add_business_days(spoke_on, 1, s.country)
    if decision_by is not None:
        due = max(
            earliest,
            business_days.add_business_days(decision_by, BUSINESS_DAYS_AFTER_DECISION_DATE, s.country),
        )
        why = WHY["still_deciding_new_date"].format(decision=_day(decision_by))
    else:
        due, moved = _on_business_day(spoke_on + timedelta(days=WEEK_AFTER_INTERVIEW_DAYS), s)
        why = WHY["still_deciding_no_date"] + moved
    return _relaxed_floor(s, spoke_on, due, why)


def _next_check(
    s: Scenario, rule: ProfileRule, last: date, reason: str = WHY["next_check"]
) -> tuple[date, str]:
    why = reason.format(
        gap=rule.gap_text, profile=rule.name.lower(), sources=rule.source_text, day=_day(last)
    )
    if rule.gap_in_business_days:
        due, moved = business_days.add_business_days(last, rule.gap, s.country), ""
    else:
        due, moved = _on_business_day(last + timedelta(days=rule.gap), s)
    return _relaxed_floor(s, last, due, why + moved)


def _relaxed_floor(s: Scenario, last_contact: date, due: date, why: str) -> tuple[date, str]:
    if s.pace is not FieldPace.RELAXED:
        return due, why
    floor = business_days.next_business_day_on_or_after(
        last_contact + timedelta(days=RELAXED_MIN_GAP_DAYS), s.country
    )
    if due >= floor:
        return due, why
    return floor, why + WHY["relaxed_floor"]


def _after_offer(s: Scenario, offer: Action) -> list[Action]:
    due = business_days.add_business_days(_when(offer), 1, s.country)
    return [
        _action(s, ActionKind.OFFER_THANKS, due, _letter_channel(person), person, WHY["offer_thanks"])
        for person in s.interviewers
    ]


def _after_rejection(s: Scenario, rejection: Action) -> list[Action]:
    heard_on = _when(rejection)
    person = _decision_maker(s, rejection)
    channel = _letter_channel(person) if person else Channel.EMAIL
    thanks_due = business_days.add_business_days(heard_on, 1, s.country)
    thanks_why = WHY["thanks_for_consideration"]
    stay_due, moved = _on_business_day(heard_on + timedelta(days=STAY_IN_TOUCH_AFTER_REJECTION_DAYS), s)
    stay_why = WHY["stay_in_touch"] + moved
    return [
        _action(s, ActionKind.THANKS_FOR_CONSIDERATION, thanks_due, channel, person, thanks_why, rejection),
        _action(s, ActionKind.STAY_IN_TOUCH, stay_due, channel, person, stay_why, rejection),
    ]


def _withdrawal(s: Scenario, decision: Action, since: Sequence[Action]) -> list[Action]:
    """The letter that says so, when the user only recorded the decision; everything else is cancelled."""
    told = decision.kind is not ActionKind.OUTCOME or any(a.kind is ActionKind.WITHDRAWAL for a in since)
    if told:
        return []
    person = _decision_maker(s, decision)
    due, moved = _on_business_day(_when(decision), s)
    channel = _letter_channel(person) if person else Channel.EMAIL
    return [_action(s, ActionKind.WITHDRAWAL, due, channel, person, WHY["withdrawal"] + moved, decision)]


def _decision_maker(s: Scenario, decision: Action) -> Interviewer | None:
    """Whom the letter after a decision goes to: the interviewer named on it, else the main contact.

    None when someone outside the panel was named: the letter keeps that name.
    """
    person = _interviewer(s, decision)
    if person is None and not decision.recipient:
        return s.main_contact
    return person


def _still_chasing(logged: Iterable[Action]) -> bool:
    """Status checks go on until a next round or a logged CLOSE; even manual ones stop then."""
    return not any(a.kind is ActionKind.CLOSE or a.outcome is AttemptOutcome.SPOKE_NEXT_ROUND for a in logged)


def _status_channel(s: Scenario) -> Channel:
    """Phone by default; email only when calls are unwelcome; else the contact's own preference."""
    contact = s.main_contact
    if s.calls_welcome is CallsWelcome.NO:
        channel = Channel.EMAIL
    else:
        preferred = (
            contact.preferred_channel if contact and contact.preferred_channel else s.preferred_channel
        )
        channel = preferred or Channel.PHONE
    if channel is Channel.EMAIL and contact and not contact.email:
        return Channel.MAIL if s.calls_welcome is CallsWelcome.NO else Channel.PHONE
    return channel


def _letter_channel(person: Interviewer | None) -> Channel:
    return Channel.MAIL if person and not person.email else Channel.EMAIL


def _on_business_day(day: date, s: Scenario) -> tuple[date, str]:
    moved = business_days.next_business_day_on_or_after(day, s.country)
    return moved, (WHY["moved"] if moved != day else "")


def _action(
    s: Scenario,
    kind: ActionKind,
    due: date,
    channel: Channel,
    person: Interviewer | None,
    why: str,
    addressed_like: Action | None = None,
    attempt: int | None = None,
) -> Action:
    if person is None and addressed_like is not None:
        recipient, interviewer_id = addressed_like.recipient, addressed_like.interviewer_id
    else:
        recipient, interviewer_id = (person.name, person.id) if person else ("", None)
    return Action(
        application_id=s.application_id,
        kind=kind,
        due=due,
        channel=channel,
        recipient=recipient,
        interviewer_id=interviewer_id,
        attempt=attempt,
        why=why,
    )


def _interviewer(s: Scenario, action: Action) -> Interviewer | None:
    for person in s.interviewers:
        if (action.interviewer_id is not None and person.id == action.interviewer_id) or (
            action.interviewer_id is None and person.name == action.recipient
        ):
            return person
    return None


def _identity(action: Action) -> tuple[ActionKind, object]:
    """Which one-off action this is, so a done, skipped or manual one is not planned twice."""
    return action.kind, action.interviewer_id if action.interviewer_id is not None else action.recipient


def _when(action: Action) -> date:
    return action.done_on or action.due


def _chronology(action: Action) -> tuple[date, float]:
    """When it happened, then the order it was saved in; not yet saved counts as the latest."""
    return _when(action), action.id if action.id is not None else math.inf


_CHASE = (ActionKind.STATUS_CHECK, ActionKind.CLOSE)
# The letters that answer a decision; they lose their point once another decision overrides it.
_AFTER_DECISION = (
    ActionKind.OFFER_THANKS,
    ActionKind.THANKS_FOR_CONSIDERATION,
    ActionKind.STAY_IN_TOUCH,
    ActionKind.WITHDRAWAL,
)
_KIND_ORDER = {kind: index for index, kind in enumerate(ActionKind)}


def _order(action: Action) -> tuple:
    return action.due, _KIND_ORDER[action.kind], action.attempt or 0, action.recipient


def _seeds(sources: Sequence[str]) -> str:
    return ("seed " if len(sources) == 1 else "seeds ") + ", ".join(sources)


def _day(day: date) -> str:
    return f"{day:%A} {day.isoformat()}"
