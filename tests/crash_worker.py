"""A process that writes to a database until it is killed; used by the crash tests.

python -m tests.crash_worker saves URL    one application (with its interview and
                                          interviewer) per transaction; prints
                                          "confirmed N" after each commit
python -m tests.crash_worker import URL   replaces everything with a large backup,
                                          over and over; prints "imported N"
"""

import sys
from datetime import datetime

from followup import backup
from followup.model import Application, ApplicationBundle, DebriefNotes, Interview, Interviewer
from followup.store import Store

IMPORT_SIZE = 1500


def _bundle(number: int) -> ApplicationBundle:
    interview = Interview(0, datetime(2026, 11, 2, 10), format="video")
    person = Interviewer(0, f"Person {number}", email=f"p{number}@example.com")
    return ApplicationBundle(
        Application(f"Company {number}", "Role", notes="x" * 500, created_at=datetime(2026, 1, 1)),
        [(interview, [(person, DebriefNotes(0, liked=f"liked {number}"))])],
    )


def main(mode: str, url: str) -> None:
    store = Store.open(url)
    if mode == "saves":
        number = len(store.list_applications())
        while True:
            store.add_bundles([_bundle(number)])
            print(f"confirmed {number}", flush=True)
            number += 1
    else:
        data = backup.export_json(_filled(IMPORT_SIZE))
        parsed = backup.parse(data)
        rounds = 0
        while True:
            backup.import_parsed(store, parsed, replace=True)
            rounds += 1
            print(f"imported {rounds}", flush=True)
            parsed = backup.parse(data)


def _filled(count: int) -> Store:
    source = Store.open("sqlite://")
    source.add_bundles([_bundle(n) for n in range(count)])
    return source


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
