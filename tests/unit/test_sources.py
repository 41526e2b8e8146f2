"""Sources are named in words a user knows: a short name in the app, the full list on a page."""

import pytest

from followup import cadence, guide, journey, letters, outcome, timeline
from followup.guide import SOURCES, cite, sources_line

# The short names the app cites, as the domain's table of sources gives them.
SHORT_NAMES = {
    "000": "Westwood College career blog",
    "001": "Closing the interview",
    "002": "DeCarlo",
    "003": "After the Interview",
    "004": "Cohen",
}


def test_every_source_has_a_short_name_a_title_an_author_and_what_it_contributes():
    assert {key: source.short for key, source in SOURCES.items()} == SHORT_NAMES
    for source in SOURCES.values():
        assert source.title and source.by and source.contributes
        assert "seed" not in f"{source.title} {source.by} {source.contributes}".lower()
    assert "Laura DeCarlo" in SOURCES["002"].by
    assert "Roy Cohen" in SOURCES["004"].by


def test_citations_follow_the_lists_order_whatever_the_order_asked():
    assert cite(["004", "002"]) == "DeCarlo; Cohen"
    assert cite(("000",)) == "Westwood College career blog"
    assert sources_line(["002"]) == "Source: DeCarlo"
    assert sources_line(["003", "002"]) == "Sources: DeCarlo; After the Interview"
    with pytest.raises(KeyError):
        cite(["005"])


def _user_texts() -> list[str]:
    texts = [*cadence.WHY.values(), guide.FIELD_PACE_HELP, guide.FORMALITY_HELP, timeline.DECISION_WHY]
    texts += [rule.description + rule.source_text for rule in cadence.PROFILES.values()]
    texts += [q.ask + q.why for q in journey.CLOSING_QUESTIONS]
    texts += [journey.FIELD_PACE_WHY, journey.FORMALITY_WHY, outcome.LEAVING_THEM_GUESSING]
    texts += [line for about in outcome.GUIDES.values() for line in (*about.advice, about.source_text)]
    texts += list(letters.KIND_ADVICE.values())
    return texts


def test_no_text_shown_to_users_cites_a_seed_or_a_file_number():
    for text in _user_texts():
        assert "seed" not in text.lower(), text
        for key in SOURCES:
            assert f"({key}" not in text and f" {key})" not in text and f"{key}," not in text, text
