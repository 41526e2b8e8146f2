"""How long a letter takes to draft and to check, for each person on a panel of five.

    python benchmarks/letters_benchmark.py [--rounds 30]

Each round drafts every letter kind for each of five interviewers whose notes
come from the test corpus (tests/unit/test_letter_corpus.py: notes as people
jot them), then runs every check the Letters page runs beside a draft
(spelling, sentences, private words, pasted notes, attachments, repeats
against the other four letters). It prints the median and the slowest time
per draft, with and without its checks, and the one-off cost of loading the
spelling dictionary, which the first check in a process pays. Everything
runs offline, in this process. The target is under 0.5 s per draft.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from followup.letters.checks import OtherLetter, proofread, spell_checker
from followup.letters.compose import draft
from followup.model import Application, Interview, Interviewer, LetterKind, Settings
from tests.unit.test_letter_corpus import NAMES, _person_notes

PANEL = 5
TARGET = 0.5


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()

    application = Application("Northwind Analytics", "Data Analyst", id=1)
    interview = Interview(1, datetime(2026, 11, 19, 14), id=1)
    settings = Settings(signature="Sam Lee\n+1 555 0100")
    people = [
        (Interviewer(1, NAMES[seat], email=f"p{seat}@northwind.example", id=seat + 1), _person_notes(seat))
        for seat in range(PANEL)
    ]

    started = time.perf_counter()
    spell_checker()
    dictionary = time.perf_counter() - started

    drafting: list[float] = []
    checked: list[float] = []
    for _ in range(args.rounds):
        for kind in LetterKind:
            letters = []
            for seat, (person, notes) in enumerate(people):
                started = time.perf_counter()
                letter = draft(
                    kind,
                    application=application,
                    interview=interview,
                    interviewer=person,
                    notes=notes,
                    settings=settings,
                    variant=seat,
                )
                drafting.append(time.perf_counter() - started)
                letters.append((person, notes, letter, drafting[-1]))
            for person, notes, letter, spent in letters:
                others = [OtherLetter(p.name, other.body) for p, _, other, _ in letters if p is not person]
                started = time.perf_counter()
                proofread(
                    kind,
                    letter.body,
                    subject=letter.subject,
                    application=application,
                    interviewer=person,
                    notes=notes,
                    settings=settings,
                    others=others,
                )
                checked.append(spent + time.perf_counter() - started)

    def ms(seconds: float) -> str:
        return f"{seconds * 1000:.1f} ms"

    print(f"{len(drafting)} drafts ({args.rounds} rounds × {len(LetterKind)} kinds × a panel of {PANEL})")
    print(f"spelling dictionary, loaded once per process: {ms(dictionary)}")
    print(f"per draft:             median {ms(statistics.median(drafting))}, slowest {ms(max(drafting))}")
    print(f"per draft with checks: median {ms(statistics.median(checked))}, slowest {ms(max(checked))}")
    ok = max(checked) < TARGET
    print(f"target under {TARGET} s per draft: {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
