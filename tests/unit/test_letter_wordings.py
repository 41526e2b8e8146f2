"""Every sentence in followup/letters/wordings.py, checked against the rules it must keep."""

import re
from string import Template

import pytest

from followup.letters import grammar, wordings
from followup.letters.checks import check_seams, check_spelling
from followup.letters.compose import WORDING_COUNT

# What each slot may stand after, so that whatever fills it reads as one sentence.
# A noun phrase stands after a preposition, "is", or a verb that takes an object.
AFTER_TOPIC = {
    "about",
    "on",
    "of",
    "in",
    "to",
    "is",
    "stress",
    "underline",
    "mention",
    "mentioning",
    "send",
    "you",
    "share",
    "see",
    "find",
    "here",
}
AFTER_CLAUSE = {"that", "when", "answers:", "reply:"}
KNOWN = {
    "topic", "clause", "answer", "more", "link", "weekday", "role", "company", "date", "decision_date",
    "my_name", "full_name", "addressee", "my_phone", "point",
}  # fmt: skip


def _all_wordings():
    found = []

    def walk(where, value):
        if isinstance(value, str):
            found.append((where, value))
        elif isinstance(value, dict):
            for key, inner in value.items():
                walk(f"{where}.{key}", inner)
        else:
            for index, inner in enumerate(value):
                walk(f"{where}[{index}]", inner)

    for name in dir(wordings):
        if name.isupper():
            walk(name, getattr(wordings, name))
    return found


WORDINGS = _all_wordings()


def _parts():
    """Every tuple of alternative wordings."""
    found = []

    def walk(where, value):
        if isinstance(value, dict):
            for key, inner in value.items():
                walk(f"{where}.{key}", inner)
        elif isinstance(value, tuple) and all(isinstance(v, str) for v in value):
            found.append((where, value))

    for name in dir(wordings):
        if name.isupper():
            walk(name, getattr(wordings, name))
    return found


def test_there_are_enough_sentences_to_check():
    assert len(WORDINGS) > 200


@pytest.mark.parametrize(("where", "text"), WORDINGS, ids=[w for w, _ in WORDINGS])
def test_every_slot_stands_where_what_fills_it_fits(where, text):
    names = set(Template(text).get_identifiers())
    assert names <= KNOWN, names - KNOWN
    for match in re.finditer(r"(\S+)\s+\$(topic|clause)\b", text):
        before, slot = match.group(1).lower(), match.group(2)
        allowed = AFTER_TOPIC if slot == "topic" else AFTER_CLAUSE
        assert before in allowed or (slot == "clause" and before.endswith(":")), (slot, before, text)


@pytest.mark.parametrize(("where", "text"), WORDINGS, ids=[w for w, _ in WORDINGS])
def test_every_sentence_reads_clean_once_filled(where, text):
    filled = Template(text).safe_substitute(
        topic="the audit clean-up",
        clause="you asked about my notice period",
        answer="I can start within four weeks.",
        more="It went live in March.",
        link="https://sam.example/deck",
        weekday="Tuesday",
        role="Data Analyst",
        company="Northwind",
        date="March 4",
        decision_date="March 14",
        my_name="Sam Lee",
        full_name="Priya Raman",
        addressee="Priya",
        my_phone="+1 555 0100",
        point="I enjoyed our talk about the audit clean-up.",
    )
    assert check_seams(filled) == [], filled
    assert grammar.private_words(filled) == [], filled
    assert [
        f for f in check_spelling(filled, ["Northwind", "Priya", "Raman"]) if f.severity == "warning"
    ] == []
    assert not re.search(r"\battach|\benclos", filled, re.IGNORECASE), filled
    for sentence in re.split(r"(?<=[.!?])\s+", filled):
        assert len(sentence.split()) <= 45, sentence


@pytest.mark.parametrize(("where", "options"), _parts(), ids=[w for w, _ in _parts()])
def test_every_part_of_a_panel_letter_has_a_wording_per_seat(where, options):
    if where == "CASUAL_GREETINGS":
        assert len(options) == WORDING_COUNT  # a word each, so some repeat: the name follows
        return
    if where.startswith(("CALL_SCRIPT", "VOICEMAIL_SCRIPT", "THANK_YOU_CALL")):
        assert len(options) >= 3  # spoken, one person at a time: never compared
    else:
        assert len(options) == WORDING_COUNT, where
    assert len(set(options)) == len(options), where
