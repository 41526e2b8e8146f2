"""What to do today, in words: each follow-up due or overdue as one sentence.

"Call Grace Liu at Northwind Analytics to say thank you" says who, what and
where; `when` says how late it is ("due today", "2 days overdue"). The input is
the overview's prepared frames (`overview.prepare`), so the Today page builds
these lines from what it has already read: only the planned actions due by
today are turned into words, the most overdue first, and only as many as the
page shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from followup import overview
from followup.model import ActionKind, Channel


@dataclass(frozen=True)
class DueLine:
    """One follow-up due today or overdue, with the ids its plan opens on."""

    application_id: int
    action_id: int
    sentence: str
    role: str
    when: str
    overdue_days: int

    @property
    def overdue(self) -> bool:
        return self.overdue_days > 0


@dataclass(frozen=True)
class DueList:
    lines: tuple[DueLine, ...]
    # Every follow-up due or overdue, the lines shown and those left out.
    total: int


_VERB = {Channel.PHONE: "Call", Channel.EMAIL: "Email", Channel.MAIL: "Write to"}

# What each kind of follow-up is for, after "Call Grace Liu at Northwind Analytics".
_PURPOSE = {
    ActionKind.THANK_YOU_EMAIL: "to say thank you",
    ActionKind.THANK_YOU_CALL: "to say thank you",
    ActionKind.STATUS_CHECK: "to ask where your application stands",
    ActionKind.THANKS_FOR_CONSIDERATION: "to thank them for considering you and ask what could put you back "
    "in the running",
    ActionKind.STAY_IN_TOUCH: "to stay in touch",
    ActionKind.WITHDRAWAL: "to withdraw your application",
    ActionKind.OFFER_THANKS: "to thank them after the offer",
    ActionKind.SEND_REQUESTED: "with what they asked you for",
}


def _at(who: str, company: str) -> str:
    """ "Grace Liu at Northwind Analytics", or the company alone when no one is named."""
    return f"{who} at {company}" if who else company


def sentence(kind: ActionKind, channel: Channel, who: str, company: str) -> str:
    """The follow-up as an instruction: who, what and where."""
    who, company = who.strip(), company.strip() or "the company"
    if kind is ActionKind.HANDWRITTEN_NOTE:
        return f"Post a handwritten thank-you note to {_at(who, company)}"
    if kind is ActionKind.ANSWER_OFFER:
        return f"Answer the offer from {company}: accept, negotiate or ask for time"
    if kind is ActionKind.CLOSE:
        return f"Let the application at {company} go: close it politely, it has gone unanswered"
    purpose = _PURPOSE.get(kind, "to follow up")
    return f"{_VERB[channel]} {_at(who, company)} {purpose}"


def when(due: date, today: date) -> str:
    """ "due today", "1 day overdue", "12 days overdue"."""
    late = (today - due).days
    if late <= 0:
        return "due today"
    return f"{late} day overdue" if late == 1 else f"{late:,} days overdue"


def due_follow_ups(frames: dict[str, pd.DataFrame], today: date, limit: int | None = None) -> DueList:
    """The follow-ups due today or overdue, the most overdue first, as sentences.

    Only actions still worth doing count (`overview.live_planned`: an open
    application, or a letter after the answer). `limit` caps the lines put in
    words; `total` still counts them all.
    """
    day = pd.Timestamp(today)
    actions = frames["actions"]
    rows = overview.live_planned_rows(frames, due_by=day)
    total = len(rows)
    # Sorted on plain arrays (the last key first), and only the lines shown taken from the frame:
    # thousands of overdue actions cost a few milliseconds.
    order = np.lexsort(
        (
            actions["id"].to_numpy()[rows],
            actions["application_id"].to_numpy()[rows],
            actions["due"].to_numpy()[rows],
        )
    )
    due = actions.iloc[rows[order if limit is None else order[:limit]]]
    applications = frames["applications"].set_index("id")
    lines = []
    for row in due.itertuples(index=False):
        company = applications.at[row.application_id, "company"]
        role = applications.at[row.application_id, "role"]
        due_day = row.due.date()
        lines.append(
            DueLine(
                application_id=int(row.application_id),
                action_id=int(row.id),
                sentence=sentence(
                    ActionKind(row.kind), Channel(row.channel), str(row.recipient or ""), str(company or "")
                ),
                role=str(role or ""),
                when=when(due_day, today),
                overdue_days=max(0, (today - due_day).days),
            )
        )
    return DueList(tuple(lines), total)
