"""The overview table, its filters and figures, on small hand-made databases."""

from __future__ import annotations

import math
from datetime import date, datetime, time, timedelta

import pandas as pd

from followup import overview
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
    Status,
)

TODAY = date(2026, 3, 11)  # a Wednesday


def day(offset: int) -> date:
    return TODAY + timedelta(days=offset)


def act(
    kind: ActionKind,
    due: int,
    *,
    done: int | None = None,
    outcome: AttemptOutcome | None = None,
    skipped: bool = False,
    decision_in: int | None = None,
) -> Action:
    """An action due `due` days from TODAY; done (or skipped) `done` days from TODAY."""
    status = ActionStatus.PLANNED
    if done is not None:
        status = ActionStatus.SKIPPED if skipped else ActionStatus.DONE
    return Action(
        0,
        kind,
        day(due),
        Channel.EMAIL,
        recipient="Ann Lee",
        status=status,
        outcome=outcome,
        done_on=None if done is None else day(done),
        decision_by=None if decision_in is None else day(decision_in),
        why=f"because of {kind.value}",
    )


def add(
    store,
    company: str,
    *,
    status: Status = Status.ACTIVE,
    interviewed: int | None = None,
    decision_in: int | None = None,
    actions=(),
    role: str = "Analyst",
    link: str = "",
) -> int:
    """An application, interviewed `interviewed` days from TODAY by Ann Lee, with these actions."""
    application = Application(company, role, status=status, job_link=link)
    store.add_application(application)
    interviewer_id = None
    if interviewed is not None:
        interview = Interview(
            application.id,
            datetime.combine(day(interviewed), time(10)),
            decision_by=None if decision_in is None else day(decision_in),
        )
        store.add_interview(interview)
        interviewer_id = store.add_interviewer(Interviewer(interview.id, "Ann Lee", email="ann@lee.example"))
    for action in actions:
        action.application_id = application.id
        action.interviewer_id = interviewer_id
        store.add_action(action)
    return application.id


def frames(store) -> dict[str, pd.DataFrame]:
    return overview.prepare(store.overview_rows())


def row(table: pd.DataFrame, application_id: int) -> pd.Series:
    return table.set_index("id").loc[application_id]


def test_an_overdue_action_comes_first_and_stands_out(store):
    later = add(store, "Later Co", interviewed=-2, actions=[act(ActionKind.STATUS_CHECK, 5)])
    late = add(
        store,
        "Late Co",
        interviewed=-10,
        actions=[
            act(ActionKind.THANK_YOU_EMAIL, -10, done=-10, outcome=AttemptOutcome.SENT),
            act(ActionKind.STATUS_CHECK, -3),
            act(ActionKind.STATUS_CHECK, 2),
        ],
    )
    table = overview.application_table(frames(store), TODAY)

    assert table["id"].tolist() == [late, later]
    overdue = row(table, late)
    assert overdue["urgency"] == overview.OVERDUE
    assert overdue["next_action"] == "Check on the status"
    assert overdue["next_due"] == pd.Timestamp(day(-3))
    assert (overdue["next_channel"], overdue["next_recipient"]) == ("Email", "Ann Lee")
    assert overdue["last_contact"] == pd.Timestamp(day(-10))
    assert overdue["days_waiting"] == 10
    assert row(table, later)["urgency"] == overview.PLANNED


def test_an_action_due_today(store):
    today = add(store, "Today Co", interviewed=-7, actions=[act(ActionKind.STATUS_CHECK, 0)])
    table = overview.application_table(frames(store), TODAY)
    assert row(table, today)["urgency"] == overview.DUE_TODAY
    figures = overview.figures(frames(store), TODAY)
    assert (figures.due_today, figures.overdue, figures.active) == (1, 0, 1)


def test_without_actions_nothing_is_planned_and_the_interview_is_the_last_contact(store):
    quiet = add(store, "Quiet Co", interviewed=-4)
    fresh = add(store, "Fresh Co")
    table = overview.application_table(frames(store), TODAY)

    assert row(table, quiet)["urgency"] == overview.NOTHING_PLANNED
    assert pd.isna(row(table, quiet)["next_action"]) and pd.isna(row(table, quiet)["next_due"])
    assert row(table, quiet)["last_contact"] == pd.Timestamp(day(-4))
    assert row(table, quiet)["last_interview"] == pd.Timestamp(datetime.combine(day(-4), time(10)))
    assert pd.isna(row(table, fresh)["last_interview"]) and math.isnan(row(table, fresh)["days_waiting"])
    assert bool(row(table, fresh)["in_play"])


def test_a_closed_application_is_hidden_and_its_stale_checks_are_not_overdue(store):
    offer = add(
        store, "Offer Co", status=Status.OFFER, interviewed=-20, actions=[act(ActionKind.STATUS_CHECK, -5)]
    )
    open_one = add(store, "Open Co", interviewed=-1, actions=[act(ActionKind.STATUS_CHECK, 4)])
    loaded = frames(store)
    table = overview.application_table(loaded, TODAY)

    closed = row(table, offer)
    assert closed["urgency"] == overview.CLOSED
    assert not closed["in_play"] and pd.isna(closed["next_due"]) and math.isnan(closed["days_waiting"])
    assert table["id"].tolist() == [open_one, offer]
    assert overview.filter_table(table)["id"].tolist() == [open_one]
    assert overview.filter_table(table, show_closed=True)["id"].tolist() == [open_one, offer]
    assert overview.filter_table(table, stages=[Status.OFFER.value])["id"].tolist() == [offer]
    assert overview.figures(loaded, TODAY).overdue == 0


def test_a_rejection_stays_in_play_while_a_letter_is_planned(store):
    rejected = add(
        store,
        "No Co",
        status=Status.REJECTED,
        interviewed=-30,
        actions=[
            act(ActionKind.STATUS_CHECK, -20, done=-20, outcome=AttemptOutcome.REJECTION),
            act(ActionKind.STAY_IN_TOUCH, 40),
        ],
    )
    table = overview.application_table(frames(store), TODAY)
    staying = row(table, rejected)
    assert staying["stage"] == overview.STAYING_IN_TOUCH
    assert staying["urgency"] == overview.PLANNED
    assert staying["next_action"] == "Get back in touch"
    assert overview.filter_table(table)["id"].tolist() == [rejected]


def test_days_past_the_decision_date_follow_the_latest_date_named(store):
    passed = add(store, "Passed Co", interviewed=-9, decision_in=-3)
    renewed = add(
        store,
        "Renewed Co",
        interviewed=-9,
        decision_in=-3,
        actions=[
            act(
                ActionKind.STATUS_CHECK,
                -1,
                done=-1,
                outcome=AttemptOutcome.SPOKE_STILL_DECIDING,
                decision_in=4,
            ),
        ],
    )
    coming = add(store, "Coming Co", interviewed=-2, decision_in=5)
    table = overview.application_table(frames(store), TODAY)
    assert row(table, passed)["days_past_decision"] == 3
    assert math.isnan(row(table, renewed)["days_past_decision"])
    assert math.isnan(row(table, coming)["days_past_decision"])
    assert row(table, renewed)["last_contact"] == pd.Timestamp(day(-1))


def test_filters_search_text_stage_and_overdue(store):
    acme = add(store, "Acme", role="Data Analyst", interviewed=-9, actions=[act(ActionKind.STATUS_CHECK, -2)])
    zed = add(
        store, "Zed [Labs]", status=Status.WAITING, interviewed=-1, actions=[act(ActionKind.STATUS_CHECK, 3)]
    )
    table = overview.application_table(frames(store), TODAY)

    def ids(**chosen):
        return overview.filter_table(table, **chosen)["id"].tolist()

    assert ids() == [acme, zed]
    assert ids(search="  data ANALYST ") == [acme]
    assert ids(search="[labs]") == [zed]
    assert ids(search="ann lee") == [acme, zed]
    assert ids(search="Analyst\nAnn") == []
    assert ids(stages=[Status.WAITING.value]) == [zed]
    assert ids(overdue_only=True) == [acme]
    assert ids(overdue_only=True, stages=[Status.WAITING.value]) == []


def test_response_rate_and_days_to_an_answer(store):
    add(
        store,
        "Silent Co",
        interviewed=-20,
        actions=[
            act(ActionKind.STATUS_CHECK, -13, done=-13, outcome=AttemptOutcome.NO_ANSWER),
        ],
    )
    add(
        store,
        "Talking Co",
        interviewed=-20,
        actions=[
            act(ActionKind.STATUS_CHECK, -13, done=-13, outcome=AttemptOutcome.NO_ANSWER),
            act(ActionKind.STATUS_CHECK, -11, done=-11, outcome=AttemptOutcome.SPOKE_STILL_DECIDING),
            act(ActionKind.STATUS_CHECK, -4, done=-4, outcome=AttemptOutcome.OFFER),
        ],
    )
    add(
        store,
        "Quick Co",
        status=Status.REJECTED,
        interviewed=-10,
        actions=[
            act(ActionKind.STATUS_CHECK, -7, done=-7, outcome=AttemptOutcome.REJECTION),
        ],
    )
    add(store, "Offer by hand Co", status=Status.OFFER, interviewed=-5)
    add(store, "Not asked yet Co", interviewed=-2, actions=[act(ActionKind.STATUS_CHECK, 3)])
    figures = overview.figures(frames(store), TODAY)

    assert (figures.answered, figures.asked) == (3, 4)
    assert figures.response_rate == 0.75
    # Talking Co answered 9 days after its interview, Quick Co 3 days after: the median of 9 and 3.
    assert figures.median_days_to_answer == 6
    assert figures.active == 3
    cards = {label: (value, help_text) for label, value, help_text in overview.figure_cards(figures)}
    assert cards["Response rate"][0] == "75%" and cards["Response rate"][1].startswith("3 of 4.")
    assert cards["Days to answer"][0] == "6"


def test_thank_you_letters_within_24_hours(store):
    add(
        store,
        "Same day Co",
        interviewed=-10,
        actions=[
            act(ActionKind.THANK_YOU_EMAIL, -10, done=-10, outcome=AttemptOutcome.SENT),
        ],
    )
    add(
        store,
        "Next day Co",
        interviewed=-10,
        actions=[
            act(ActionKind.THANK_YOU_EMAIL, -10, done=-9, outcome=AttemptOutcome.SENT),
        ],
    )
    add(
        store,
        "Late Co",
        interviewed=-10,
        actions=[
            act(ActionKind.THANK_YOU_EMAIL, -10, done=-7, outcome=AttemptOutcome.SENT),
        ],
    )
    add(
        store,
        "Skipped Co",
        interviewed=-10,
        actions=[act(ActionKind.THANK_YOU_EMAIL, -10, done=-10, skipped=True)],
    )
    add(store, "Forgotten Co", interviewed=-10, actions=[act(ActionKind.THANK_YOU_EMAIL, -10)])
    add(store, "Still in time Co", interviewed=0, actions=[act(ActionKind.THANK_YOU_EMAIL, 0)])
    by_letter = add(store, "Letter Co", interviewed=-10, actions=[act(ActionKind.THANK_YOU_EMAIL, -10)])
    [interviewer] = store.list_interviewers(store.list_interviews(by_letter)[0].id)
    store.add_letter(
        Letter(
            by_letter,
            LetterKind.THANK_YOU_EMAIL,
            interviewer_id=interviewer.id,
            status=LetterStatus.SENT,
            sent_on=day(-10),
        )
    )
    figures = overview.figures(frames(store), TODAY)

    # In time: same day, next day, the letter marked sent. Not: late, skipped, forgotten.
    # The one whose 24 hours are not over yet is not counted.
    assert (figures.thank_you_in_time, figures.thank_you_counted) == (3, 6)
    assert figures.thank_you_rate == 0.5


def test_an_empty_database_gives_an_empty_table_and_no_rates(store):
    loaded = frames(store)
    table = overview.application_table(loaded, TODAY)
    assert table.empty and list(table.columns) == list(overview.TABLE_COLUMNS)
    assert overview.filter_table(table, search="x", overdue_only=True).empty
    figures = overview.figures(loaded, TODAY)
    assert (figures.active, figures.due_today, figures.overdue) == (0, 0, 0)
    assert figures.response_rate is None and figures.median_days_to_answer is None
    assert figures.thank_you_rate is None
    assert [value for _, value, _ in overview.figure_cards(figures)] == ["0", "0", "0", "—", "—", "—"]


def test_every_application_gets_one_row_with_its_link(store):
    first = add(store, "Acme", link="https://acme.example/jobs/1", interviewed=-3)
    second = add(store, "Acme", role="Engineer", interviewed=-3)
    table = overview.application_table(frames(store), TODAY)
    assert sorted(table["id"]) == [first, second]
    assert row(table, first)["job_link"] == "https://acme.example/jobs/1"
    assert pd.isna(row(table, second)["job_link"])
