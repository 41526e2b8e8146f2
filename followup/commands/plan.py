"""`followup plan`: print the follow-up plan for an interview scenario, without a database."""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date

from followup import cadence, timeline_words, validation
from followup.business_days import Region
from followup.model import (
    Action,
    CadenceProfile,
    CallsWelcome,
    FieldPace,
    Formality,
    Interviewer,
    Settings,
)
from followup.store import Store

END_OF_WEEK = "end-of-week"
# A panel larger than this is a typo; a plan for a million people would take minutes.
MAX_INTERVIEWERS = 50


def default_region() -> Region:
    """The user's region setting (country and subdivision) in the configured database, else US.

    Only a convenience for a default: it never creates a database, and any
    problem reading one (missing, locked, too new, unreachable, no driver, a
    region this version does not know) falls back to US rather than stopping
    the command.
    """
    try:
        store = Store.open_existing()
        try:
            return Region.of(store.get_settings())
        finally:
            store.close()
    except Exception:  # noqa: BLE001 - see the docstring: a default must never fail the command
        return Region(Settings().country)


def default_country() -> str:
    """The user's country setting in the configured database, else US."""
    return default_region().country


def register(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "plan",
        help="print the follow-up plan for an interview",
        description="Print the follow-up actions for an interview scenario, with due dates on business days.",
    )
    parser.add_argument("--interview-date", required=True, metavar="DATE", help="YYYY-MM-DD")
    parser.add_argument(
        "--decision-by",
        metavar="WHEN",
        help="when they promised a decision: YYYY-MM-DD, or their own words read from the interview day,"
        f' such as "in a week or two", "by the end of next week", "end of the month" or {END_OF_WEEK}',
    )
    parser.add_argument("--pace", choices=[p.value for p in FieldPace], default=FieldPace.STANDARD.value)
    parser.add_argument(
        "--cadence", choices=[c.value for c in CadenceProfile], default=Settings().cadence.value
    )
    parser.add_argument(
        "--calls-welcome", choices=[c.value for c in CallsWelcome], default=CallsWelcome.UNKNOWN.value
    )
    parser.add_argument("--formality", choices=[f.value for f in Formality], default=Formality.CASUAL.value)
    parser.add_argument(
        "--interviewers", type=int, default=1, metavar="N", help="number of interviewers (default 1)"
    )
    parser.add_argument(
        "--country",
        metavar="CC",
        help=f"country code for business days (default: your setting in the app, else {Settings().country})",
    )
    parser.add_argument(
        "--subdivision",
        metavar="CODE",
        help="a state, province or Land with holidays of its own, e.g. ON (Ontario) or BY (Bavaria);"
        " default: your setting in the app when the country is yours, else none",
    )
    parser.add_argument("--format", choices=["text", "json"], default="text")
    parser.set_defaults(func=run)
    return parser


def run(args: argparse.Namespace) -> int:
    try:
        scenario = _scenario(args)
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    actions = cadence.plan(scenario)
    if args.format == "json":
        print(json.dumps([_as_json(a) for a in actions], indent=2))
    else:
        print(_as_text(actions, scenario))
    return 0


def _scenario(args: argparse.Namespace) -> cadence.Scenario:
    interview_date = _date(args.interview_date, "--interview-date")
    region = _region(args)
    decision_by = _decision_by(args.decision_by, interview_date, region)
    if not 0 <= args.interviewers <= MAX_INTERVIEWERS:
        raise ValueError(f"--interviewers must be from 0 to {MAX_INTERVIEWERS}, not {args.interviewers}.")
    interviewers = tuple(
        Interviewer(interview_id=0, name=f"Interviewer {n}", email=f"interviewer{n}@example.com", id=n)
        for n in range(1, args.interviewers + 1)
    )
    return cadence.Scenario(
        interview_date=interview_date,
        country=region.country,
        subdivision=region.subdivision,
        decision_by=decision_by,
        pace=FieldPace(args.pace),
        formality=Formality(args.formality),
        calls_welcome=CallsWelcome(args.calls_welcome),
        interviewers=interviewers,
        cadence=CadenceProfile(args.cadence),
    )


def _region(args: argparse.Namespace) -> Region:
    """--country and --subdivision; what is not given comes from the app's setting (see `default_region`)."""
    if args.country is None:
        mine = default_region()
        return Region(mine.country, mine.subdivision if args.subdivision is None else args.subdivision)
    country = Region(args.country).country
    if args.subdivision is not None:
        return Region(country, args.subdivision)
    mine = default_region()
    return Region(country, mine.subdivision if mine.country == country else "")


def _decision_by(text: str | None, interview_date: date, region: Region) -> date | None:
    """A date as given, or the interviewer's words read as the page reads them (the later reading)."""
    if text is None:
        return None
    try:
        date.fromisoformat(text.strip())
    except ValueError:
        pass
    else:
        return _date(text.strip(), "--decision-by")
    if re.fullmatch(r"\s*\d{4}-\d{1,2}-\d{1,2}\s*", text):
        raise ValueError(f"--decision-by {text!r} is not a date; use YYYY-MM-DD.")
    read = timeline_words.decision_date(text, interview_date, region)
    if read is None:
        raise ValueError(
            f"--decision-by {text!r} is not a date or words we can read as one;"
            ' use YYYY-MM-DD or words such as "by the end of next week".'
        )
    return read


def _date(text: str, option: str) -> date:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{option} {text!r} is not a date; use YYYY-MM-DD.") from None
    problem = validation.date_problem(day)
    if problem:
        raise ValueError(f"{option}: {problem}")
    return day


def _as_json(action: Action) -> dict:
    return {
        "due": action.due.isoformat(),
        "kind": action.kind.value,
        "channel": action.channel.value,
        "attempt": action.attempt,
        "recipient": action.recipient,
        "why": action.why,
    }


def _as_text(actions: list[Action], scenario: cadence.Scenario) -> str:
    rule = cadence.explain_profile(scenario.cadence)
    heading = (
        f"Follow-up plan for an interview on {scenario.interview_date:%a %Y-%m-%d}, business days of"
        f" {scenario.region.code}; {rule.name} cadence: every {rule.gap_text}, at most {rule.max_checks} checks."
    )
    if scenario.decision_by is not None:
        heading += f" Decision promised by {scenario.decision_by:%a %Y-%m-%d}."
    lines = [heading]
    for action in actions:
        kind = action.kind.value + (f" #{action.attempt}" if action.attempt else "")
        recipient = action.recipient or "(no contact yet)"
        lines.append(f"{action.due:%a %Y-%m-%d}  {kind:<22} {action.channel.value:<6} {recipient}")
        lines.append(f"    {action.why}")
    return "\n".join(lines)
