"""Use cases of the follow-up plan: replan an application, log an attempt, reschedule.

The rules are in `cadence.py`; this module only feeds them the stored records
and writes what comes back, each user action in one transaction.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from followup import cadence
from followup.errors import ValidationFailed
from followup.model import (
    Action,
    ActionKind,
    ActionStatus,
    Application,
    AttemptOutcome,
    Interview,
    Status,
)
from followup.store import Store

# Once the answer is in, the plan has nothing left to chase.
_FINISHED = (Status.OFFER, Status.WITHDRAWN, Status.CLOSED_WITHOUT_ANSWER)

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
    if application.status in _FINISHED:
        return []
    interview = latest_interview(store, application.id)
    if interview is None:
        return []
    scenario = cadence.Scenario.for_interview(
        application,
        interview,
        store.list_interviewers(interview.id),
        _history_since(actions, interview),
        store.get_settings(),
    )
    return cadence.plan(scenario)


def replan(store: Store, application_id: int) -> list[Action]:
    """Recompute the automatic part of the plan and save it. Returns the planned actions."""
    application = store.get_application(application_id)
    actions = store.list_actions(application_id)
    planned = proposed_plan(store, application, actions)
    store.replace_planned(application_id, planned)
    return planned


def replan_all(store: Store) -> None:
    for application in store.list_applications():
        replan(store, application.id)


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
    on = on or date.today()
    if on > date.today():
        raise ValidationFailed({"on": "An attempt cannot be logged in the future."})
    if decision_by is not None and decision_by < on:
        raise ValidationFailed({"decision_by": "The new decision date is before the day you spoke."})
    done = replace(action, status=ActionStatus.DONE, outcome=outcome, done_on=on,
                   outcome_note=note.strip(), decision_by=decision_by)
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
    store.record_attempt(done, application if new_status else None, planned)
    return planned


def skip(store: Store, action: Action) -> list[Action]:
    """The user decided not to do this one; it counts as used, and the plan moves on."""
    skipped = replace(action, status=ActionStatus.SKIPPED, done_on=date.today())
    application = store.get_application(action.application_id)
    others = [a for a in store.list_actions(action.application_id) if a.id != action.id]
    planned = proposed_plan(store, application, [*others, skipped])
    store.record_attempt(skipped, None, planned)
    return planned


def reschedule(store: Store, action: Action, due: date) -> None:
    """Move a planned action by hand; a replan keeps it where the user put it."""
    if due < date.today():
        raise ValidationFailed({"due": "Choose today or a later day."})
    store.update_action(replace(action, due=due, manual=True))
