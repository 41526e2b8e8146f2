"""`python -m followup people`: who has data in the database, for whoever runs a group deployment."""

from __future__ import annotations

import argparse
import json

from followup.commands import add_database_option
from followup.store import Store, people


def register(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "people",
        help="list the people with data in the database (where people sign in)",
        description=(
            "List everyone with data in the configured database: ISSUER|SUBJECT (what --user takes), "
            "the name or email their identity provider gave at their last sign-in, their number of "
            "applications and when they first signed in. `local|local` is the one user of a local install."
        ),
    )
    parser.add_argument("--format", choices=["text", "json"], default="text")
    add_database_option(parser)
    parser.set_defaults(func=run)
    return parser


def run(args: argparse.Namespace) -> int:
    store = Store.open_existing(args.database)
    try:
        everyone = people(store)
    finally:
        store.close()
    if args.format == "json":
        rows = [
            {
                "user": str(person.owner),
                "issuer": person.owner.issuer,
                "subject": person.owner.subject,
                "label": person.label,
                "applications": person.applications,
                "since": person.since.isoformat(),
            }
            for person in everyone
        ]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    for person in everyone:
        label = f"  {person.label}" if person.label else ""
        print(f"{person.owner}{label}  ({person.applications} applications, since {person.since:%Y-%m-%d})")
    return 0
