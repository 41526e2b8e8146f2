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
from datetime import date, datetime, timedelta

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
    "applications": ("id", "company", "role", "status", "job_link", "created_at", "revision"),
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
            if column not in frame:
                continue  # read without the timeline's words (see Store.overview_changes)
            # One unit everywhere: merges refuse to match seconds against microseconds.
            # Dates or ISO text, as the database's driver gives them (see Store.overview_rows).
            frame[column] = pd.to_datetime(frame[column], format="ISO8601").astype("datetime64[us]")
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
    return sort_table(table_rows(frames, today))


def sort_table(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows of `table_rows` (of any applications, in any order) in the table's order:
    in play first, then the soonest next action, the latest interview, and by id."""
    # One numpy sort on whole-number keys: a tenth of what sort_values takes on 10,000 rows.
    # Ids are unique, so the order is the same whatever order the rows came in.
    never = np.iinfo("int64").max
    next_due = rows["next_due"].to_numpy("datetime64[us]").astype("int64")
    last_interview = rows["last_interview"].to_numpy("datetime64[us]").astype("int64")
    order = np.lexsort(
        (
            rows["id"].to_numpy("int64"),
            np.where(np.isnat(rows["last_interview"].to_numpy("datetime64[us]")), never, -last_interview),
            np.where(np.isnat(rows["next_due"].to_numpy("datetime64[us]")), never, next_due),
            ~rows["in_play"].to_numpy(bool),
        )
    )
    return rows.take(order).reset_index(drop=True)[list(TABLE_COLUMNS)]


def table_rows(frames: dict[str, pd.DataFrame], today: date) -> pd.DataFrame:
    """The table's row of each application in `frames`, unsorted.

    Each row depends only on its own application's records, so the rows of the
    applications a save changed can replace theirs in rows built before."""
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
    return table


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
    return sum_figures(figure_parts(frames, today))


FIGURE_PARTS = (
    "active",
    "due_today",
    "overdue",
    "answered",
    "asked",
    "days_to_answer",
    "thank_you_in_time",
    "thank_you_counted",
)


def figure_parts(frames: dict[str, pd.DataFrame], today: date) -> pd.DataFrame:
    """What each application adds to the figures, one row per application (indexed by its id).

    Every figure is a count, a sum or a median over applications, and each
    application's part depends only on its own records: the parts of the
    applications a save changed can replace theirs, and `sum_figures` adds up.
    """
    day = _day(today)
    applications = frames["applications"]
    actions = frames["actions"]
    planned = live_planned(frames)
    ids = pd.Index(applications["id"], dtype="int64")

    def among(application_ids) -> np.ndarray:
        return ids.isin(pd.Index(application_ids))

    done = actions[actions["status"] == ActionStatus.DONE.value]
    answers = done[done["outcome"].isin(ANSWERS)]
    answered = among(answers["application_id"]) | applications["status"].isin(ANSWERED_STATUSES).to_numpy()
    checked = among(done.loc[done["kind"] == ActionKind.STATUS_CHECK.value, "application_id"])
    thanks = _thank_you_timing(actions, frames["letters"], day)
    return pd.DataFrame(
        {
            "active": applications["status"].isin(OPEN_STATUSES).to_numpy(),
            "due_today": among(planned.loc[planned["due"] == day, "application_id"]),
            "overdue": among(planned.loc[planned["due"] < day, "application_id"]),
            "answered": answered,
            "asked": checked | answered,
            "days_to_answer": _days_to_answer(answers, frames["interviews"]).reindex(ids).to_numpy(),
            "thank_you_in_time": thanks["in_time"].reindex(ids, fill_value=0).to_numpy(),
            "thank_you_counted": thanks["counted"].reindex(ids, fill_value=0).to_numpy(),
        },
        index=ids,
    )


def sum_figures(parts: pd.DataFrame) -> Figures:
    """The figures from the parts of every application."""
    days = parts["days_to_answer"].dropna()
    return Figures(
        active=int(parts["active"].sum()),
        due_today=int(parts["due_today"].sum()),
        overdue=int(parts["overdue"].sum()),
        answered=int(parts["answered"].sum()),
        asked=int(parts["asked"].sum()),
        median_days_to_answer=float(days.median()) if not days.empty else None,
        thank_you_in_time=int(parts["thank_you_in_time"].sum()),
        thank_you_counted=int(parts["thank_you_counted"].sum()),
    )


def _days_to_answer(answers: pd.DataFrame, interviews: pd.DataFrame) -> pd.Series:
    """Per application that got an answer: the days from the interview before the first answer to it."""
    first = answers.sort_values(["done_on", "id"], kind="stable").drop_duplicates("application_id")
    first = first.dropna(subset=["done_on"]).sort_values("done_on", kind="stable")
    held = interviews.assign(day=interviews["starts_at"].dt.normalize()).dropna(subset=["day"])
    if first.empty or held.empty:
        return pd.Series(dtype="float64")
    matched = pd.merge_asof(
        first[["application_id", "done_on"]],
        held[["application_id", "day"]].sort_values("day", kind="stable"),
        left_on="done_on",
        right_on="day",
        by="application_id",
        direction="backward",
    )
    days = (matched["done_on"] - matched["day"]).dt.days.astype("float64")
    return pd.Series(days.to_numpy(), index=matched["application_id"].to_numpy()).dropna()


def _thank_you_timing(actions: pd.DataFrame, letters: pd.DataFrame, day: pd.Timestamp) -> pd.DataFrame:
    """Per application: its thank-you emails sent in time, and those counted (see the module's docstring)."""
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
    per_email = pd.DataFrame(
        {
            "application_id": emails["application_id"],
            "in_time": (in_time & counted).astype("int64"),
            "counted": counted.astype("int64"),
        }
    )
    return per_email.groupby("application_id")[["in_time", "counted"]].sum()


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


# -- one application at a time ------------------------------------------------------------
#
# After a save, the overview rebuilds the row and the figure parts of the one or few
# applications it touched. On a handful of records, pandas spends far longer setting up
# each operation than computing it, so these functions apply the same rules to plain rows
# (as the store reads them: dicts of Python values) instead. A test checks that both ways
# give the same table and figures, record for record.

_STATUS_LABEL = {s.value: label for s, label in guide.STATUS.items()}
_KIND_LABEL = {k.value: label for k, label in guide.ACTION_KIND.items()}
_CHANNEL_LABEL = {c.value: label for c, label in guide.CHANNEL.items()}


def _as_day(value) -> date | None:
    """A date or a moment as its day; None stays None."""
    if value is None:
        return None
    return value.date() if isinstance(value, datetime) else value


def _stamp(value):
    return pd.NaT if value is None else pd.Timestamp(value)


def _latest(*values):
    present = [v for v in values if v is not None]
    return max(present) if present else None


def rows_of_one(
    application: dict, interviews: list[dict], actions: list[dict], letters: list[dict], today: date
) -> tuple[dict, dict]:
    """The table row (TABLE_COLUMNS) and the figure parts (FIGURE_PARTS) of one application.

    The records are the store's overview rows of this application, in id order:
    the same rules as `table_rows` and `figure_parts`, one application at a time.
    """
    status = application["status"]
    is_open = status in OPEN_STATUSES
    planned = sorted(
        (
            a
            for a in actions
            if a["status"] == ActionStatus.PLANNED.value and (is_open or a["kind"] in AFTER_THE_ANSWER)
        ),
        key=lambda a: (a["due"], a["id"]),
    )
    upcoming = planned[0] if planned else None
    next_due = upcoming["due"] if upcoming else None
    done = [a for a in actions if a["status"] == ActionStatus.DONE.value]
    last_interview = _latest(*(i["starts_at"] for i in interviews))
    last_done = _latest(*(a["done_on"] for a in done))
    last_contact = _latest(_as_day(last_interview), last_done)
    in_play = is_open or next_due is not None

    # The decision date named most recently: interviews first, then actions, the later wins a tie.
    promised, named_last = None, None
    for named_on, decision_by in [
        *((_as_day(i["starts_at"]), i["decision_by"]) for i in interviews),
        *((a["done_on"], a["decision_by"]) for a in actions),
    ]:
        if (
            named_on is not None
            and decision_by is not None
            and (named_last is None or named_on >= named_last)
        ):
            promised, named_last = decision_by, named_on
    days_past = (today - promised).days if promised is not None else None
    waiting = (today - _as_day(last_interview)).days if last_interview is not None else None

    if not in_play:
        urgency = CLOSED
    elif next_due is None:
        urgency = NOTHING_PLANNED
    elif next_due < today:
        urgency = OVERDUE
    elif next_due == today:
        urgency = DUE_TODAY
    else:
        urgency = PLANNED
    stage = _STATUS_LABEL.get(status, np.nan)
    if status == Status.REJECTED.value and in_play:
        stage = STAYING_IN_TOUCH
    # Missing text is NaN, as in the frames.
    next_action = _KIND_LABEL.get(upcoming["kind"], np.nan) if upcoming else np.nan
    recipient = upcoming["recipient"] if upcoming else np.nan
    job_link = application["job_link"] or np.nan
    row = {
        "id": application["id"],
        "status": status,
        "urgency": urgency,
        "company": application["company"],
        "role": application["role"],
        "stage": stage,
        "next_action": next_action,
        "next_due": _stamp(next_due),
        "next_channel": _CHANNEL_LABEL.get(upcoming["channel"], np.nan) if upcoming else np.nan,
        "next_recipient": recipient,
        "last_interview": _stamp(last_interview),
        "last_contact": _stamp(last_contact),
        "days_waiting": float(waiting) if is_open and waiting is not None else np.nan,
        "days_past_decision": float(days_past)
        if is_open and days_past is not None and days_past > 0
        else np.nan,
        "job_link": job_link,
        "in_play": in_play,
        "search": "\n".join(
            _text(value) for value in (application["company"], application["role"], next_action, recipient)
        ),
    }

    answers = [a for a in done if a["outcome"] in ANSWERS]
    answered = bool(answers) or status in ANSWERED_STATUSES
    checked = any(a["kind"] == ActionKind.STATUS_CHECK.value for a in done)
    parts = {
        "active": is_open,
        "due_today": any(a["due"] == today for a in planned),
        "overdue": any(a["due"] < today for a in planned),
        "answered": answered,
        "asked": checked or answered,
        "days_to_answer": _days_to_answer_of_one(answers, interviews),
        **_thank_you_timing_of_one(actions, letters, today),
    }
    return row, parts


def _days_to_answer_of_one(answers: list[dict], interviews: list[dict]) -> float:
    dated = [a for a in answers if a["done_on"] is not None]
    if not dated:
        return np.nan
    first = min(dated, key=lambda a: (a["done_on"], a["id"]))["done_on"]
    held = [_as_day(i["starts_at"]) for i in interviews if i["starts_at"] is not None]
    before = [day for day in held if day <= first]
    return float((first - max(before)).days) if before else np.nan


def _thank_you_timing_of_one(actions: list[dict], letters: list[dict], today: date) -> dict[str, int]:
    first_sent: dict[int, date] = {}
    for letter in letters:
        person, sent_on = letter["interviewer_id"], letter["sent_on"]
        if (
            person is not None
            and sent_on is not None
            and letter["kind"] == LetterKind.THANK_YOU_EMAIL.value
            and letter["status"] == LetterStatus.SENT.value
        ):
            first_sent[person] = min(sent_on, first_sent.get(person, sent_on))
    in_time_count = counted_count = 0
    for action in actions:
        if action["kind"] != ActionKind.THANK_YOU_EMAIL.value:
            continue
        deadline = (_as_day(action["interview_at"]) or action["due"]) + timedelta(days=1)
        done_on = action["done_on"] if action["status"] == ActionStatus.DONE.value else None
        sent_on = _earliest(done_on, first_sent.get(action["interviewer_id"]))
        in_time = sent_on is not None and sent_on <= deadline
        counted = action["status"] != ActionStatus.PLANNED.value or deadline < today or in_time
        in_time_count += in_time and counted
        counted_count += counted
    return {"thank_you_in_time": int(in_time_count), "thank_you_counted": int(counted_count)}


def _text(value) -> str:
    return value if isinstance(value, str) else ""


def _earliest(*values):
    present = [v for v in values if v is not None]
    return min(present) if present else None
