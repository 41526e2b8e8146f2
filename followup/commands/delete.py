"""`python -m followup delete --user ISSUER|SUBJECT`: delete one person and everything they saved."""

from __future__ import annotations

import argparse
import sys

from followup.commands import add_database_option, open_store


def register(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "delete",
        help="delete one person's data (where people sign in)",
        description=(
            "Delete everything one person saved (applications, interviews, business cards, notes, "
            "letters, the follow-up plan and their settings) in one transaction, and forget them. "
            "Export it first if it may be wanted: python -m followup export --format json --user …"
        ),
    )
    add_database_option(parser, user_required=True)
    parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    parser.set_defaults(func=run)
    return parser


def run(args: argparse.Namespace) -> int:
    store = open_store(args, existing=True, create_person=False)
    try:
        count = len(store.list_applications())
        if not args.yes:
            if not sys.stdin.isatty():
                print("error: nothing was deleted: add --yes to delete without a question.", file=sys.stderr)
                return 2
            answer = input(f"Delete {args.user} and their {count} applications for good? [y/N] ")
            if answer.strip().lower() not in ("y", "yes"):
                print("Nothing was deleted.")
                return 1
        store.delete_all_data()
    finally:
        store.close()
    print(f"Deleted {args.user} and their {count} applications.")
    return 0
