"""`python -m followup demo`: fill the configured database with sample applications."""

from __future__ import annotations

import argparse

from followup import backup
from followup.commands import add_database_option, open_store


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "demo",
        help="fill the configured database with realistic sample data",
        description="Add sample applications (running it again adds nothing new).",
    )
    parser.add_argument(
        "--applications",
        type=_positive,
        default=8,
        metavar="N",
        help="how many applications to create (default 8: eight curated ones)",
    )
    add_database_option(parser)
    parser.set_defaults(func=run)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    # No more than a backup can hold: the app never builds a database it cannot restore.
    if not 1 <= value <= backup.MAX_APPLICATIONS:
        raise argparse.ArgumentTypeError(f"choose between 1 and {backup.MAX_APPLICATIONS} applications")
    return value


def run(args: argparse.Namespace) -> int:
    # Loaded here, not with the list of commands: only this one needs the sample data.
    from followup import sample

    store = open_store(args, existing=False, create_person=True)
    added = sample.load_sample(store, args.applications)
    total = len(store.list_applications())
    whose = "the database" if args.user is None else "this person's account"
    print(f"Added {added} sample application(s); {whose} now holds {total}.")
    return 0
