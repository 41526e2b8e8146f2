"""Reading debrief notes into the points a letter can use.

A note is jotted in a hurry, in any shape: a thing ("the churn dashboard I
rebuilt"), a clause ("she is training for a marathon"), a fragment whose
subject is left out ("lit up when I described the audit clean-up"), an
instruction to oneself ("look up their ERP; stress my SAP work"). Each field
is split into items (lines and semicolons) and each item is read as one of a
few shapes; the shape decides which wordings can carry it, so that a letter
never puts a clause where a noun belongs ("a concern about I have not used
Airflow").

Reading fails closed. An item whose shape is unclear, that is written in
shorthand, that holds something private (pay, an answer that went badly, a
to-do, an impression) or that is a concern without the user's answer to it,
stays out of every letter; the Debrief page shows why and how to rewrite it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from followup.letters import grammar, wordings
from followup.letters.second_person import addressed
from followup.letters.template import fill_template
from followup.model import DebriefNotes

# The fields whose points can go into a letter, and their weight when a
# letter chooses one or two: an answered concern or a corrected answer is
# worth most (seeds 001, 004), then what they liked and asked about.
_WEIGHT = {
    "concern_answer": 4,
    "amended_answer": 4,
    "liked": 2,
    "topics": 2,
    "to_stress": 1,
    "rapport": 0,
}
# Memos that lend a topic to their answer but never go into a letter themselves.
MEMOS = {"concerns": "concern_answer", "answer_to_amend": "amended_answer"}
# A point longer than this is several points, or a paragraph to cut.
MAX_WORDS = 40
_URL = re.compile(r"https?://\S+|www\.\S+", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[-*•·]+|\d+[.)])\s*")
_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "my",
        "our",
        "your",
        "his",
        "her",
        "their",
        "its",
        "i",
        "we",
        "you",
        "he",
        "she",
        "they",
        "it",
        "to",
        "of",
        "in",
        "on",
        "at",
        "for",
        "with",
        "about",
        "and",
        "or",
        "but",
        "that",
        "this",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "have",
        "has",
        "had",
        "do",
        "did",
        "so",
        "as",
        "by",
        "from",
    ]
)

HINTS = {
    "liked": "Write what they liked as a thing, e.g. “the audit clean-up I led”, or as a sentence "
    "about them, e.g. “she lit up when I described the audit clean-up”.",
    "topics": "Write the subject itself, e.g. “month-end close and automation”.",
    "concern_answer": "Write your answer as the letter should say it, e.g. “I can start within "
    "four weeks if needed.”",
    "amended_answer": "Write what you would say now, e.g. “The migration I led was 40 TB, not 4.”",
    "to_stress": "Write what to stress, e.g. “my SAP work” or “stress that I can start sooner”.",
    "rapport": "Write the detail itself, e.g. “training for the Chicago marathon” or “we both "
    "grew up in Lyon”.",
    "samples": "Write what you would send, e.g. “the dashboard deck”, or paste a link to it.",
}


@dataclass(frozen=True)
class Point:
    """One item of one field, as a letter can use it.

    ``shape`` is "topic" (a noun phrase in ``topic``), "clause" (a whole
    clause in ``clause``, "you lit up when…"), "when" (a clause about the user,
    "I described…"), "that" (a clause to stress), "answer" (sentences the user
    wrote, in ``answer``, with the memo's topic if it has one), "sample", or
    "private" with the reason in ``private``.
    """

    field: str
    note: str
    shape: str
    topic: str = ""
    clause: str = ""
    answer: str = ""
    link: str = ""
    private: str = ""
    weight: int = 0

    @property
    def sendable(self) -> bool:
        return not self.private

    @property
    def hint(self) -> str:
        return HINTS.get(self.field, "")


def items(text: str) -> list[str]:
    """The separate points of a field: one a line, or separated by semicolons."""
    found = []
    for line in text.replace("\r", "\n").split("\n"):
        for piece in line.split(";"):
            part = _BULLET.sub("", piece).strip().strip(" .,:!")
            if part:
                found.append(" ".join(part.split()))
    return found


def read(notes: DebriefNotes | None) -> tuple[Point, ...]:
    """Every item of every field, read; private ones included so the page can say why."""
    if notes is None:
        return ()
    points: list[Point] = []
    for field in DebriefNotes.FIELDS:
        if field in MEMOS:
            continue
        text = getattr(notes, field)
        if field in ("concern_answer", "amended_answer"):
            memo = "concerns" if field == "concern_answer" else "answer_to_amend"
            # Punctuation alone ("." typed to clear a box) holds no item to answer with.
            if items(text):
                points.append(_answer(field, text, memo_topic(getattr(notes, memo))))
            continue
        points += [read_item(field, item) for item in items(text)]
    return tuple(points)


def memo_points(notes: DebriefNotes | None) -> tuple[Point, ...]:
    """The memos (a concern, an answer that went wrong) as private points, with why they stay private."""
    if notes is None:
        return ()
    found = []
    for memo, answer in MEMOS.items():
        for item in items(getattr(notes, memo)):
            why = (
                "stays private: only your answer below goes into a letter"
                if not getattr(notes, answer).strip()
                else "stays private; the letter uses your answer below"
            )
            found.append(Point(memo, item, "private", private=why))
    return tuple(found)


def read_item(field: str, note: str) -> Point:
    """One jotted item of ``field`` as a point, or as private with the reason."""
    problem = _problem(note, field)
    if problem:
        return Point(field, note, "private", private=problem)
    text = _tidy(note)
    if field == "samples":
        return _sample(note, text)
    tokens = grammar.words(text)
    shape, rest = _shape(tokens, text, field)
    weight = _WEIGHT.get(field, 0) + _specificity(text)
    if field == "liked":
        if shape == "topic":
            return Point(field, note, "topic", topic=rest, weight=weight)
        if shape in ("you", "vp"):
            return Point(field, note, "clause", clause=_you(rest, shape), weight=weight)
        if shape == "that":
            return Point(field, note, "when", clause=f"I mentioned {rest}", weight=weight)
        if shape == "adjective":
            return Point(field, note, "clause", clause=f"you seemed {rest}", weight=weight)
        if shape == "i":
            return Point(field, note, "when", clause=rest, weight=weight)
    elif field == "topics":
        if shape == "topic":
            return Point(field, note, "topic", topic=rest, weight=weight)
        if shape == "vp":
            topic = _topic_after_preposition(rest)
            if topic:
                return Point(field, note, "topic", topic=topic, weight=weight)
        if shape in ("you", "vp"):
            return Point(field, note, "clause", clause=_you(rest, shape), weight=weight)
    elif field == "to_stress":
        if shape == "that":
            return Point(field, note, "that", clause=rest[5:], weight=weight)
        if shape == "say":
            if rest.startswith("that "):
                return Point(field, note, "that", clause=rest[5:], weight=weight)
            if _shape(grammar.words(rest), rest, field)[0] == "topic":
                return Point(field, note, "topic", topic=rest, weight=weight)
        if shape == "do":
            return Point(field, note, "private", private=grammar.TO_DO)
        if shape == "topic":
            return Point(field, note, "topic", topic=rest, weight=weight)
        if shape == "i":
            return Point(field, note, "that", clause=rest, weight=weight)
        if shape == "ivp":
            return Point(field, note, "that", clause=f"I {rest}", weight=weight)
    elif field == "rapport":
        if shape == "topic":
            return Point(field, note, "topic", topic=rest, weight=weight)
        if shape in ("you", "vp"):
            return Point(field, note, "clause", clause=_you(rest, shape), weight=weight)
    if shape == "do":
        return Point(field, note, "private", private=grammar.TO_DO)
    return Point(field, note, "private", private="could not be read as a point for a letter")


def memo_topic(memo: str) -> str:
    """A topic a concern or an answer memo names, e.g. 'my notice period' from 'asked twice about
    my notice period'; "" when it names none clearly, or holds something private."""
    for item in items(memo):
        text = _tidy(item)
        question = re.search(r"\b((?:the|my|your|our)\s+[\w\s'’-]{1,40}?\s+question)\b", text, re.IGNORECASE)
        if question and not grammar.private_reason(question.group(1)):
            return _lower_first(question.group(1))
        if grammar.private_reason(item):
            continue
        tokens = grammar.words(text)
        shape, rest = _shape(tokens, text, "topics")
        if shape == "topic":
            return rest
        topic = _topic_after_preposition(text)
        if topic:
            return topic
    return ""


# -- reading one item ------------------------------------------------------------------


def _problem(note: str, field: str) -> str:
    why = grammar.private_reason(note)
    if why:
        return why
    if field != "samples" and _URL.search(note):
        return "holds a link; put links under work samples"
    found = grammar.shorthand(_URL.sub(" ", note))
    if found:
        return f"is written in shorthand ({', '.join(found)}); write it out in full"
    if len(grammar.words(note)) > MAX_WORDS:
        return f"is long for one point (over {MAX_WORDS} words); keep to one point"
    if re.search(r"\s[-–—]\s|\s[-–—]$|:\s+\S", _URL.sub(" ", note).strip()):
        return "reads as a memo in two parts; write it as one phrase"
    if "?" in note:
        return "is a question; write what the letter should say"
    return ""


def _tidy(note: str) -> str:
    """The item as a letter would show it: addressed to the interviewer, a lone 'i' as 'I'."""
    text = grammar.capitalise_names(addressed(note.strip()))
    return re.sub(r"\bi\b(?=$|[\s'’])", "I", text)


def _shape(tokens: list[str], text: str, field: str) -> tuple[str, str]:
    """(shape, text to use): topic, you, vp (subject left out), i, ivp (an answer's 'I' left out),
    that, adjective, say, do, or unclear."""
    if not tokens:
        return "unclear", text
    first = grammar.fold(tokens[0])
    second = grammar.fold(tokens[1]) if len(tokens) > 1 else ""
    answer_field = field in ("concern_answer", "amended_answer", "to_stress")
    if first in ("i",) or first.startswith(("i'", "i’")):
        return ("i", text) if _has_verb(tokens[1:]) or first != "i" else ("unclear", text)
    if first in grammar.SUBJECTS or first in grammar.SUBJECT_CONTRACTIONS:
        return ("you", _lower_first(text)) if first != "it" or second else ("unclear", text)
    if first == "that" and second in grammar.SUBJECTS:
        return "that", _lower_first(text)
    if first in grammar.WH_WORDS:
        return "topic", _lower_first(text)
    if grammar.is_gerund(first) and not _main_verb(tokens) and not _clause_after_comma(text):
        return "topic", _lower_first(text)
    if first in grammar.PREPOSITIONS and first not in ("to", "by"):
        rest = text.split(None, 1)[1] if len(tokens) > 1 else ""
        inner, value = _shape(grammar.words(rest), rest, field)
        return (inner, value) if inner == "topic" else ("unclear", text)
    if first in grammar.VERBS and (second in _OBJECT_STARTS or second in grammar.PARTICLES):
        rest = text.partition(" ")[2]
        if second in ("out", "up") and first in ("point", "bring"):
            rest = rest.split(None, 1)[1] if len(rest.split()) > 1 else ""
        return ("say" if first in grammar.SAYING_VERBS else "do"), _lower_first(rest)
    if first in grammar.STATE_ADJECTIVES and second in ("to", "on", "with", "about", "in", "that", "for"):
        return ("adjective", _lower_first(text)) if not answer_field else ("ivp", f"am {text}")
    if first in grammar.AUXILIARIES:
        return ("ivp" if answer_field else "vp"), _lower_first(text)
    if grammar.is_past(first) and (_verb_follows(second) or first in grammar.IRREGULAR_PAST):
        return ("ivp" if answer_field else "vp"), _lower_first(text)
    if grammar.plain_verb(first) and _verb_follows(second):
        return ("ivp" if answer_field else "vp"), _lower_first(text)
    if answer_field and first in grammar.VERBS and second not in ("", "and"):
        return ("ivp", _lower_first(text)) if field != "to_stress" else ("unclear", text)
    if first in _LEADING_ADVERBS:
        # "really liked my portfolio" leaves out its subject; "just back from leave" is no clause.
        if grammar.is_verb_form(second) or second in grammar.VERBS:
            return ("ivp" if answer_field else "vp"), _lower_first(text)
        return "unclear", text
    verb = _main_verb(tokens)
    if verb == "unclear" or _clause_after_comma(text):
        return "unclear", text
    if verb == "clause" and not grammar.is_gerund(first):
        return "you", _lower_first(text)
    return "topic", _and_list(_lower_first(text))


_LEADING_ADVERBS = grammar.ADVERBS - grammar.DETERMINERS - {"lot", "seemed"}

_OBJECT_STARTS = grammar.DETERMINERS | {
    "that",
    "how",
    "why",
    "what",
    "whether",
    "it",
    "them",
    "him",
    "me",
    "you",
}


def _verb_follows(word: str) -> bool:
    """Whether ``word`` can follow a verb, not a noun: 'asked twice', 'liked that', 'loved my portfolio'."""
    return (
        word in _OBJECT_STARTS
        or word in grammar.PARTICLES
        or word in grammar.PREPOSITIONS
        or word in grammar.ADVERBS
        or word in grammar.WH_WORDS
        or word in grammar.SUBJECTS
        or word in ("when", "as", "like", "me", "us")
        or grammar.is_gerund(word)
        or word in grammar.STATE_ADJECTIVES
        or word in ("impressed", "keen", "interested", "curious", "excited", "engaged")
    )


def _has_verb(tokens: list[str]) -> bool:
    return any(grammar.is_verb_form(t) or grammar.fold(t) in grammar.VERBS for t in tokens[:3]) or bool(
        tokens and grammar.fold(tokens[0]) in grammar.ADVERBS
    )


def _main_verb(tokens: list[str]) -> str:
    """ "clause" when a verb follows the first words ('the team loved the dashboard', 'your
    daughter just started at Stanford'), "" for a thing ('the dashboard I rebuilt'), and
    "unclear" when either reading is possible ('the model built for sales')."""
    if grammar.possessive_clause(tokens):
        return "clause"
    for index in range(1, len(tokens)):
        if tokens[index][:1].isupper():
            continue  # a name, or "May" the month
        word = grammar.fold(tokens[index])
        before = grammar.fold(tokens[index - 1])
        after = grammar.fold(tokens[index + 1]) if index + 1 < len(tokens) else ""
        if before in grammar.SUBJECTS or before in ("that", "which", "who", "to"):
            continue
        if word in grammar.AUXILIARIES - {"have", "do", "be", "been"}:
            return "clause"
        if not grammar.is_past(word) or before in grammar.DETERMINERS or after == "by":
            continue
        if before in grammar.ADVERBS or not after or after in _OBJECT_STARTS or after in grammar.ADVERBS:
            return "clause"
        return "unclear" if after in grammar.PREPOSITIONS or after in grammar.PARTICLES else "clause"
    return ""


def _clause_after_comma(text: str) -> bool:
    """'rebuilding the dashboard, refresh went from 2 hours to 10 minutes' is two points in one."""
    for part in text.split(",")[1:]:
        tokens = grammar.words(part)
        if tokens and (grammar.fold(tokens[0]) in grammar.SUBJECTS or _main_verb(tokens)):
            return True
    return False


def _and_list(topic: str) -> str:
    """'month-end close, automation' reads 'month-end close and automation' in a sentence."""
    parts = [p.strip() for p in topic.split(",")]
    if len(parts) < 2 or " and " in topic or any(len(p.split()) > 4 or not p for p in parts):
        return topic
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def _you(text: str, shape: str) -> str:
    """A clause about the interviewer: 'asked about X' becomes 'you asked about X', 'loves hiking' 'you love hiking'."""
    if shape != "vp":
        return text
    words = text.split(" ")
    at = 1 if len(words) > 1 and grammar.fold(words[0]) in _LEADING_ADVERBS else 0
    verb = grammar.fold(words[at])
    if verb in _WITH_YOU:
        words[at] = _WITH_YOU[verb]
    elif grammar.plain_verb(verb) and not grammar.is_past(verb):
        words[at] = grammar.plain_verb(verb)
    return "you " + " ".join(words).strip()


# The forms "you" takes where a note left out "he" or "she".
_WITH_YOU = {
    "was": "were",
    "wasn't": "weren't",
    "is": "are",
    "isn't": "aren't",
    "has": "have",
    "hasn't": "haven't",
    "does": "do",
    "doesn't": "don't",
}


def _topic_after_preposition(text: str) -> str:
    match = re.search(r"\b(?:about|on|into|around|regarding|with)\s+(.+)$", text, re.IGNORECASE)
    if not match:
        return ""
    rest = match.group(1)
    shape, value = _shape(grammar.words(rest), rest, "topics")
    return value if shape == "topic" else ""


def _answer(field: str, text: str, topic: str) -> Point:
    """The user's answer to a concern, or what they would say now: whole sentences for the letter."""
    sentences = []
    for jotted in items(text):
        item = _said_now(jotted.strip())
        problem = _problem(item, field)
        if problem:
            return Point(field, text.strip(), "private", private=f"“{item}” {problem}")
        tidy = _tidy(item)
        shape, rest = _shape(grammar.words(tidy), tidy, field)
        if shape == "i":
            sentences.append(rest)
        elif shape == "ivp":
            sentences.append(f"I {rest}")
        elif shape in ("you", "that"):
            sentences.append(rest)
        else:
            return Point(
                field, text.strip(), "private", private=f"“{item}” is not a sentence the letter can use"
            )
    sentences = [_sentence(s) for s in sentences]
    weight = _WEIGHT[field] + _specificity(text)
    first = _lower_first(sentences[0][:-1])
    return Point(
        field,
        text.strip(),
        "answer",
        topic=topic,
        clause=first,
        answer=" ".join(sentences),
        weight=weight,
    )


# "I'd add that…", "I would say…": the letter's own frame says that already.
_SAYING_OPENER = re.compile(
    r"^I(?:'d|’d| would| should| will| want to| wanted to| can)?\s+(?:also\s+)?(?:like to\s+)?"
    r"(?:add|say|mention|clarify|stress|point out|explain)\b\s*(?:that\b\s*|,\s*|:\s*)?",
    re.IGNORECASE,
)


def _said_now(text: str) -> str:
    rest = _SAYING_OPENER.sub("", text, count=1)
    return rest if rest.strip() and rest != text else text


def _sample(note: str, text: str) -> Point:
    link = _URL.search(text)
    if link:
        described = _URL.sub(" ", text).strip(" :-–—,")
        shape, topic = _shape(grammar.words(described), described, "samples") if described else ("topic", "")
        return Point("samples", note, "sample", topic=topic if shape == "topic" else "", link=link.group())
    shape, topic = _shape(grammar.words(text), text, "samples")
    if shape != "topic":
        return Point("samples", note, "private", private="could not be read as something to send")
    return Point("samples", note, "sample", topic=topic)


def _specificity(text: str) -> int:
    """How specific an item is: its content words, numbers and names."""
    tokens = grammar.words(text)
    content = [t for t in tokens if grammar.fold(t) not in _STOP and len(t) > 2]
    numbers = any(ch.isdigit() for ch in text)
    names = sum(1 for t in tokens[1:] if t[:1].isupper() and t.lower() != "i")
    return min(len(content), 8) + 2 * numbers + min(names, 2)


_LOWER = grammar.DETERMINERS | grammar.PREPOSITIONS | grammar.WH_WORDS | {"that", "we", "you", "it", "they"}


def _lower_first(text: str) -> str:
    first, _, rest = text.partition(" ")
    if grammar.fold(first) in _LOWER or first.lower() in grammar.SUBJECT_CONTRACTIONS - {
        "i'm",
        "i've",
        "i'd",
        "i'll",
    }:
        return (first.lower() + (" " + rest if rest else "")).strip()
    if first[:1].isupper() and first[1:].islower() and (grammar.is_past(first) or grammar.is_gerund(first)):
        return (first.lower() + (" " + rest if rest else "")).strip()
    if first[:1].isupper() and first[1:].islower() and grammar.fold(first) in grammar.VERBS:
        return (first.lower() + (" " + rest if rest else "")).strip()
    return text


def _sentence(text: str) -> str:
    text = text.strip().rstrip(".!,;:")
    return text[:1].upper() + text[1:] + "."


# -- what a point becomes ------------------------------------------------------------


def sentence(point: Point, seat: int) -> str:
    """The sentence a thank-you letter says for ``point``; seats on a panel get different wordings."""
    frames = wordings.POINTS.get(point.field, {})
    if point.shape == "answer":
        kind = "topic" if point.topic else "none"
        more = point.answer[len(point.clause) + 1 :].strip() if point.field == "amended_answer" else ""
        values = {"topic": point.topic, "clause": point.clause, "answer": point.answer, "more": more}
        return fill_template(_pick(frames[kind], seat), values)
    if point.shape in ("topic", "clause", "when", "that") and point.shape in frames:
        return fill_template(_pick(frames[point.shape], seat), {"topic": point.topic, "clause": point.clause})
    return ""


def recall(point: Point, seat: int) -> str:
    """A sentence for a later letter (after an offer, a no, or weeks of silence) that recalls ``point``."""
    if point.topic and point.field in ("liked", "topics", "rapport", "to_stress"):
        return fill_template(_pick(wordings.RECALL, seat), {"topic": point.topic})
    if point.shape == "clause":
        return sentence(point, seat)
    return ""


def sample_sentence(point: Point, seat: int) -> str:
    """What the letter says about a work sample: an offer to send it, or its link. Never "attached"."""
    if point.link:
        frames = wordings.SAMPLE_LINK if point.topic else wordings.SAMPLE_LINK_ONLY
        return fill_template(_pick(frames, seat), {"topic": point.topic, "link": point.link})
    return fill_template(_pick(wordings.SAMPLE_OFFER, seat), {"topic": point.topic})


def _pick(options: tuple[str, ...], seat: int) -> str:
    return options[seat % len(options)]
