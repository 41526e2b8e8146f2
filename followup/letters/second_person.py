"""Turn a note written about an interviewer into words addressed to them.

Debrief notes are jotted in the third person ("she is training for the Chicago
marathon", "his team's reporting backlog"), but the letter built from them
speaks to that person. Only the pronouns and the verb right after a subject
pronoun change; anything else is left exactly as the user wrote it.
"""

from __future__ import annotations

import re

_SUBJECTS = {"she", "he", "they"}
_OBJECTS = {"him": "you", "them": "you"}
_POSSESSIVES = {"their": "your", "hers": "yours", "theirs": "yours"}
_REFLEXIVES = {"herself": "yourself", "himself": "yourself", "themselves": "yourself", "themself": "yourself"}
_CONTRACTIONS = {
    "she's": "you're",
    "he's": "you're",
    "they're": "you're",
    "she'd": "you'd",
    "he'd": "you'd",
    "she'll": "you'll",
    "he'll": "you'll",
    "they'll": "you'll",
    "they've": "you've",
}
_IRREGULAR = {
    "is": "are",
    "was": "were",
    "has": "have",
    "does": "do",
    "doesn't": "don't",
    "isn't": "aren't",
    "wasn't": "weren't",
    "hasn't": "haven't",
}
# After these, "her" is the object ("I told her about"), not the possessive ("her team").
_NOT_A_NOUN = {
    "about",
    "after",
    "and",
    "as",
    "at",
    "before",
    "but",
    "by",
    "for",
    "from",
    "if",
    "in",
    "into",
    "of",
    "on",
    "or",
    "so",
    "than",
    "that",
    "the",
    "to",
    "when",
    "while",
    "with",
    "a",
    "an",
    "how",
    "what",
    "why",
    "again",
    "too",
    "more",
    "very",
    "really",
    "back",
    "up",
    "out",
    "down",
    "over",
}
# Words ending in -s that are not third-person verbs; left alone after "she"/"he".
_NOT_A_VERB = {"always", "also", "perhaps", "sometimes", "was", "is", "has", "does", "thus", "bus", "gas"}

_TOKEN = re.compile(r"[A-Za-z][A-Za-z']*|[^A-Za-z]+")


def _like(word: str, model: str) -> str:
    """`word` with the capital of `model`'s first letter, if it had one."""
    return word[0].upper() + word[1:] if model[:1].isupper() else word


def _plain_verb(word: str) -> str:
    """'loves' -> 'love', 'watches' -> 'watch', 'tries' -> 'try'; anything else unchanged."""
    lower = word.lower()
    if lower in _IRREGULAR:
        return _like(_IRREGULAR[lower], word)
    if (
        lower in _NOT_A_VERB
        or not lower.endswith("s")
        or lower.endswith(("ss", "us", "is"))
        or len(lower) < 4
    ):
        return word
    if lower.endswith("ies"):
        return word[:-3] + "y"
    if lower.endswith(("ches", "shes", "sses", "xes", "zes", "oes")):
        return word[:-2]
    return word[:-1]


def addressed(note: str) -> str:
    """The note with the interviewer as "you": 'she loves her dog' -> 'you love your dog'."""
    tokens = _TOKEN.findall(note)
    words = [i for i, t in enumerate(tokens) if t[0].isalpha()]
    out = list(tokens)
    for position, index in enumerate(words):
        token = tokens[index]
        lower = token.lower()
        following = tokens[words[position + 1]] if position + 1 < len(words) else ""
        gap = "".join(tokens[index + 1 : words[position + 1]]) if following else ""
        joined = following and gap.strip() == ""  # the next word is in the same clause
        if lower in _SUBJECTS:
            out[index] = _like("you", token)
            if joined and (lower != "they"):
                out[words[position + 1]] = _plain_verb(following)
        elif lower in _CONTRACTIONS:
            out[index] = _like(_CONTRACTIONS[lower], token)
        elif lower in _OBJECTS:
            out[index] = _like(_OBJECTS[lower], token)
        elif lower in _POSSESSIVES:
            out[index] = _like(_POSSESSIVES[lower], token)
        elif lower in _REFLEXIVES:
            out[index] = _like(_REFLEXIVES[lower], token)
        elif lower == "his":
            out[index] = _like("your" if joined and following.lower() not in _NOT_A_NOUN else "yours", token)
        elif lower == "her":
            out[index] = _like("your" if joined and following.lower() not in _NOT_A_NOUN else "you", token)
    return "".join(out)
