"""The overview: one row per application with where its follow-up stands, and the figures.

Everything here works on whole columns (pandas), so the page stays fast with
ten thousand applications. The input is `Store.overview_rows()`; `prepare`
turns its date columns into real dates once, and every builder takes the
prepared frames and today's date.

Definitions, in the words the page's help text uses:

- **In play**: the application is active or waiting, or it is over but a
  letter after the answer is still planned (thanks for the consideration,
  staying in touch, a withdrawal, thanks after an offer). Closed applications
  are those not in play.
- **Next action**: the earliest planned action of an application in play.
  Planned status checks of an application already over are not counted: the
  answer is in, there is nothing left to chase.
- **Last contact**: the later of the last interview and the last action done.
- **Days waiting**: days since the last interview, while no final answer came.
- **Days past the decision date**: days since the latest date the interviewer
  named for a decision (at the interview, or later on a call), once passed.
- **Response rate**: of the applications where you asked about the status at
  least once (a status check done) or heard back anyway, the share that got an
  answer: a conversation (still deciding, next round), an offer or a rejection,
  logged on an action or set as the application's stage.
- **Days to answer**: from the interview before the first answer to that answer.
- **Thank-you letters within 24 hours**: of the thank-you emails that are
  done, skipped, or past their 24 hours, the share sent no later than the day
  after the interview (logged as done, or a thank-you letter marked sent).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from followup import guide
from followup.model import ActionKind, ActionStatus, AttemptOutcome, LetterKind, LetterStatus, Status

OVERDUE = "Overdue"
DUE_TODAY = "Due today"
PLANNED = "Planned"
NOTHING_PLANNED = "Nothing planned"
CLOSED = "Closed"
# In this order the rows sort, and the pills of the status column are coloured.
URGENCIES = (OVERDUE, DUE_TODAY, PLANNED, NOTHING_PLANNED, CLOSED)

STAYING_IN_TOUCH = guide.STAYING_IN_TOUCH

OPEN_STATUSES = tuple(s.value for s in Status if s.is_open)
# The stages that are themselves an answer from the company.
ANSWERED_STATUSES = (Status.OFFER.value, Status.REJECTED.value)
ANSWERS = tuple(
    o.value
    for o in (
        AttemptOutcome.SPOKE_STILL_DECIDING,
        AttemptOutcome.SPOKE_NEXT_ROUND,
        AttemptOutcome.OFFER,
        AttemptOutcome.REJECTION,
    )
)
# Actions that still make sense once the decision is made: its letters, and answering an offer.
AFTER_THE_ANSWER = tuple(
    k.value
    for k in (
        ActionKind.THANKS_FOR_CONSIDERATION,
        ActionKind.STAY_IN_TOUCH,
        ActionKind.WITHDRAWAL,
        ActionKind.OFFER_THANKS,
        ActionKind.ANSWER_OFFER,
    )
)

TABLE_COLUMNS = (
    "id",
    "status",
    "urgency",
    "company",
    "role",
    "stage",
    "next_action",
    "next_due",
    "next_channel",
    "next_recipient",
    "last_interview",
    "last_contact",
    "days_waiting",
    "days_past_decision",
    "job_link",
    "in_play",
    "search",
)

_DATES = {
    "applications": ("created_at",),
    "interviews": ("starts_at", "decision_by"),
    "actions": ("due", "done_on", "decision_by", "interview_at"),
    "letters": ("sent_on",),
}
_COLUMNS = {
    "applications": ("id", "company", "role", "status", "job_link", "created_at"),
    "interviews": ("id", "application_id", "round", "starts_at", "format", "decision_by"),
    "actions": (
        "id",
        "application_id",
        "interviewer_id",
        "kind",
        "due",
        "channel",
        "recipient",
        "status",
        "outcome",
        "decision_by",
        "why",
        "done_on",
        "interview_at",
    ),
    "letters": ("id", "application_id", "interviewer_id", "kind", "status", "sent_on"),
}


def prepare(rows: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The store's frames with every date column as a datetime64 column (midnight for days)."""
    prepared = {}
    for name, columns in _COLUMNS.items():
        frame = rows.get(name)
        frame = pd.DataFrame(columns=list(columns)) if frame is None or frame.empty else frame.copy()
        for column in _DATES[name]:
            # One unit everywhere: merges refuse to match seconds against microseconds.
            frame[column] = pd.to_datetime(frame[column]).astype("datetime64[us]")
        for column in ("id", "application_id"):
            if column in frame:
                frame[column] = frame[column].astype("int64")
        prepared[name] = frame
    return prepared


def _day(today: date) -> pd.Timestamp:
    return pd.Timestamp(today)


def live_planned(frames: dict[str, pd.DataFrame], due_by: pd.Timestamp | None = None) -> pd.DataFrame:
    """Planned actions still worth doing: those of an open application, or a letter after the answer.

    With `due_by`, only those due by that day.
    """
    return frames["actions"].iloc[live_planned_rows(frames, due_by)]


def live_planned_rows(frames: dict[str, pd.DataFrame], due_by: pd.Timestamp | None = None) -> np.ndarray:
    """The positions in `frames["actions"]` of `live_planned`'s rows.

    Picked on whole columns without copying the frame: taking rows out of its
    text columns is what costs, so a caller that needs a few rows takes only those.
    """
    actions = frames["actions"]
    # Text columns compared by pandas (their own string type), dates and ids as numpy arrays.
    keep = (actions["status"] == ActionStatus.PLANNED.value).to_numpy(dtype=bool, na_value=False)
    if due_by is not None:
        keep = keep & (actions["due"].to_numpy() <= due_by.to_datetime64())
    rows = np.flatnonzero(keep)
    applications = frames["applications"]
    open_ids = applications.loc[applications["status"].isin(OPEN_STATUSES), "id"].to_numpy()
    after_the_answer = actions["kind"].isin(AFTER_THE_ANSWER).to_numpy(dtype=bool, na_value=False)[rows]
    return rows[np.isin(actions["application_id"].to_numpy()[rows], open_ids) | after_the_answer]


def _promised_decision(frames: dict[str, pd.DataFrame]) -> pd.Series:
    """Per application, the decision date named most recently (at an interview or on a call)."""
    interviews = frames["interviews"]
    actions = frames["actions"]
    named = pd.concat(
        [
            pd.DataFrame(
                {
                    "application_id": interviews["application_id"],
                    "named_on": interviews["starts_at"].dt.normalize(),
                    "decision_by": interviews["decision_by"],
                }
            ),
            pd.DataFrame(
                {
                    "application_id": actions["application_id"],
                    "named_on": actions["done_on"],
                    "decision_by": actions["decision_by"],
                }
            ),
        ],
        ignore_index=True,
    ).dropna(subset=["decision_by", "named_on"])
    latest = named.sort_values(["application_id", "named_on"], kind="stable")
    return latest.drop_duplicates("application_id", keep="last").set_index("application_id")["decision_by"]


def application_table(frames: dict[str, pd.DataFrame], today: date) -> pd.DataFrame:
    """One row per application, the soonest next action first; closed applications last.

    Columns: TABLE_COLUMNS. Dates are datetime64 (NaT when there is none);
    day counts are floats (NaN when they do not apply).
    """
    day = _day(today)
    applications = frames["applications"].set_index("id", drop=False)
    interviews = frames["interviews"]
    actions = frames["actions"]

    planned = live_planned(frames).sort_values(["due", "id"], kind="stable")
    upcoming = planned.drop_duplicates("application_id").set_index("application_id")
    next_due = upcoming["due"].reindex(applications.index)

    last_interview = interviews.groupby("application_id")["starts_at"].max().reindex(applications.index)
    done = actions[actions["status"] == ActionStatus.DONE.value]
    last_done = done.groupby("application_id")["done_on"].max().reindex(applications.index)
    last_contact = pd.concat([last_interview.dt.normalize(), last_done], axis=1).max(axis=1)

    is_open = applications["status"].isin(OPEN_STATUSES)
    in_play = is_open | next_due.notna()
    promised = _promised_decision(frames).reindex(applications.index)
    days_past = (day - promised).dt.days
    days_waiting = (day - last_interview.dt.normalize()).dt.days

    urgency = pd.Series(PLANNED, index=applications.index, dtype="str")
    urgency[next_due.isna()] = NOTHING_PLANNED
    urgency[next_due == day] = DUE_TODAY
    urgency[next_due < day] = OVERDUE
    urgency[~in_play] = CLOSED

    stage = applications["status"].map({s.value: label for s, label in guide.STATUS.items()})
    stage[(applications["status"] == Status.REJECTED.value) & in_play] = STAYING_IN_TOUCH
    next_action = upcoming["kind"].map({k.value: label for k, label in guide.ACTION_KIND.items()})
    next_action = next_action.reindex(applications.index)
    next_channel = upcoming["channel"].map({c.value: label for c, label in guide.CHANNEL.items()})
    recipient = upcoming["recipient"].reindex(applications.index)

    table = pd.DataFrame(
        {
            "id": applications["id"],
            "status": applications["status"],
            "urgency": urgency,
            "company": applications["company"],
            "role": applications["role"],
            "stage": stage,
            "next_action": next_action,
            "next_due": next_due,
            "next_channel": next_channel.reindex(applications.index),
            "next_recipient": recipient,
            "last_interview": last_interview,
            "last_contact": last_contact,
            "days_waiting": days_waiting.where(is_open),
            "days_past_decision": days_past.where(is_open & (days_past > 0)),
            "job_link": applications["job_link"].where(applications["job_link"].fillna("") != ""),
            "in_play": in_play,
        }
    ).reset_index(drop=True)
    table["search"] = (
        table["company"].fillna("")
        + "\n"
        + table["role"].fillna("")
        + "\n"
        + table["next_action"].fillna("")
        + "\n"
        + table["next_recipient"].fillna("")
    )
    table = table.sort_values(
        ["in_play", "next_due", "last_interview", "id"],
        ascending=[False, True, False, True],
        na_position="last",
        kind="stable",
    )
    return table.reset_index(drop=True)[list(TABLE_COLUMNS)]


def filter_table(
    table: pd.DataFrame,
    *,
    stages: Iterable[str] = (),
    overdue_only: bool = False,
    search: str = "",
    show_closed: bool = False,
) -> pd.DataFrame:
    """The rows the user asked for, in the table's order.

    `stages` are Status values; none means every stage. Closed applications
    show only when asked for: `show_closed`, or by picking their stage.
    """
    # Plain boolean arrays: several times faster than chaining pandas masks on 10,000 rows.
    keep = np.ones(len(table), dtype=bool)
    stages = list(stages)
    if stages:
        keep &= table["status"].isin(stages).to_numpy()
    elif not show_closed:
        keep &= table["in_play"].to_numpy(dtype=bool)
    if overdue_only:
        keep &= (table["urgency"] == OVERDUE).to_numpy()
    words = search.strip()
    if words:
        keep &= table["search"].str.contains(words, case=False, regex=False).to_numpy(dtype=bool)
    return table[keep]


@dataclass(frozen=True)
class Figures:
    active: int
    due_today: int
    overdue: int
    answered: int
    asked: int
    median_days_to_answer: float | None
    thank_you_in_time: int
    thank_you_counted: int

    @property
    def response_rate(self) -> float | None:
        return self.answered / self.asked if self.asked else None

    @property
    def thank_you_rate(self) -> float | None:
        return self.thank_you_in_time / self.thank_you_counted if self.thank_you_counted else None


def figures(frames: dict[str, pd.DataFrame], today: date) -> Figures:
    """The figures above the table; see the module's docstring for what each one counts."""
    day = _day(today)
    applications = frames["applications"]
    actions = frames["actions"]
    planned = live_planned(frames)

    done = actions[actions["status"] == ActionStatus.DONE.value]
    answers = done[done["outcome"].isin(ANSWERS)]
    answered = pd.Index(answers["application_id"]).union(
        pd.Index(applications.loc[applications["status"].isin(ANSWERED_STATUSES), "id"])
    )
    checked = done.loc[done["kind"] == ActionKind.STATUS_CHECK.value, "application_id"]
    asked = pd.Index(checked).union(answered)

    return Figures(
        active=int(applications["status"].isin(OPEN_STATUSES).sum()),
        due_today=planned.loc[planned["due"] == day, "application_id"].nunique(),
        overdue=planned.loc[planned["due"] < day, "application_id"].nunique(),
        answered=len(answered.unique()),
        asked=len(asked.unique()),
        median_days_to_answer=_median_days_to_answer(answers, frames["interviews"]),
        **_thank_you_timing(actions, frames["letters"], day),
    )


def _median_days_to_answer(answers: pd.DataFrame, interviews: pd.DataFrame) -> float | None:
    first = answers.sort_values(["done_on", "id"], kind="stable").drop_duplicates("application_id")
    first = first.dropna(subset=["done_on"]).sort_values("done_on", kind="stable")
    held = interviews.assign(day=interviews["starts_at"].dt.normalize()).dropna(subset=["day"])
    if first.empty or held.empty:
        return None
    matched = pd.merge_asof(
        first[["application_id", "done_on"]],
        held[["application_id", "day"]].sort_values("day", kind="stable"),
        left_on="done_on",
        right_on="day",
        by="application_id",
        direction="backward",
    )
    days = (matched["done_on"] - matched["day"]).dt.days.dropna()
    return float(days.median()) if not days.empty else None


def _thank_you_timing(actions: pd.DataFrame, letters: pd.DataFrame, day: pd.Timestamp) -> dict[str, int]:
    emails = actions[actions["kind"] == ActionKind.THANK_YOU_EMAIL.value]
    # A thank-you email is due on the interview's day, so its due date stands in
    # for an interview whose interviewer was deleted since.
    deadline = emails["interview_at"].dt.normalize().fillna(emails["due"]) + pd.Timedelta(days=1)
    sent_on = emails["done_on"].where(emails["status"] == ActionStatus.DONE.value)
    sent_letters = letters[
        (letters["kind"] == LetterKind.THANK_YOU_EMAIL.value) & (letters["status"] == LetterStatus.SENT.value)
    ]
    first_sent = sent_letters.groupby("interviewer_id")["sent_on"].min()
    letter_sent_on = pd.Series(first_sent.reindex(emails["interviewer_id"]).to_numpy(), index=emails.index)
    sent_on = pd.concat([sent_on, letter_sent_on], axis=1).min(axis=1)
    in_time = sent_on <= deadline
    counted = (emails["status"] != ActionStatus.PLANNED.value) | (deadline < day) | in_time
    return {"thank_you_in_time": int((in_time & counted).sum()), "thank_you_counted": int(counted.sum())}


def _share(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def figure_cards(figures: Figures) -> list[tuple[str, str, str]]:
    """(label, value, help) for each figure: the help says exactly what is counted."""
    median = figures.median_days_to_answer
    return [
        ("Active", f"{figures.active:,}", "Applications at the stage Active or Waiting for an answer."),
        ("Due today", f"{figures.due_today:,}", "Applications with a follow-up action due today."),
        (
            "Overdue",
            f"{figures.overdue:,}",
            (
                "Applications with a follow-up action whose day has passed. Planned status checks of an "
                "application that is already over do not count: the answer is in."
            ),
        ),
        (
            "Response rate",
            _share(figures.response_rate),
            (
                f"{figures.answered:,} of {figures.asked:,}. Of the applications where you asked about the "
                "status at least once (a status check done) or heard back anyway, the share that got an "
                "answer: a conversation (still deciding, next round), an offer or a rejection, logged on a "
                "follow-up action or set as the application's stage."
            ),
        ),
        (
            "Days to answer",
            "—" if median is None else f"{median:g}",
            (
                "The median number of days from the interview to the first answer (a conversation, an offer "
                "or a rejection logged on a follow-up action), over the applications that got one."
            ),
        ),
        (
            "Thanks in 24 h",
            _share(figures.thank_you_rate),
            (
                f"Thank-you letters sent within 24 hours: {figures.thank_you_in_time:,} of "
                f"{figures.thank_you_counted:,}. Counted: the thank-you emails done, skipped, or past their "
                "24 hours. In time: sent no later than the day after the interview (logged as done, or a "
                "thank-you letter marked sent)."
            ),
        ),
    ]
