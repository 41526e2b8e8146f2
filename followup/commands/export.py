"""`python -m followup export`: your data, or the follow-up plan, as a file for another program.

Each format is one function from the store to bytes in `FORMATS`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from followup import backup, planning
from followup.calendar_export import build_ics
from followup.commands import add_database_option, open_store
from followup.store import Store


def ics(store: Store, application_id: int | None) -> bytes:
    """Every planned action as an all-day calendar event with a morning reminder."""
    return build_ics(planning.calendar_entries(store, application_id))


def everything_json(store: Store, _application_id: int | None) -> bytes:
    """Everything saved, in the versioned format `python -m followup import` reads back."""
    return backup.export_json(store)


def everything_json_gz(store: Store, _application_id: int | None) -> bytes:
    """The same, gzip-compressed (chosen by an output file name ending in .gz)."""
    return backup.export_json_gz(store)


def everything_csv(store: Store, _application_id: int | None) -> bytes:
    """Every table as a CSV file, zipped, for spreadsheets."""
    # Loaded here: pandas takes most of a second to load, and every command
    # (this file is read to list them all) would wait for it.
    from followup import spreadsheet

    return spreadsheet.csv_zip(store)


FORMATS: dict[str, Callable[[Store, int | None], bytes]] = {
    "ics": ics,
    "json": everything_json,
    "csv": everything_csv,
}
# Backups are all or nothing: a part of the data could not be imported back as a whole.
WHOLE_DATABASE = ("json", "csv")


def register(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "export",
        help="export your data (json, csv) or the follow-up plan (ics)",
        description=(
            "Write your data (or one person's, with --user) as a file. json: everything, in the versioned format "
            "that `import` reads back (see docs/export-format.md); with -o FILE.json.gz it is "
            "compressed, about a seventeenth of the size. csv: every table as a CSV file, "
            "zipped, for spreadsheets. ics: one all-day event with a reminder per planned action; "
            "importing a newer file again updates the events instead of adding copies."
        ),
    )
    parser.add_argument("--format", choices=sorted(FORMATS), required=True)
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    parser.add_argument(
        "--application", type=int, metavar="ID", help="ics only: just this application (default: all of them)"
    )
    add_database_option(parser)
    parser.set_defaults(func=run)
    return parser


def run(args: argparse.Namespace) -> int:
    if args.application is not None and args.format in WHOLE_DATABASE:
        print(
            f"error: --application works with --format ics; {args.format} always holds everything.",
            file=sys.stderr,
        )
        return 2
    store = open_store(args, existing=True, create_person=False)
    try:
        if args.application is not None and args.application not in {a.id for a in store.list_applications()}:
            print(f"error: there is no application with id {args.application}.", file=sys.stderr)
            return 2
        build = FORMATS[args.format]
        if args.format == "json" and args.output is not None and args.output.endswith(".gz"):
            build = everything_json_gz
        data = build(store, args.application)
    finally:
        store.close()
    if args.output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    try:
        Path(args.output).write_bytes(data)
    except OSError as error:
        print(f"error: cannot write {args.output}: {error.strerror or error}.", file=sys.stderr)
        return 2
    return 0
