"""Use cases of the follow-up plan: replan an application, log an attempt, record an outcome, reschedule.

The rules are in `cadence.py`; this module only feeds them the stored records
and writes what comes back, each user action in one transaction. Whatever
changes the plan (an answer or a business card on Close the interview, the
field's pace, a logged attempt, a moved action, the settings) replans at once,
once there is a plan (the first one is made when the plan page is opened):
there is no separate step to remember.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date

from followup import business_days, cadence, clock, outcome, timeline_words, validation
from followup.business_days import Region
from followup.calendar_export import CalendarEntry
from followup.errors import FollowupError, ValidationFailed
from followup.letters import scripts
from followup.model import (
    Action,
    ActionKind,
    ActionStatus,
    Application,
    AttemptOutcome,
    Channel,
    Interview,
    Interviewer,
    Letter,
    LetterKind,
    LetterStatus,
    Settings,
    Status,
)
from followup.store import Store

# Once the answer is in, the plan has nothing left to chase.
_FINISHED = (Status.OFFER, Status.WITHDRAWN, Status.CLOSED_WITHOUT_ANSWER)

# The answers that come with a date: when they now expect to decide, or by when they want yours.
_DATED = (AttemptOutcome.SPOKE_STILL_DECIDING, AttemptOutcome.OFFER)

_STATUS_AFTER = {
    AttemptOutcome.OFFER: Status.OFFER,
    AttemptOutcome.REJECTION: Status.REJECTED,
    AttemptOutcome.WITHDREW: Status.WITHDRAWN,
}


def latest_interview(store: Store, application_id: int) -> Interview | None:
    interviews = store.list_interviews(application_id)
    return interviews[-1] if interviews else None


def _history_since(actions: list[Action], interview: Interview) -> list[Action]:
    """What was done since this interview, and the planned actions the user moved by hand.

    An earlier round's answers ("next round") must not stop this round's follow-up.
    """
    start = interview.starts_at.date()
    kept = []
    for action in actions:
        if action.status is ActionStatus.PLANNED:
            if action.manual:
                kept.append(action)
        elif (action.done_on or action.due) >= start:
            kept.append(action)
    return kept


def proposed_plan(store: Store, application: Application, actions: list[Action]) -> list[Action]:
    """The planned actions the rules give for this application, given its history."""
    interview = latest_interview(store, application.id)
    if interview is None:
        return []
    return _plan(application, interview, store.list_interviewers(interview.id), actions, store.get_settings())


def _plan(
    application: Application,
    interview: Interview,
    interviewers: list[Interviewer],
    actions: list[Action],
    settings: Settings,
) -> list[Action]:
    history = _history_since(actions, interview)
    # A stage set by hand, with no outcome behind it, leaves nothing to plan;
    # a recorded outcome plans what follows it (the letters after an offer or a withdrawal).
    if application.status in _FINISHED and cadence.latest_decision(history) is None:
        return []
    try:
        scenario = cadence.Scenario.for_interview(application, interview, interviewers, history, settings)
    except ValueError as error:  # stored values the rules cannot plan from (an unknown region, say)
        raise FollowupError(f"The plan cannot be made: {error}") from None
    return cadence.plan(scenario)


def replan(store: Store, application_id: int) -> list[Action]:
    """Recompute the automatic part of the plan and save it. Returns the planned actions."""
    application = store.get_application(application_id)
    actions = store.list_actions(application_id)
    planned = proposed_plan(store, application, actions)
    store.replace_planned(application_id, planned)
    return planned


def refresh(store: Store, application_id: int) -> list[Action]:
    """The plan the rules give now, saved only if it differs from the stored one. Returns the planned actions.

    Whatever changed since the plan was saved (an interview edited on another
    page, a restored backup, a newer version of the rules), the plan page
    shows the plan that follows from it, and an unchanged plan costs no write.
    """
    application = store.get_application(application_id)
    actions = store.list_actions(application_id)
    planned = proposed_plan(store, application, actions)
    stored = [a for a in actions if a.status is ActionStatus.PLANNED]
    if sorted(map(_sameness, stored)) != sorted(map(_sameness, planned)):
        store.replace_planned(application_id, planned)
        return planned
    return sorted(stored, key=lambda a: (a.due, a.id or 0))


def _sameness(action: Action) -> tuple:
    return (
        action.due,
        action.kind.value,
        action.channel.value,
        action.recipient,
        action.interviewer_id or 0,
        action.attempt or 0,
        action.why,
        action.manual,
        action.id if action.manual else 0,
    )


def save_interview(store: Store, interview: Interview) -> list[Action]:
    """Save an edited interview (an answer, how they like to be contacted) and replan, at once."""
    application = store.get_application(interview.application_id)
    latest = latest_interview(store, application.id)
    current = interview if latest is None or latest.id == interview.id else latest
    planned = _plan_or_nothing(application, current, store.list_interviewers(current.id), store)
    store.update_replanned(interview, application.id, planned)
    return planned


def save_interviewer(store: Store, person: Interviewer) -> list[Action]:
    """Save an edited business card (an address, a preferred channel) and replan, at once."""
    interview = store.get_interview(person.interview_id)
    application = store.get_application(interview.application_id)
    latest = latest_interview(store, application.id) or interview
    people = [person if p.id == person.id else p for p in store.list_interviewers(latest.id)]
    planned = _plan_or_nothing(application, latest, people, store)
    store.update_replanned(person, application.id, planned)
    return planned


def save_application(store: Store, application: Application) -> list[Action]:
    """Save an edited application (the field's pace, the company's formality) and replan, at once."""
    latest = latest_interview(store, application.id)
    people = store.list_interviewers(latest.id) if latest else []
    planned = _plan_or_nothing(application, latest, people, store)
    store.update_replanned(application, application.id, planned)
    return planned


def _replan_once_planned(store: Store, application_id: int) -> None:
    """Replan after a change, if there is a plan yet: the first is made when the plan page opens."""
    if store.list_actions(application_id):
        replan(store, application_id)


def add_interview(store: Store, interview: Interview) -> int:
    """Add an interview (a later round), then plan from it: the follow-up starts again from the newest round."""
    new_id = store.add_interview(interview)
    _replan_once_planned(store, interview.application_id)
    return new_id


def remove_interview(store: Store, interview: Interview) -> None:
    """Delete an interview with its people, then plan from the round before it, if any."""
    store.delete_interview(interview.id)
    _replan_once_planned(store, interview.application_id)


def add_interviewer(store: Store, person: Interviewer) -> int:
    """Add a business card, then plan with it: the checks that had nobody to go to now have someone."""
    new_id = store.add_interviewer(person)
    application_id = store.get_interview(person.interview_id).application_id
    _replan_once_planned(store, application_id)
    return new_id


def remove_interviewer(store: Store, person: Interviewer) -> None:
    """Remove a business card, then plan without it: their thank-you goes, the checks find another contact."""
    application_id = store.get_interview(person.interview_id).application_id
    store.delete_interviewer(person.id)
    _replan_once_planned(store, application_id)


def _plan_or_nothing(
    application: Application,
    interview: Interview | None,
    interviewers: list[Interviewer],
    store: Store,
) -> list[Action]:
    """The new plan, once there is one: the first is made when the user opens the plan page."""
    actions = store.list_actions(application.id)
    if interview is None or not actions:
        return []
    return _plan(application, interview, interviewers, actions, store.get_settings())


def region(store: Store) -> Region:
    """The user's region, whose business days every plan counts."""
    try:
        return Region.of(store.get_settings())
    except ValueError as error:
        raise FollowupError(f"The region in your settings cannot be used: {error}") from None


def read_timeline(store: Store, words: str, said_on: date) -> timeline_words.Reading | None:
    """The interviewer's words about their timeline as a date, with the holidays of the user's region.

    With a region this version cannot use (from an old backup, say), the words are still read,
    without its holidays; the plan page says what is wrong with the setting.
    """
    try:
        where = region(store)
    except FollowupError:
        where = None
    return timeline_words.read(words, said_on, where)


def too_early(store: Store, action: Action, on: date) -> date | None:
    """The promised decision date, when a status check on `on` comes before it has passed; else None."""
    scenario = _scenario(store, action.application_id)
    if scenario is None or action.kind is not ActionKind.STATUS_CHECK:
        return None
    return cadence.too_early(scenario, on, scenario.history)


def timing_warnings(store: Store, action: Action, day: date) -> list[str]:
    """What to know about doing `action` on `day`: a day off, before the promised date, too soon by email."""
    warnings = []
    where = region(store)
    if not business_days.is_business_day(day, where):
        holiday = business_days.holiday_name(day, where)
        what = holiday if holiday else "not a working day"
        warnings.append(f"{_day(day)} is {what} where you are: they may well be off work.")
    promise = too_early(store, action, day)
    if promise is not None:
        warnings.append(
            f"They promised news by {_day(promise)}: a status check on {_day(day)} comes before that has "
            "passed, which can look impatient."
        )
    if action.kind is ActionKind.STATUS_CHECK and action.channel is Channel.EMAIL:
        earlier = [
            a.done_on or a.due
            for a in store.list_actions(action.application_id, kind=ActionKind.STATUS_CHECK)
            if a.id != action.id and (a.done_on or a.due) < day and a.status is not ActionStatus.SKIPPED
        ]
        if earlier and (day - max(earlier)).days < cadence.EMAIL_MIN_GAP_DAYS:
            warnings.append(
                f"That is less than a week after the previous status email ({_day(max(earlier))}): "
                "more than one a week turns eager into obnoxious."
            )
    return warnings


def _scenario(store: Store, application_id: int) -> cadence.Scenario | None:
    application = store.get_application(application_id)
    interview = latest_interview(store, application_id)
    if interview is None:
        return None
    history = _history_since(store.list_actions(application_id), interview)
    people = store.list_interviewers(interview.id)
    try:
        return cadence.Scenario.for_interview(application, interview, people, history, store.get_settings())
    except ValueError as error:
        raise FollowupError(f"The plan cannot be made: {error}") from None


def _day(day: date) -> str:
    text = f"{day:%a} {day.day} {day:%b}"
    return text if day.year == clock.today().year else f"{text} {day.year}"


def replan_all(store: Store) -> int:
    """Replan every application at once (after the country or cadence changed). Returns how many.

    A handful of reads and one write in all, not a round of each per
    application: with a thousand applications that is the difference between
    well under a second and several.
    """
    records = _Records.read(store)
    plans = {}
    for application in records.applications:
        interview = records.latest_interview.get(application.id)
        plans[application.id] = (
            _plan(
                application,
                interview,
                records.interviewers.get(interview.id, []),
                records.actions.get(application.id, []),
                records.settings,
            )
            if interview
            else []
        )
    store.replace_all_planned(plans)
    return len(plans)


def log_attempt(
    store: Store,
    action: Action,
    outcome: AttemptOutcome,
    *,
    on: date | None = None,
    note: str = "",
    decision_by: date | None = None,
) -> list[Action]:
    """Record what happened on a planned action, and plan what follows, all at once."""
    on = on or clock.today()
    if on > clock.today():
        raise ValidationFailed({"on": "An attempt cannot be logged in the future."})
    if outcome not in _DATED:
        decision_by = None
    if decision_by is not None and decision_by < on:
        if outcome is AttemptOutcome.OFFER:
            raise ValidationFailed(
                {"decision_by": "The date for your answer is before the day of the offer."}
            )
        raise ValidationFailed({"decision_by": "The new decision date is before the day you spoke."})
    done = replace(
        action,
        status=ActionStatus.DONE,
        outcome=outcome,
        done_on=on,
        outcome_note=note.strip(),
        decision_by=decision_by,
    )
    application = store.get_application(action.application_id)
    new_status = _STATUS_AFTER.get(outcome)
    if action.kind is ActionKind.CLOSE:
        new_status = Status.CLOSED_WITHOUT_ANSWER
    elif new_status is None and application.status is Status.ACTIVE:
        new_status = Status.WAITING
    if new_status is not None:
        application = replace(application, status=new_status)
    others = [a for a in store.list_actions(action.application_id) if a.id != action.id]
    planned = proposed_plan(store, application, [*others, done])
    store.record_attempt(done, application if new_status else None, planned, letters_sent_by(store, done))
    return planned


def letters_sent_by(store: Store, done: Action) -> list[Letter]:
    """The draft a follow-up logged as sent carries out, marked sent: its letter and the action are one thing.

    The letter of the action's kind to the same person; for a letter to the
    company (a status inquiry, a withdrawal…), the first draft of that kind
    when none is addressed to them. A call or a voicemail sends nothing.
    """
    if done.outcome not in (AttemptOutcome.SENT, AttemptOutcome.WITHDREW) or done.channel is Channel.PHONE:
        return []
    kind = LETTER_FOR_ACTION.get(done.kind)
    if kind is None:
        return []
    drafts = [
        letter
        for letter in store.list_letters(done.application_id)
        if letter.kind is kind and letter.status is LetterStatus.DRAFT
    ]
    theirs = [letter for letter in drafts if letter.interviewer_id == done.interviewer_id]
    if not theirs and done.kind in _ONE_PER_APPLICATION:
        theirs = drafts
    return [replace(letter, status=LetterStatus.SENT, sent_on=done.done_on) for letter in theirs[:1]]


@dataclass(frozen=True)
class RecordedOutcome:
    """What recording an outcome did: the outcome saved, the stage and the plan that follow.

    `standing` is the decision that now stands: the one recorded, unless a
    later one was recorded before (an outcome entered after the fact).
    """

    recorded: Action
    standing: Action
    status: Status
    planned: list[Action]

    @property
    def superseded(self) -> bool:
        return self.standing is not self.recorded


def record_outcome(
    store: Store,
    application_id: int,
    settled: AttemptOutcome,
    *,
    on: date | None = None,
    who_interviewer_id: int | None = None,
    who_text: str = "",
    note: str = "",
    channel: Channel | None = None,
    answer_by: date | None = None,
) -> RecordedOutcome:
    """Record how the application ended (or came back to life), set its stage and replan, all at once.

    `who_interviewer_id` names the interviewer who said it (or, for a
    withdrawal, whom to tell); `who_text` anyone else; `answer_by`, for an
    offer, the date by which they want an answer. Earlier outcomes stay in the
    history: the latest one decides the stage and the plan.
    """
    on = on or clock.today()
    if settled is not AttemptOutcome.OFFER:
        answer_by = None
    application = store.get_application(application_id)
    interview = latest_interview(store, application_id)
    people = {p.id: p for p in store.list_interviewers(interview.id)} if interview else {}
    errors = _outcome_problems(settled, on, interview, people, who_interviewer_id, who_text, note)
    if answer_by is not None and answer_by < on:
        errors["answer_by"] = "The date for your answer is before the day of the offer."
    if errors:
        raise ValidationFailed(errors)
    person = people.get(who_interviewer_id)
    recorded = Action(
        application_id,
        ActionKind.OUTCOME,
        on,
        channel or (Channel.MAIL if person and not person.email.strip() else Channel.EMAIL),
        recipient=person.name if person else who_text.strip(),
        interviewer_id=person.id if person else None,
        status=ActionStatus.DONE,
        outcome=settled,
        outcome_note=note.strip(),
        decision_by=answer_by,
        why="Recorded on the Outcome page.",
        done_on=on,
    )
    actions = [*store.list_actions(application_id), recorded]
    standing = cadence.latest_decision(_history_since(actions, interview))
    status = outcome.status_after(standing)
    changed = replace(application, status=status) if status is not application.status else None
    planned = proposed_plan(store, changed or application, actions)
    store.record_attempt(recorded, changed, planned)
    return RecordedOutcome(recorded, standing, status, planned)


def _outcome_problems(
    settled: AttemptOutcome,
    on: date,
    interview: Interview | None,
    people: dict[int, Interviewer],
    who_interviewer_id: int | None,
    who_text: str,
    note: str,
) -> dict[str, str]:
    if settled not in outcome.GUIDES:
        return {"outcome": "Choose one of the five outcomes."}
    if interview is None:
        return {"_form": "No interview is recorded for this application yet: add it first, then its outcome."}
    errors = {}
    first_day = interview.starts_at.date()
    if on > clock.today():
        errors["on"] = "An outcome cannot be recorded in the future: choose today or an earlier day."
    elif on < first_day:
        errors["on"] = (
            f"This is before the interview it answers (round {interview.round}, "
            f"{first_day:%a} {first_day.day} {first_day:%b %Y}): choose that day or a later one."
        )
    if who_interviewer_id is not None and who_interviewer_id not in people:
        errors["who"] = "This person is not on the interview's panel any more (removed in another tab?)."
    if len(who_text.strip()) > validation.MAX_NAME:
        errors["who"] = f"This name is too long (at most {validation.MAX_NAME} characters)."
    if len(note) > validation.MAX_TEXT:
        errors["note"] = f"This note is too long ({len(note):,} characters; at most {validation.MAX_TEXT:,})."
    return errors


def skip(store: Store, action: Action) -> list[Action]:
    """The user decided not to do this one; it counts as used, and the plan moves on."""
    skipped = replace(action, status=ActionStatus.SKIPPED, done_on=clock.today())
    application = store.get_application(action.application_id)
    others = [a for a in store.list_actions(action.application_id) if a.id != action.id]
    planned = proposed_plan(store, application, [*others, skipped])
    store.record_attempt(skipped, None, planned)
    return planned


def reschedule(store: Store, action: Action, due: date) -> list[Action]:
    """Move a planned action by hand, and the status checks after it with it; returns the new plan.

    The moved action stays where the user put it through every replan. A
    moved status check keeps its place in the streak, so the checks and the
    close after it are planned from its new day, keeping their spacing; it
    cannot go to or before the check ahead of it.
    """
    if due < clock.today():
        raise ValidationFailed({"due": "Choose today or a later day."})
    actions = store.list_actions(action.application_id)
    if action.kind is ActionKind.STATUS_CHECK:
        ahead = [
            a.done_on or a.due
            for a in actions
            if a.kind is ActionKind.STATUS_CHECK
            and a.id != action.id
            and (a.status is not ActionStatus.PLANNED or (a.attempt or 0) < (action.attempt or 0))
        ]
        if ahead and due <= max(ahead):
            raise ValidationFailed(
                {"due": f"Choose a day after the status check before it ({_day(max(ahead))})."}
            )
    moved = replace(action, due=due, manual=True)
    application = store.get_application(action.application_id)
    others = [a for a in actions if a.id != action.id]
    planned = proposed_plan(store, application, [*others, moved])
    store.record_attempt(moved, None, planned)
    return planned


def calendar_entries(store: Store, application_id: int | None = None) -> list[CalendarEntry]:
    """Every planned action of one application (or of all), with what to say, sorted by due date.

    Shared by the calendar file, the daily digest and the plan page's downloads.
    """
    records = _Records.read(store, application_id, with_letters=True)
    by_id = {a.id: a for a in records.applications}
    planned = [a for actions in records.actions.values() for a in actions if a.status is ActionStatus.PLANNED]
    contexts: dict[int, scripts.Context] = {}
    entries = []
    for action in sorted(planned, key=lambda a: (a.due, a.application_id, a.id)):
        application = by_id[action.application_id]
        if application.id not in contexts:
            interview = records.latest_interview.get(application.id)
            contexts[application.id] = scripts.Context(
                application,
                interview,
                tuple(records.interviewers.get(interview.id, [])) if interview else (),
                records.settings,
                tuple(records.letters.get(application.id, ())),
            )
        context = contexts[application.id]
        entries.append(
            CalendarEntry(action, application.company, application.role, scripts.reminder(action, context))
        )
    return entries


@dataclass
class _Records:
    """What planning needs about many applications, read in a handful of queries."""

    applications: list[Application]
    latest_interview: dict[int, Interview]
    interviewers: dict[int, list[Interviewer]]
    actions: dict[int, list[Action]]
    settings: Settings
    # Only when asked for: the reminders' subjects need them, a replan does not.
    letters: dict[int, list[Letter]]

    @classmethod
    def read(cls, store: Store, application_id: int | None = None, *, with_letters: bool = False) -> _Records:
        if application_id is None:
            applications = store.list_applications()
        else:
            applications = [store.get_application(application_id)]
        latest = {}
        for interview in store.list_interviews(application_id):  # oldest first, so the last one wins
            latest[interview.application_id] = interview
        if application_id is None:
            interviewers = store.list_interviewers()
        else:
            interviewers = [p for i in latest.values() for p in store.list_interviewers(i.id)]
        people = defaultdict(list)
        for person in interviewers:
            people[person.interview_id].append(person)
        actions = defaultdict(list)
        for action in store.list_actions(application_id):
            actions[action.application_id].append(action)
        letters = defaultdict(list)
        for letter in store.list_letters(application_id) if with_letters else ():
            letters[letter.application_id].append(letter)
        return cls(applications, latest, dict(people), dict(actions), store.get_settings(), dict(letters))


# The follow-up action each kind of letter carries out. Scripts are spoken,
# not sent: a call is logged with what came of it on the plan.
ACTION_FOR_LETTER = {
    LetterKind.THANK_YOU_EMAIL: ActionKind.THANK_YOU_EMAIL,
    LetterKind.HANDWRITTEN_NOTE: ActionKind.HANDWRITTEN_NOTE,
    LetterKind.STATUS_INQUIRY: ActionKind.STATUS_CHECK,
    LetterKind.WITHDRAWAL: ActionKind.WITHDRAWAL,
    LetterKind.THANKS_FOR_CONSIDERATION: ActionKind.THANKS_FOR_CONSIDERATION,
    LetterKind.STAY_IN_TOUCH: ActionKind.STAY_IN_TOUCH,
    LetterKind.OFFER_THANKS: ActionKind.OFFER_THANKS,
}
# The letter that carries out each kind of follow-up action.
LETTER_FOR_ACTION = {action: letter for letter, action in ACTION_FOR_LETTER.items()}
# Letters to "the company": whoever the plan addressed, one sent letter does the job.
_ONE_PER_APPLICATION = frozenset(
    {
        ActionKind.STATUS_CHECK,
        ActionKind.WITHDRAWAL,
        ActionKind.THANKS_FOR_CONSIDERATION,
        ActionKind.STAY_IN_TOUCH,
    }
)


def mark_letter_sent(store: Store, letter: Letter, on: date | None = None) -> list[Action]:
    """The letter is sent: record it, mark the follow-up action it carries out as
    done (or add one when none was planned) and plan what follows, all at once.

    Pass the letter as just read from the store: its version guards the save.
    Returns the new plan.
    """
    kind = ACTION_FOR_LETTER.get(letter.kind)
    if kind is None:
        raise ValueError(f"A {letter.kind} is spoken, not sent: log the call on the plan instead.")
    on = on or clock.today()
    if on > clock.today():
        raise ValidationFailed({"on": "A letter cannot be marked as sent in the future."})
    person = store.get_interviewer(letter.interviewer_id) if letter.interviewer_id is not None else None
    if person is not None and on < store.get_interview(person.interview_id).starts_at.date():
        raise ValidationFailed({"on": "This date is before the interview."})
    channel = Channel.MAIL if letter.kind is LetterKind.HANDWRITTEN_NOTE else Channel.EMAIL
    outcome = AttemptOutcome.WITHDREW if kind is ActionKind.WITHDRAWAL else AttemptOutcome.SENT
    name = person.name if person else letter.recipient
    actions = store.list_actions(letter.application_id)
    planned = [a for a in actions if a.kind is kind and a.status is ActionStatus.PLANNED]
    action = next((a for a in planned if a.interviewer_id == letter.interviewer_id), None)
    note = ""
    if action is None and kind in _ONE_PER_APPLICATION and planned:
        # Keep the planned addressee, so the plan sees this action as done.
        action = planned[0]
        note = f"Sent to {name}." if name and name != action.recipient else ""
    if action is None and kind in _ONCE_PER_PERSON:
        already = _already_done(actions, kind, letter.interviewer_id)
        if already is not None:
            # Done on the plan before this letter was drafted: the letter is that follow-up, not another.
            store.update_letter(replace(letter, status=LetterStatus.SENT, sent_on=already.done_on))
            return refresh(store, letter.application_id)
    if action is None:
        action = Action(
            letter.application_id,
            kind,
            on,
            channel,
            recipient=name,
            interviewer_id=letter.interviewer_id,
            why="Marked as sent on the Letters page.",
        )
    done = replace(
        action, status=ActionStatus.DONE, outcome=outcome, done_on=on, channel=channel, outcome_note=note
    )
    application = store.get_application(letter.application_id)
    new_status = _STATUS_AFTER.get(outcome)
    if new_status is None and application.status is Status.ACTIVE:
        new_status = Status.WAITING
    if new_status is not None:
        application = replace(application, status=new_status)
    others = [a for a in actions if a.id != action.id]
    plan = proposed_plan(store, application, [*others, done])
    sent = replace(letter, status=LetterStatus.SENT, sent_on=on)
    store.record_letter_sent(sent, done, application if new_status else None, plan)
    return plan


# Follow-ups each person gets once: a second letter of the kind is not a second follow-up.
_ONCE_PER_PERSON = frozenset(
    {ActionKind.THANK_YOU_EMAIL, ActionKind.HANDWRITTEN_NOTE, ActionKind.OFFER_THANKS}
)


def _already_done(actions: list[Action], kind: ActionKind, interviewer_id: int | None) -> Action | None:
    done = [
        a
        for a in actions
        if a.kind is kind
        and a.status is ActionStatus.DONE
        and a.interviewer_id == interviewer_id
        and a.channel is not Channel.PHONE
        and a.done_on is not None
    ]
    return max(done, key=lambda a: (a.done_on, a.id or 0), default=None)


def _done_by_letter(actions: list[Action], letter: Letter) -> Action | None:
    """The logged action a sent letter carried out: its kind, the day it was sent, the same person first."""
    kind = ACTION_FOR_LETTER.get(letter.kind)
    done = [
        a
        for a in actions
        if a.kind is kind
        and a.status is ActionStatus.DONE
        and a.outcome in (AttemptOutcome.SENT, AttemptOutcome.WITHDREW)
        and a.channel is not Channel.PHONE
        and a.done_on == letter.sent_on
    ]
    done.sort(key=lambda a: (a.interviewer_id != letter.interviewer_id, -(a.id or 0)))
    if done and (done[0].interviewer_id == letter.interviewer_id or kind in _ONE_PER_APPLICATION):
        return done[0]
    return None


def undo_letter_sent(store: Store, letter: Letter) -> list[Action]:
    """Sent by mistake: the letter is a draft again, the follow-up it did is planned again, and the plan
    follows, all at once. Pass the letter as just read from the store. Returns the new plan.

    The stage goes back too when the letter had set it: a withdrawal undone
    leaves the application waiting (or active, with nothing else done), and an
    application that only waited because of this letter is active again.
    """
    if letter.status is not LetterStatus.SENT:
        raise ValidationFailed({"letter": "This letter is not marked as sent."})
    actions = store.list_actions(letter.application_id)
    action = _done_by_letter(actions, letter)
    again = None
    if action is not None:
        again = replace(action, status=ActionStatus.PLANNED, outcome=None, done_on=None, outcome_note="")
    others = [a for a in actions if action is None or a.id != action.id]
    application = store.get_application(letter.application_id)
    anything_done = any(a.status is ActionStatus.DONE for a in others)
    new_status = None
    if (
        action is not None
        and action.outcome is AttemptOutcome.WITHDREW
        and application.status is Status.WITHDRAWN
    ):
        new_status = Status.WAITING if anything_done else Status.ACTIVE
    elif application.status is Status.WAITING and not anything_done:
        new_status = Status.ACTIVE
    if new_status is not None:
        application = replace(application, status=new_status)
    plan = proposed_plan(store, application, [*others, *([again] if again else [])])
    draft = replace(letter, status=LetterStatus.DRAFT, sent_on=None)
    store.record_letter_unsent(draft, again, application if new_status else None, plan)
    return plan
