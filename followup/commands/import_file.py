"""`python -m followup import FILE`: restore a JSON export, all of it or none of it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from followup import backup
from followup.commands import add_database_option, open_store


def register(subparsers) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "import",
        help="restore a JSON export (from `export --format json` or the app), plain or .json.gz",
        description=(
            "Check the whole file, then restore it in one transaction: a file with any problem "
            "changes nothing. With --user, into that person's account (made if they have not signed in "
            "yet). Where applications are there already, choose --merge (add what is new, skip "
            "applications already there) or --replace (delete everything first)."
        ),
    )
    parser.add_argument("file", metavar="FILE", help="a followup JSON export, or one compressed with gzip")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--merge", action="store_true", help="keep what is there and add what is new")
    mode.add_argument("--replace", action="store_true", help="delete everything first, settings included")
    add_database_option(parser)
    parser.set_defaults(func=run)
    return parser


def _ask(existing: int, whose: str) -> str | None:
    if not sys.stdin.isatty():
        return None
    answer = input(f"{whose.capitalize()} holds {existing} applications. [m]erge, [r]eplace or [c]ancel? ")
    return {"m": "merge", "r": "replace"}.get(answer.strip().lower()[:1])


def run(args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        with path.open("rb") as source:
            parsed = backup.parse(backup.read_file(source))
    except OSError as error:
        print(f"error: cannot read {path}: {error.strerror or error}.", file=sys.stderr)
        return 2
    except backup.ImportRefused as refusal:
        print(f"error: nothing was imported. {refusal}", file=sys.stderr)
        return 2
    store = open_store(args, existing=False, create_person=True)
    existing = len(store.list_applications())
    whose = "the database" if args.user is None else "this person's account"
    mode = "merge" if args.merge else "replace" if args.replace else None
    if mode is None:
        mode = "replace" if existing == 0 else _ask(existing, whose)
    if mode is None:
        print(
            f"error: {whose} already holds {existing} applications: choose --merge or --replace.",
            file=sys.stderr,
        )
        return 2
    summary = backup.import_parsed(store, parsed, replace=mode == "replace")
    skipped = f"; {summary.skipped} already there were skipped" if summary.skipped else ""
    print(f"Imported {summary.added} applications{skipped}.")
    return 0
