"""`python -m followup`: the command line. Each subcommand lives in followup/commands/."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback

from followup.errors import FollowupError

DEBUG_VARIABLE = "FOLLOWUP_DEBUG"

COMMANDS = ("demo", "plan", "due", "export", "import_file", "people", "delete")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m followup",
        description="Follow up after job interviews: sample data, follow-up plans, exports.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        importlib.import_module(f"followup.commands.{name}").register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except FollowupError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader stopped early (`| head`): not an error of ours. Point stdout at
        # nothing so that the interpreter's final flush does not fail as well.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        print("error: interrupted; whatever was being saved was not saved.", file=sys.stderr)
        return 130
    except Exception as error:  # noqa: BLE001 - the last line of defence: one plain line, never a traceback
        return _unexpected(error)


def _unexpected(error: Exception) -> int:
    """A problem nobody foresaw: say so in one line, and show the details only when asked to."""
    print(
        f"error: followup stopped on an unexpected problem ({type(error).__name__}: "
        f"{str(error).splitlines()[0][:200] if str(error) else 'no details'}). Nothing was saved by the "
        f"step that failed. Run again with {DEBUG_VARIABLE}=1 to see where it happened.",
        file=sys.stderr,
    )
    if os.environ.get(DEBUG_VARIABLE):
        traceback.print_exception(error, file=sys.stderr)
    return 3
