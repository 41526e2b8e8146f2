"""Replanning every application at once, as saving the plan settings does."""

from dataclasses import replace
from datetime import date, timedelta

from followup import planning
from followup.model import ActionKind, ActionStatus, CadenceProfile
from followup.sample import load_sample


def _plans(store):
    return sorted(
        (a.application_id, a.kind, a.due, a.attempt, a.recipient, a.why, a.manual)
        for a in store.list_actions(status=ActionStatus.PLANNED)
    )


def test_replan_all_gives_what_replanning_each_application_gives(store):
    load_sample(store, 60, today=date(2026, 11, 20))
    store.save_settings(replace(store.get_settings(), country="GB", cadence=CadenceProfile.PERSISTENT))
    assert planning.replan_all(store) == 60
    together = _plans(store)
    for application in store.list_applications():
        planning.replan(store, application.id)
    assert _plans(store) == together
    assert any(a[1] is ActionKind.STATUS_CHECK and a[3] == 10 for a in together)


def test_replan_all_keeps_what_the_user_did_and_moved(today, store):
    load_sample(store, 8, today=date(2026, 11, 20))
    done_before = [(a.id, a.outcome) for a in store.list_actions() if a.status is not ActionStatus.PLANNED]
    check = next(
        a for a in store.list_actions(status=ActionStatus.PLANNED) if a.kind is ActionKind.STATUS_CHECK
    )
    moved_to = today + timedelta(days=30)
    planning.reschedule(store, check, moved_to)
    store.save_settings(replace(store.get_settings(), cadence=CadenceProfile.GENTLE))
    planning.replan_all(store)
    assert [
        (a.id, a.outcome) for a in store.list_actions() if a.status is not ActionStatus.PLANNED
    ] == done_before
    manual = [a for a in store.list_actions(check.application_id, ActionStatus.PLANNED) if a.manual]
    assert [(a.kind, a.due) for a in manual] == [(ActionKind.STATUS_CHECK, moved_to)]


def test_replan_all_with_no_applications(store):
    assert planning.replan_all(store) == 0
