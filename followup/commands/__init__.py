"""Subcommands of `python -m followup`, one module each, listed in followup/cli.py."""

from __future__ import annotations

import argparse

from followup.model import Owner
from followup.store import Store


def _owner(text: str) -> Owner:
    try:
        return Owner.parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def add_database_option(parser: argparse.ArgumentParser, *, user_required: bool = False) -> None:
    parser.add_argument(
        "--database",
        metavar="URL",
        help="a SQLAlchemy URL (default: FOLLOWUP_DATABASE_URL or the user data folder)",
    )
    parser.add_argument(
        "--user",
        metavar="ISSUER|SUBJECT",
        type=_owner,
        required=user_required,
        help="one person's data where people sign in (their identity provider's issuer and their "
        "subject, as `python -m followup people` lists them)"
        + ("" if user_required else "; default: the one user of a local install"),
    )


def open_store(args: argparse.Namespace, *, existing: bool, create_person: bool) -> Store:
    """The store of `--user` (else the local user): a database that must be there when `existing`,
    and a person added on first use when `create_person` (else NotFound)."""
    store = (Store.open_existing if existing else Store.open)(args.database)
    if args.user is None:
        return store
    try:
        return store.for_owner(args.user, create=create_person)
    except BaseException:
        store.close()
        raise
