"""Subcommands of `python -m followup`, one module each, listed in followup/cli.py."""

from __future__ import annotations

import argparse


def add_database_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--database",
        metavar="URL",
        help="a SQLAlchemy URL (default: FOLLOWUP_DATABASE_URL or the user data folder)",
    )
