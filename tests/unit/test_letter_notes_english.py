"""Notes as people jot them read as English in a letter: a clause stays a clause, a saying
opener is not said twice, and names of months, days and languages keep their capital."""

import pytest

from followup.letters import capture, grammar
from followup.letters.checks import check_seams
from followup.model import DebriefNotes


def _said(field: str, note: str) -> list[str]:
    points = [p for p in capture.read(DebriefNotes(0, **{field: note})) if p.sendable]
    return [capture.sentence(p, seat) for p in points for seat in range(3)]


@pytest.mark.parametrize(
    ("note", "clause"),
    [
        ("his kids play hockey", "your kids play hockey"),
        ("her son plays in a jazz band", "your son plays in a jazz band"),
        ("their twins love chess", "your twins love chess"),
    ],
)
def test_a_possessive_a_noun_and_its_verb_is_a_clause_not_a_thing_to_talk_about(note, clause):
    said = _said("rapport", note)
    assert said and all(clause in s for s in said), said
    # Said as something learnt ("that your kids play hockey"), never as a topic ("about your kids…").
    assert not any(f"about {clause}" in s or f"on {clause}" in s for s in said), said
    assert not [finding for s in said for finding in check_seams(s)]


@pytest.mark.parametrize(
    "note", ["the design reviews", "your sales teams", "my dashboards", "her team's roadmap"]
)
def test_a_thing_stays_a_thing(note):
    assert not grammar.possessive_clause(grammar.words(note))


def test_the_check_finds_a_clause_put_where_a_thing_belongs():
    [finding] = check_seams("It was a pleasure to talk about your kids play hockey, too.")
    assert "about your kids" in finding.message


@pytest.mark.parametrize(
    "answer",
    [
        "I'd add that I validated the model on two years of data",
        "I would add that I validated the model on two years of data",
        "I should also mention that I validated the model on two years of data",
        "I'd like to add: I validated the model on two years of data",
    ],
)
def test_an_answer_that_opens_by_saying_it_adds_something_is_not_said_twice(answer):
    notes = DebriefNotes(0, answer_to_amend="the validation question", amended_answer=answer)
    [point] = [p for p in capture.read(notes) if p.field == "amended_answer"]
    assert point.answer == "I validated the model on two years of data."
    for seat in range(3):
        sentence = capture.sentence(point, seat)
        assert sentence.count(" add") + sentence.count(" mention") <= 1, sentence


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("she's running the Boston marathon in april", "in April"),
        ("moving to Lisbon in may", "in May"),
        ("he grew up speaking spanish and french", "Spanish and French"),
        ("their offsite is on friday", "on Friday"),
    ],
)
def test_months_days_and_languages_get_their_capital(note, expected):
    said = _said("rapport", note)
    assert said and all(expected in s for s in said), said


def test_may_and_march_as_words_keep_their_lower_case():
    assert grammar.capitalise_names("you may march on") == "you may march on"
    assert grammar.capitalise_names("since march, early may") == "since March, early May"


@pytest.mark.parametrize(
    ("field", "note", "expected"),
    [
        ("liked", "really liked my portfolio", "that you really liked my portfolio"),
        ("liked", "was excited when I mentioned Python", "that you were excited when I mentioned Python"),
        ("liked", "always asks about data quality", "that you always ask about data quality"),
        ("liked", "is a fan of my blog", "that you are a fan of my blog"),
        ("to_stress", "that I can travel 30%", "that I can travel 30%"),
    ],
)
def test_a_note_without_its_subject_gets_you_with_the_verb_that_fits(field, note, expected):
    said = _said(field, note)
    assert said and all(expected in s for s in said), said


@pytest.mark.parametrize("note", ["just back from paternity leave", "also the dashboard", "really"])
def test_an_adverb_and_no_verb_is_not_a_point(note):
    assert _said("rapport", note) == []
