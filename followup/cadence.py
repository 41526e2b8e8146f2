"""When to follow up: the planner of follow-up actions after an interview.

`plan(scenario)` takes what is known about one interview (dates, the field's
pace, the company's formality, the interviewers' cards, what they answered at
the close, the chosen cadence profile and the log of what the user already
did) and returns every follow-up action still to do, each with a due date and
a short `why` naming its rule and, by short name, the sources it comes from.
Sources are cited in code by file number (000-004, see `guide.SOURCES`).

Dates are business days of the user's region (a country, or one of its
states, provinces or Länder), with one exception: the thank-you email.

The rules, in the order they apply:

- Thank-you email: one per interviewer who has an email address, due the
  day of the interview whatever the calendar (000, 004; 001 and 003 allow
  24 hours): it goes from the user's own inbox, so a weekend or a holiday
  does not delay it.
- Thank-you call: for an interviewer without an email address, the next
  business day (never the same day, 004). If calls are not welcome, a card
  by mail instead.
- Handwritten note: one per interviewer when the user opts in or the company
  is formal, mailed by the next business day.
- What they asked for at the close ("anything else I can provide?", 001):
  sent by the next business day.
- First status check: the second business day after a promised decision
  date (002, 004); without a promise, a week after the interview (000, 003),
  three business days in a fast field (001).
- Further status checks: every gap of the cadence profile while unanswered,
  at most `max_checks` in a row. A fast field shortens the gap to the
  profile's `fast_gap` (001: "the more aggressive the job, the more
  aggressive the follow-up"), never below DeCarlo's two days; a relaxed
  field never leaves less than seven calendar days between contacts (001).
- No over-contact (001, 003): by email at most three status inquiries, at
  least a week apart, whatever the profile (002's ten contacts are calls that
  expect voicemail); and whatever the pace and cadence, the close comes
  within eight weeks of the first check of the unanswered streak.
- A promise is kept: no status check is planned before the promised date has
  passed (004), even after a check the user made early.
- Stop rule: once the last allowed check goes unanswered, one CLOSE action a
  gap later.
- Conversations: one where they are still deciding starts a fresh streak of
  checks, after the new date if they named one; a next round stops the checks.
- Outcomes: the latest decision wins (by the day it happened, then the order
  it was saved in), so an outcome changed later replans from the new one.
  An offer stops the checks and plans answering it by the date they gave,
  and a thank-you to each interviewer; a rejection plans a
  thanks-for-consideration letter and a stay-in-touch note; a withdrawal
  cancels everything and plans the letter that says so, unless the user
  already said it on that contact (a call, the letter itself) or sent or
  dismissed the letter since; closed without an answer (the stop rule's
  close done, or the user gave up) plans nothing; back in the running
  resumes the status checks a gap after it with a fresh count, without
  thanking anyone again.

Status checks go to one person: the main contact (the first interviewer),
since the sources tell the user to ask for the person they interviewed with
and several people chasing the same decision would only irritate. When the
check goes by email and the main contact has no address, it goes to the
first panel member who has one; when nobody is on the panel, the checks are
planned without a recipient and say that a contact is needed.

Attempt numbers count the checks of the current unanswered streak, because
that is what the stop rule counts: after a real conversation the next check
is attempt 1 again. Skipping a check uses it up like an unanswered one, so
that a replan never offers the skipped check again.

Manual actions (moved by the user) are kept as they are. A status check
moved by hand keeps its place in the streak (its attempt number) at its new
date, and the checks after it follow from there, keeping their spacing; one
moved to or before the check ahead of it no longer fits and is dropped. A
decision or a next round drops manual status checks and closes too, a
withdrawal or a close drops every manual action, and a later decision drops
the letters of the one it overrides. Due dates may lie in the past: an
overdue action stays in the plan.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from followup import answers, business_days, guide
from followup.business_days import Region
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
    fast_gap: int  # business days between checks in a fast field
    sources: tuple[str, ...]
    description: str

    @property
    def gap_text(self) -> str:
        unit = "business days" if self.gap_in_business_days else "calendar days"
        return f"{self.gap} {unit}"

    @property
    def source_text(self) -> str:
        return guide.cite(self.sources)


PROFILES: dict[CadenceProfile, ProfileRule] = {
    CadenceProfile.GENTLE: ProfileRule(
        profile=CadenceProfile.GENTLE,
        name="Gentle",
        gap=7,
        gap_in_business_days=False,
        max_checks=3,
        fast_gap=4,
        sources=("001", "003"),
        description="A check a week, and after a few weeks of silence let it go; calling too often can hurt.",
    ),
    CadenceProfile.MODERATE: ProfileRule(
        profile=CadenceProfile.MODERATE,
        name="Moderate",
        gap=5,
        gap_in_business_days=True,
        max_checks=4,
        fast_gap=3,
        sources=("001", "002", "003"),
        description="A check every working week, four at most: between letting go early and ten calls.",
    ),
    CadenceProfile.PERSISTENT: ProfileRule(
        profile=CadenceProfile.PERSISTENT,
        name="Persistent",
        gap=2,
        gap_in_business_days=True,
        max_checks=10,
        fast_gap=2,
        sources=("002",),
        description="Call again two business days after each unanswered call, up to ten courteous calls.",
    ),
}

DEFAULT_PROFILE = Settings().cadence

# Pace and outcome rules, each with the source it comes from.
WEEK_AFTER_INTERVIEW_DAYS = 7  # 000, 003
AGGRESSIVE_FIRST_CHECK_BUSINESS_DAYS = 3  # 001: the faster the field, the sooner
RELAXED_MIN_GAP_DAYS = 7  # 001: seven days after the last contact
BUSINESS_DAYS_AFTER_DECISION_DATE = 2  # 002 (end of week -> Tuesday), 004 (only after the date)
STAY_IN_TOUCH_AFTER_REJECTION_DAYS = 42  # 002: the person hired may not work out
# No over-contact (001, 003): by email, at most three inquiries, a week apart.
MAX_EMAIL_CHECKS = 3
EMAIL_MIN_GAP_DAYS = 7
# Whatever the profile, the chase closes within eight weeks of its first check (001: "after several weeks").
CHASE_LIMIT_DAYS = 56
# They made an offer and named no date for the answer: answer, or ask for time, within this many.
ANSWER_OFFER_BUSINESS_DAYS = 2
SEND_REQUESTED_BUSINESS_DAYS = 1  # 001: anything else they need, sent quickly


def _cited(text: str, *sources: str) -> str:
    return f"{text} ({guide.cite(sources)})."


# The `why` of each planned action: the rule in our own words and the sources' short names.
WHY = {
    "thank_you_email": _cited(
        "Send each interviewer their own thank-you email on the day of the interview",
        "000",
        "001",
        "002",
        "004",
    ),
    "email_any_day": (
        " It goes from your own inbox, so a weekend or a public holiday does not delay it:"
        " it will be waiting for them."
    ),
    "thank_you_call": _cited(
        "No email address: phone to say thank you on the next business day, not the same day", "004"
    ),
    "thank_you_card": _cited(
        "No email address and calls are not welcome: thank them with a card by mail instead", "000", "003"
    ),
    "note_formal": _cited(
        "A formal company: mail a handwritten card, or hand it in, by the next business day", "003"
    ),
    "note_opt_in": (
        "You chose to add a handwritten card: mail it by the next business day and mention something"
        f" the email did not ({guide.cite(['000', '001'])}; {guide.cite(['004'])} finds cards old-fashioned)."
    ),
    "send_requested": _cited(
        "They asked you for “{what}”: send it by the next business day. It is a reason to be in touch,"
        " and an easy point in your favour",
        "001",
    ),
    "first_after_promise": _cited(
        "They expect to decide by {decision}: check in once that has passed,"
        " on the second business day after it",
        "002",
        "004",
    ),
    "first_fast_field": _cited(
        "No decision date was promised and the field moves fast: check in three business days after the interview",
        "001",
    ),
    "first_week_later": _cited(
        "No decision date was promised: check in a week after the interview", "000", "003"
    ),
    "still_deciding_new_date": _cited(
        "They are still deciding and now expect to by {decision}: check in on the second business day after it",
        "002",
        "004",
    ),
    "still_deciding_no_date": _cited(
        "They are still deciding and named no date: check in again a week after that conversation",
        "000",
        "003",
    ),
    "next_check": "No answer yet: try again {gap} after the last attempt ({profile} cadence: {sources}).",
    "next_check_fast": (
        "No answer yet, and the field moves fast: try again {gap} after the last attempt, sooner than the"
        " {profile} cadence's {usual} ({sources})."
    ),
    "next_round": " They expect a next round: ask when it will be.",
    "relaxed_floor": _cited(" A relaxed field needs at least seven days after the last contact", "001"),
    "email_floor": _cited(
        " By email, no more than one inquiry a week and three in all: more would turn eager into obnoxious",
        "001",
        "003",
    ),
    "promise_floor": _cited(
        " They promised news by {decision}: no check before that has passed, on the second business day after it",
        "004",
    ),
    "moved": " It falls on a weekend or public holiday{holiday}, so it moves to the next business day.",
    "no_contact": (
        " There is no contact to ask yet: add the business card of the person you will follow up with"
        " on Close the interview."
    ),
    "close": _cited(
        "{checks} status checks in a row without an answer: presume there is no offer, close the"
        " application, and if you like send a short note to stay in touch",
        "001",
        "002",
    ),
    "close_eight_weeks": _cited(
        "Eight weeks since the first status check without an answer: let it go, presume there is no offer,"
        " close the application, and if you like send a short note to stay in touch",
        "001",
        "002",
    ),
    "thanks_for_consideration": _cited(
        "They said no: within a day, thank them for considering you, ask whether anything could put you"
        " back in the running and what would help in future interviews",
        "002",
    ),
    "stay_in_touch": _cited(
        "About six weeks after the no, get back in touch: the person they hired may not work out", "002"
    ),
    "offer_thanks": _cited(
        "They made you an offer: thank each person who interviewed you, in words of your own for each,"
        " by the next business day. There is nothing left to chase",
        "003",
    ),
    "answer_offer_by": _cited(
        "They want your answer by {day}: accept, negotiate, or ask for the time you need, before then", "003"
    ),
    "answer_offer": _cited(
        "They named no date for your answer: within two business days, accept, negotiate, or tell them"
        " when you will decide",
        "003",
    ),
    "withdrawal": _cited(
        "You decided against the job: tell them at once, thank them and say plainly that you are no"
        " longer interested, so that nobody goes on counting on you",
        "003",
    ),
    "back_in_running": (
        "Back in the running since {day}: check in {gap} later, counting the checks afresh"
        " ({profile} cadence: {sources})."
    ),
}


def explain_profile(profile: CadenceProfile) -> ProfileRule:
    """The rule behind a cadence profile, for the settings page: name, gap, limit, sources, description."""
    return PROFILES[CadenceProfile(profile)]


def end_of_week(day: date) -> date:
    """The Friday a promise of news "by the end of the week" made on `day` refers to.

    Monday to Friday give that week's Friday. Saturday and Sunday give the
    coming Friday: the week that has ended can no longer be meant. This is the
    Monday-to-Friday week the sources assume, whatever the user's country.
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
    subdivision: str = ""
    # From the answers at the close of the interview (see `answers`).
    next_round_expected: bool = False
    requested: str = ""

    def __post_init__(self) -> None:
        region = Region(self.country, self.subdivision)
        object.__setattr__(self, "country", region.country)
        object.__setattr__(self, "subdivision", region.subdivision)
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
            subdivision=settings.subdivision,
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
            next_round_expected=answers.expects_next_round(interview),
            requested=answers.requested(interview),
        )

    @property
    def region(self) -> Region:
        return Region(self.country, self.subdivision)

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


def promised_by(s: Scenario, history: Iterable[Action] = ()) -> date | None:
    """The decision date that holds: the latest one named in a conversation, else the interview's.

    Once a decision came in (and the user is back in the running), only dates named after it count.
    """
    logged = sorted((a for a in history if a.status is ActionStatus.DONE), key=_chronology)
    decision = latest_decision(logged)
    promise = s.decision_by if decision is None else None
    since = logged if decision is None else [a for a in logged if _chronology(a) > _chronology(decision)]
    for event in since:
        if event.outcome is AttemptOutcome.SPOKE_STILL_DECIDING:
            promise = event.decision_by or promise
    return promise


def too_early(s: Scenario, day: date, history: Iterable[Action] = ()) -> date | None:
    """The promised date, when a status check on `day` comes before it has passed; else None (004)."""
    promise = promised_by(s, history)
    return promise if promise is not None and day <= promise else None


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
    proposed = [] if resumed else [*_thanks(s), *_requested(s)]
    chasing = _still_chasing(logged)
    if chasing:
        # The status checks moved by hand come back from here, in their place in the streak.
        proposed += _status_checks(s, logged, manual, resumed)
    manual = [
        a for a in manual if a.kind is not ActionKind.STATUS_CHECK and (chasing or a.kind not in _CHASE)
    ]
    taken = {_identity(a) for a in logged} | {_identity(a) for a in manual}
    planned = [a for a in proposed if a.kind is ActionKind.STATUS_CHECK or _identity(a) not in taken]
    return sorted([*manual, *planned], key=_order)


def _thanks(s: Scenario) -> list[Action]:
    """One thank-you per interviewer, and a handwritten card each when the user or the company wants one."""
    actions: list[Action] = []
    note_why = _note_reason(s)
    next_day = business_days.add_business_days(s.interview_date, 1, s.region)
    for person in s.interviewers:
        thanks = _thank_you(s, person, next_day)
        actions.append(thanks)
        if note_why and thanks.kind is not ActionKind.HANDWRITTEN_NOTE:
            actions.append(_action(s, ActionKind.HANDWRITTEN_NOTE, next_day, Channel.MAIL, person, note_why))
    return actions


def _thank_you(s: Scenario, person: Interviewer, next_day: date) -> Action:
    if person.email:
        # The one date that is not moved to a business day: an email waits in their inbox.
        why = WHY["thank_you_email"]
        if not business_days.is_business_day(s.interview_date, s.region):
            why += WHY["email_any_day"]
        return _action(s, ActionKind.THANK_YOU_EMAIL, s.interview_date, Channel.EMAIL, person, why)
    if s.calls_welcome is CallsWelcome.NO:
        return _action(s, ActionKind.HANDWRITTEN_NOTE, next_day, Channel.MAIL, person, WHY["thank_you_card"])
    return _action(s, ActionKind.THANK_YOU_CALL, next_day, Channel.PHONE, person, WHY["thank_you_call"])


def _note_reason(s: Scenario) -> str:
    if s.formality is Formality.FORMAL:
        return WHY["note_formal"]
    if s.handwritten_note:
        return WHY["note_opt_in"]
    return ""


def _requested(s: Scenario) -> list[Action]:
    """What they asked for at the close, sent quickly to the main contact."""
    if not s.requested:
        return []
    due = business_days.add_business_days(s.interview_date, SEND_REQUESTED_BUSINESS_DAYS, s.region)
    contact = s.main_contact
    why = WHY["send_requested"].format(what=s.requested)
    return [_action(s, ActionKind.SEND_REQUESTED, due, _letter_channel(contact), contact, why)]


@dataclass(frozen=True)
class _Chase:
    """How the status checks of one scenario are paced: whom, how, how often, how many."""

    s: Scenario
    rule: ProfileRule
    contact: Interviewer | None
    channel: Channel

    @property
    def limit(self) -> int:
        if self.channel is Channel.EMAIL:
            return min(self.rule.max_checks, MAX_EMAIL_CHECKS)
        return self.rule.max_checks

    def after(self, last: date, reason: str | None = None) -> tuple[date, str]:
        """The next check after an unanswered one (or `reason`'s event) on `last`, and why then."""
        s, rule = self.s, self.rule
        values = {"profile": rule.name.lower(), "sources": rule.source_text, "day": _day(last)}
        if s.pace is FieldPace.AGGRESSIVE and rule.fast_gap < _business_days_in(rule):
            due, moved = business_days.add_business_days(last, rule.fast_gap, s.region), ""
            gap = f"{rule.fast_gap} business days"
            why = (reason or WHY["next_check_fast"]).format(gap=gap, usual=rule.gap_text, **values)
        elif rule.gap_in_business_days:
            due, moved = business_days.add_business_days(last, rule.gap, s.region), ""
            why = (reason or WHY["next_check"]).format(gap=rule.gap_text, **values)
        else:
            due, moved = _on_business_day(last + timedelta(days=rule.gap), s)
            why = (reason or WHY["next_check"]).format(gap=rule.gap_text, **values)
        return self.spaced(last, due, why + moved)

    def spaced(self, last_contact: date, due: date, why: str) -> tuple[date, str]:
        """At least a week after the last contact by email, and in a relaxed field."""
        if self.channel is Channel.EMAIL and last_contact > self.s.interview_date:
            due, why = _at_least_week_after(self.s, last_contact, due, why, WHY["email_floor"])
        return _relaxed_floor(self.s, last_contact, due, why)


def _status_checks(
    s: Scenario, logged: Sequence[Action], manual: Sequence[Action], resumed: Action | None
) -> list[Action]:
    """The status checks still to make, then the CLOSE action once the streak is used up."""
    contact, channel = _status_contact(s)
    chase = _Chase(s, PROFILES[s.cadence], contact, channel)
    if resumed is None:
        due, why = _first_check(s)
        due, why = chase.spaced(s.interview_date, due, why)
    else:
        due, why = chase.after(_when(resumed), WHY["back_in_running"])
    streak, started, previous = 0, None, None
    # Back in the running, the decision that came in between has overtaken the old promise.
    promise = s.decision_by if resumed is None else None
    for event in sorted(logged, key=lambda a: (_when(a), a.id if a.id is not None else math.inf)):
        if event.outcome is AttemptOutcome.SPOKE_STILL_DECIDING:
            streak, started = 0, None
            promise = event.decision_by or promise
            due, why = _after_conversation(s, _when(event), event.decision_by)
            due, why = chase.spaced(_when(event), due, why)
        elif event.kind is ActionKind.STATUS_CHECK:
            streak += 1
            started = started or _when(event)
            due, why = chase.after(_when(event))
        else:
            continue
        previous = _when(event)

    moved_by_hand = {a.attempt: a for a in manual if a.kind is ActionKind.STATUS_CHECK and a.attempt}
    actions: list[Action] = []
    close_by = None if started is None else _close_limit(s, started)
    capped = False
    while streak < chase.limit:
        streak += 1
        due, why = _kept_promise(s, promise, due, why)
        moved = moved_by_hand.get(streak)
        if moved is not None and (previous is None or moved.due > previous):
            check = moved
        else:
            if not actions:
                why += WHY["next_round"] if s.next_round_expected else ""
                why += "" if contact else WHY["no_contact"]
            check = _action(s, ActionKind.STATUS_CHECK, due, channel, contact, why, attempt=streak)
        if close_by is None:
            close_by = _close_limit(s, check.due)
        # A check the user moved past the limit stays: it is their choice, and the page said so.
        if check.due >= close_by and check is not moved:
            capped = True
            break
        actions.append(check)
        previous = check.due
        due, why = chase.after(check.due)
    if capped or (close_by is not None and due > close_by):
        # Eight weeks on, or the usual gap after a check moved by hand past them.
        moved_past = bool(actions) and actions[-1].due >= close_by
        due, close_why = (due if moved_past else close_by), WHY["close_eight_weeks"]
    else:
        close_why = WHY["close"].format(checks=chase.limit)
    close_why += "" if contact else WHY["no_contact"]
    actions.append(_action(s, ActionKind.CLOSE, due, _letter_channel(contact), contact, close_why))
    return actions


def _close_limit(s: Scenario, first_check: date) -> date:
    """The last day the chase may close: eight weeks after its first check, on a business day."""
    return business_days.business_day_on_or_before(first_check + timedelta(days=CHASE_LIMIT_DAYS), s.region)


def _kept_promise(s: Scenario, promise: date | None, due: date, why: str) -> tuple[date, str]:
    """Never a check before the promised date has passed, even after one made too early (004)."""
    if promise is None:
        return due, why
    earliest = business_days.add_business_days(promise, BUSINESS_DAYS_AFTER_DECISION_DATE, s.region)
    if due >= earliest:
        return due, why
    return earliest, why + WHY["promise_floor"].format(decision=_day(promise))


def _business_days_in(rule: ProfileRule) -> int:
    """The profile's gap in business days (a calendar week is five)."""
    return rule.gap if rule.gap_in_business_days else math.ceil(rule.gap * 5 / 7)


def _first_check(s: Scenario) -> tuple[date, str]:
    if s.decision_by is not None:
        due = business_days.add_business_days(s.decision_by, BUSINESS_DAYS_AFTER_DECISION_DATE, s.region)
        why = WHY["first_after_promise"].format(decision=_day(s.decision_by))
    elif s.pace is FieldPace.AGGRESSIVE:
        days = AGGRESSIVE_FIRST_CHECK_BUSINESS_DAYS
        due = business_days.add_business_days(s.interview_date, days, s.region)
        why = WHY["first_fast_field"]
    else:
        due, moved = _on_business_day(s.interview_date + timedelta(days=WEEK_AFTER_INTERVIEW_DAYS), s)
        why = WHY["first_week_later"] + moved
    return due, why


def _after_conversation(s: Scenario, spoke_on: date, decision_by: date | None) -> tuple[date, str]:
    earliest = business_days.add_business_days(spoke_on, 1, s.region)
    if decision_by is not None:
        due = max(
            earliest,
            business_days.add_business_days(decision_by, BUSINESS_DAYS_AFTER_DECISION_DATE, s.region),
        )
        why = WHY["still_deciding_new_date"].format(decision=_day(decision_by))
    else:
        due, moved = _on_business_day(spoke_on + timedelta(days=WEEK_AFTER_INTERVIEW_DAYS), s)
        why = WHY["still_deciding_no_date"] + moved
    return due, why


def _at_least_week_after(s: Scenario, last: date, due: date, why: str, note: str) -> tuple[date, str]:
    floor = business_days.next_business_day_on_or_after(last + timedelta(days=EMAIL_MIN_GAP_DAYS), s.region)
    if due >= floor:
        return due, why
    return floor, why + note


def _relaxed_floor(s: Scenario, last_contact: date, due: date, why: str) -> tuple[date, str]:
    if s.pace is not FieldPace.RELAXED:
        return due, why
    floor = business_days.next_business_day_on_or_after(
        last_contact + timedelta(days=RELAXED_MIN_GAP_DAYS), s.region
    )
    if due >= floor:
        return due, why
    return floor, why + WHY["relaxed_floor"]


def _after_offer(s: Scenario, offer: Action) -> list[Action]:
    """Answer the offer by the date they gave, and thank each interviewer."""
    heard_on = _when(offer)
    person = _decision_maker(s, offer)
    if offer.decision_by is not None and offer.decision_by >= heard_on:
        answer_by = business_days.business_day_on_or_before(offer.decision_by, s.region)
        if answer_by < heard_on:
            answer_by = business_days.next_business_day_on_or_after(heard_on, s.region)
        why = WHY["answer_offer_by"].format(day=_day(offer.decision_by))
    else:
        answer_by = business_days.add_business_days(heard_on, ANSWER_OFFER_BUSINESS_DAYS, s.region)
        why = WHY["answer_offer"]
    channel = offer.channel if offer.channel in (Channel.PHONE, Channel.EMAIL) else _answer_channel(person)
    answer = _action(s, ActionKind.ANSWER_OFFER, answer_by, channel, person, why, offer)
    due = business_days.add_business_days(heard_on, 1, s.region)
    thanks = [
        _action(s, ActionKind.OFFER_THANKS, due, _letter_channel(p), p, WHY["offer_thanks"])
        for p in s.interviewers
    ]
    return [answer, *thanks]


def _after_rejection(s: Scenario, rejection: Action) -> list[Action]:
    heard_on = _when(rejection)
    person = _decision_maker(s, rejection)
    channel = _letter_channel(person) if person else Channel.EMAIL
    thanks_due = business_days.add_business_days(heard_on, 1, s.region)
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


def _status_contact(s: Scenario) -> tuple[Interviewer | None, Channel]:
    """The person to ask and the channel: email when calls are unwelcome, else the preferred one, else phone.

    By email, the main contact if they have an address, else the first panel
    member who has one; if nobody has, the phone (or a letter when calls are
    unwelcome) to the main contact.
    """
    main = s.main_contact
    if s.calls_welcome is CallsWelcome.NO:
        wanted = Channel.EMAIL
    else:
        preferred = main.preferred_channel if main and main.preferred_channel else s.preferred_channel
        wanted = preferred or Channel.PHONE
    if wanted is not Channel.EMAIL or main is None or main.email:
        return main, wanted
    reachable = next((person for person in s.interviewers if person.email), None)
    if reachable is not None:
        return reachable, Channel.EMAIL
    return main, Channel.MAIL if s.calls_welcome is CallsWelcome.NO else Channel.PHONE


def _answer_channel(person: Interviewer | None) -> Channel:
    """How to answer someone whose offer came by post: by email, else by phone, else by post."""
    if person is None or person.email:
        return Channel.EMAIL
    return Channel.PHONE if person.phone else Channel.MAIL


def _letter_channel(person: Interviewer | None) -> Channel:
    return Channel.MAIL if person and not person.email else Channel.EMAIL


def _on_business_day(day: date, s: Scenario) -> tuple[date, str]:
    moved = business_days.next_business_day_on_or_after(day, s.region)
    if moved == day:
        return day, ""
    holiday = business_days.holiday_name(day, s.region)
    return moved, WHY["moved"].format(holiday=f" ({holiday})" if holiday else "")


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
# The actions that answer a decision; they lose their point once another decision overrides it.
_AFTER_DECISION = (
    ActionKind.OFFER_THANKS,
    ActionKind.ANSWER_OFFER,
    ActionKind.THANKS_FOR_CONSIDERATION,
    ActionKind.STAY_IN_TOUCH,
    ActionKind.WITHDRAWAL,
)
_KIND_ORDER = {kind: index for index, kind in enumerate(ActionKind)}


def _order(action: Action) -> tuple:
    return action.due, _KIND_ORDER[action.kind], action.attempt or 0, action.recipient


def _day(day: date) -> str:
    return f"{day:%A} {day.isoformat()}"
