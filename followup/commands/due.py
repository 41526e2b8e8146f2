"""`python -m followup due`: what is due on or before a day, overdue first; a digest cron can mail.

In text form it prints nothing at all when nothing is due, because cron
mails whatever a job prints: a quiet day then sends no mail.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from followup import clock, guide, validation
from followup.calendar_export import CalendarEntry, summary
from followup.commands import add_database_option, open_store
from followup.letters import scripts


def register(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "due",
        help="list the follow-ups due on or before a day, overdue first",
        description=(
            "List every planned follow-up due on or before DATE (default: today) in the configured "
            "database, the most overdue first. Prints nothing when nothing is due, so a cron job "
            "mails you only on days with something to do."
        ),
    )
    parser.add_argument("--date", metavar="DATE", help="YYYY-MM-DD (default: today)")
    parser.add_argument("--format", choices=["text", "json"], default="text")
    add_database_option(parser)
    parser.set_defaults(func=run)
    return parser


def run(args: argparse.Namespace) -> int:
    try:
        day = date.fromisoformat(args.date) if args.date else clock.today()
    except ValueError:
        print(f"error: --date {args.date!r} is not a date; use YYYY-MM-DD.", file=sys.stderr)
        return 2
    problem = validation.date_problem(day)
    if problem:
        print(f"error: --date: {problem}", file=sys.stderr)
        return 2
    store = open_store(args, existing=True, create_person=False)
    try:
        due = due_on_or_before(
            [CalendarEntry(action, company, role) for action, company, role in store.due_actions(day)], day
        )
    finally:
        store.close()
    if args.format == "json":
        print(json.dumps([_as_json(entry, day) for entry in due], indent=2, ensure_ascii=False))
    elif due:
        print(_as_text(due, day))
    return 0


def due_on_or_before(entries: list[CalendarEntry], day: date) -> list[CalendarEntry]:
    """The entries due on or before `day`, the longest overdue first."""
    due = [e for e in entries if e.action.due <= day]
    return sorted(due, key=lambda e: (e.action.due, e.company.casefold(), e.action.application_id))


def _as_json(entry: CalendarEntry, day: date) -> dict:
    action = entry.action
    return {
        "due": action.due.isoformat(),
        "days_overdue": (day - action.due).days,
        "application_id": action.application_id,
        "company": entry.company,
        "role": entry.role,
        "summary": summary(entry),
        "kind": action.kind.value,
        "channel": action.channel.value,
        "recipient": action.recipient,
        "attempt": action.attempt,
        "why": action.why,
    }


def _as_text(due: list[CalendarEntry], day: date) -> str:
    overdue = [e for e in due if e.action.due < day]
    on_the_day = [e for e in due if e.action.due == day]
    lines = [f"{len(due)} follow-up{'s' if len(due) != 1 else ''} due on or before {day:%a %Y-%m-%d}."]
    for heading, entries in (("Overdue", overdue), (f"Due {day:%a %Y-%m-%d}", on_the_day)):
        if not entries:
            continue
        lines += ["", f"{heading}:"]
        for entry in entries:
            action = entry.action
            late = f" ({scripts.due_in_words(action.due, day)})" if action.due < day else ""
            lines.append(
                f"  {action.due:%a %Y-%m-%d}{late}: {summary(entry)} [{guide.CHANNEL[action.channel]}]"
            )
            lines.append(f"      {action.why}")
    return "\n".join(lines)
