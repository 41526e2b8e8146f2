"""The little English the letters need: word classes, verb forms and private words.

Debrief notes are jotted in every shape ("lit up when I described…", "she's
a runner", "look up their ERP; stress my SAP work"). Reading them, and
checking a finished letter for a note that sits in a frame it does not fit,
both come down to a few questions about a word: is it a pronoun, a
determiner, a preposition, a verb (and in which form)? The lists here answer
them for the words people use in such notes. They are deliberately closed:
a word they do not know is treated as a noun, and the readers that use them
keep a note private whenever its shape is unclear.
"""

from __future__ import annotations

import re

WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’\-]*")

SUBJECTS = frozenset({"i", "we", "you", "he", "she", "they", "it"})
SUBJECT_CONTRACTIONS = frozenset(
    {"i'm", "i've", "i'd", "i'll", "we're", "we've", "we'd", "we'll", "you're", "you've", "you'd",
     "you'll", "he's", "she's", "it's", "they're", "they've", "they'd", "they'll", "he'd", "she'd"}
)  # fmt: skip
DETERMINERS = frozenset(
    {"the", "a", "an", "my", "our", "your", "his", "her", "their", "its", "this", "these", "those",
     "some", "any", "every", "each", "all", "both", "no", "one", "two", "three", "four", "five",
     "several", "many", "much", "more", "most", "another", "other", "such", "same", "few", "last",
     "next", "first", "new", "old"}
)  # fmt: skip
PREPOSITIONS = frozenset(
    {"about", "on", "of", "in", "into", "with", "for", "around", "regarding", "re", "over", "at",
     "from", "to", "by", "towards", "toward", "after", "before", "during", "without", "between"}
)  # fmt: skip
WH_WORDS = frozenset({"how", "why", "what", "whether", "when", "where", "which", "who", "if"})
PARTICLES = frozenset({"up", "out", "back", "down", "off", "over", "away", "in", "on", "through"})
ADVERBS = frozenset(
    {"twice", "again", "really", "very", "also", "just", "always", "never", "often", "still",
     "already", "actually", "only", "clearly", "definitely", "immediately", "quickly", "especially",
     "both", "all", "a", "lot", "much", "even", "repeatedly", "visibly", "genuinely", "seemed"}
)  # fmt: skip
AUXILIARIES = frozenset(
    {"is", "are", "was", "were", "am", "be", "been", "has", "have", "had", "do", "does", "did",
     "can", "could", "will", "would", "should", "may", "might", "must", "isn't", "aren't",
     "wasn't", "weren't", "hasn't", "haven't", "hadn't", "don't", "doesn't", "didn't", "can't",
     "couldn't", "won't", "wouldn't", "shouldn't"}
)  # fmt: skip

# Verbs people start a jotted note with, in their plain form. They decide
# whether "stress my SAP work" is an instruction and "loves hiking" a verb.
VERBS = frozenset(
    {"ask", "answer", "appreciate", "add", "bring", "build", "call", "care", "check", "clarify",
     "coach", "collect", "come", "cook", "cover", "cycle", "describe", "discuss", "dig", "drill",
     "email", "emphasise", "emphasize", "enjoy", "explain", "explore", "find", "focus", "follow",
     "get", "give", "go", "google", "grill", "grow", "have", "hate", "highlight", "hike", "include",
     "keep", "know", "lead", "learn", "like", "live", "look", "love", "mention", "need", "note",
     "paint", "play", "point", "practise", "practice", "prepare", "press", "probe", "push", "quiz",
     "rave", "read", "reiterate", "remind", "repeat", "research", "review", "ride", "run", "say",
     "see", "seem", "send", "share", "show", "sing", "speak", "spend", "stress", "support", "swim",
     "talk", "teach", "tell", "think", "train", "travel", "underline", "update", "value",
     "volunteer", "want", "watch", "work", "worry", "write"}
)  # fmt: skip
# Of those, the ones that say what to put across: "stress my SAP work" is a
# point for the letter; any other instruction ("look up their ERP") is a to-do.
SAYING_VERBS = frozenset(
    {"stress", "mention", "emphasise", "emphasize", "highlight", "underline", "reiterate",
     "repeat", "explain", "clarify", "show", "point", "bring", "share", "add", "tell"}
)  # fmt: skip
IRREGULAR_PAST = frozenset(
    {"began", "brought", "built", "came", "caught", "chose", "did", "drew", "felt", "forgot",
     "found", "gave", "got", "grew", "had", "heard", "held", "kept", "knew", "led", "left", "lit",
     "made", "meant", "met", "paid", "ran", "read", "said", "sat", "saw", "sent", "showed", "shown",
     "sold", "spent", "spoke", "stood", "struck", "taught", "thought", "told", "took", "understood",
     "undersold", "was", "went", "were", "won", "wrote"}
)  # fmt: skip
# Words ending in -ed that are not verbs.
_NOT_PAST = frozenset({"need", "speed", "feed", "seed", "bed", "red", "shed", "hundred", "sacred", "naked"})
# Words ending in -ing that name a thing rather than an action.
_NOT_GERUND = frozenset(
    {"thing", "something", "anything", "nothing", "everything", "morning", "evening", "ceiling",
     "string", "king", "ring", "spring", "wing", "sibling", "during", "bring", "sing", "swing"}
)  # fmt: skip
# Adjectives a jotted answer starts with: "happy to do a trial project" is "I am happy to…".
STATE_ADJECTIVES = frozenset(
    {"happy", "glad", "keen", "able", "willing", "comfortable", "confident", "eager", "ready",
     "available", "open", "excited", "experienced", "familiar", "fluent", "flexible", "used"}
)  # fmt: skip

POSSESSIVES = frozenset({"my", "your", "his", "her", "their", "our"})

# Names jotted in lower case that a letter spells with a capital. "May" and
# "March" are words of their own too, so they are capitalised only after a word
# that announces a date ("in may", "by march").
PROPER = {
    word: word.capitalize()
    for word in [
        "january",
        "february",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "english",
        "spanish",
        "french",
        "german",
        "italian",
        "portuguese",
        "dutch",
        "polish",
        "russian",
        "ukrainian",
        "arabic",
        "hebrew",
        "hindi",
        "urdu",
        "bengali",
        "punjabi",
        "mandarin",
        "cantonese",
        "chinese",
        "japanese",
        "korean",
        "vietnamese",
        "turkish",
        "greek",
        "swedish",
        "norwegian",
        "danish",
        "finnish",
        "czech",
        "hungarian",
        "romanian",
        "tagalog",
        "swahili",
    ]
}
_DATE_WORDS = r"(?:in|by|since|until|till|from|early|mid|late|end of|start of|next|last|this)"
_MAY_MARCH = re.compile(rf"\b({_DATE_WORDS})\s+(may|march)\b")
_PROPER = re.compile(r"\b(" + "|".join(PROPER) + r")\b")


def capitalise_names(text: str) -> str:
    """Months, weekdays and languages with their capital: 'in april' -> 'in April'."""
    text = _PROPER.sub(lambda m: PROPER[m.group(1)], text)
    return _MAY_MARCH.sub(lambda m: f"{m.group(1)} {m.group(2).capitalize()}", text)


# Shorthand that reads as a memo, not a letter.
SHORTHAND = frozenset(
    {"w/", "w/o", "b/c", "bc", "yrs", "yr", "mos", "pls", "thx", "tbh", "imo", "btw", "lol",
     "asap", "fyi", "etc", "eg", "ie", "re:", "->", "=>", "??", "!!", "idk", "def", "prob",
     "govt", "mgr", "mgmt", "exp"}
)  # fmt: skip

# What never belongs in a letter written from notes, with the reason shown to
# the user. Each pattern is matched on whole words, case-insensitively. To-dos
# keep a note private, but in a finished letter "find out" is just English.
TO_DO = "is a to-do for you"
PRIVATE = (
    (
        (
            r"salary|salaries|pay|paid|compensation|comp|bonus|equity|stock options?|raise|lowball\w*"
            r"|negotiat\w*|\$\s?\d[\d,.]*\s?k?|per hour|day rate"
        ),
        "mentions pay; that waits until there is an offer",
    ),
    (
        (
            r"blank(?:ed)?|froze|freeze|fumbled?|messed up|screwed up|bombed|rambled?|stumbled|stuttered"
            r"|nervous|awkward|stupid|dumb|embarrass\w*|undersold|forgot|should have|shouldn't have"
            r"|didn't mention|did not mention|failed to|got (?:it )?wrong|misspoke|badly"
        ),
        "is about how an answer went; write what you would say now instead",
    ),
    (
        (
            r"look up|check out|find out|read up|todo|to-do|to-do list|to do list"
            r"|remember to|don't forget|note to self|follow up with"
        ),
        TO_DO,
    ),
    (
        (
            r"sensed|vibe|red flags?|unconvinced|not convinced|skeptical|sceptical|didn't like|did not like"
            r"|hated?|annoy\w*|bored|rude|distracted|dismissive|arrogant|weird"
        ),
        "is your impression, not something to write to them",
    ),
    (
        (
            r"other offers?|another offer|other interviews?|competing|desperate|need the money"
            r"|divorce\w*|pregnan\w*|illness|funeral|diagnos\w*|religio\w*|politic\w*"
        ),
        "is private",
    ),
    (r"confidential|internal only|under nda|nda|proprietary|client data", "is confidential"),
)
_PRIVATE = tuple(
    (re.compile(rf"(?<![\w$])(?:{pattern})(?!\w)", re.IGNORECASE), why) for pattern, why in PRIVATE
)


def words(text: str) -> list[str]:
    return WORD.findall(text)


def fold(word: str) -> str:
    return word.lower().replace("’", "'")


def private_reason(text: str) -> str:
    """Why `text` must stay out of a letter, or "" when nothing private was found."""
    for pattern, why in _PRIVATE:
        if pattern.search(text):
            return why
    return ""


def private_words(text: str) -> list[str]:
    """Every word or phrase in `text` that a letter should not say, as written."""
    return [m.group() for pattern, why in _PRIVATE if why != TO_DO for m in pattern.finditer(text)]


def shorthand(text: str) -> list[str]:
    found = []
    for token in re.findall(r"\S+", text):
        bare = token.lower().strip(".,;:()\"'")
        if bare in SHORTHAND or token in ("->", "=>", "??", "!!") or bare.endswith("/"):
            found.append(token.strip(".,;:()\"'"))
    return found


def is_past(word: str) -> bool:
    """A past-tense or past-participle form: 'asked', 'lit', 'undersold'."""
    lower = fold(word)
    if lower in IRREGULAR_PAST:
        return True
    return lower.endswith("ed") and len(lower) > 4 and lower not in _NOT_PAST


def is_gerund(word: str) -> bool:
    lower = fold(word)
    return lower.endswith("ing") and len(lower) > 5 and lower not in _NOT_GERUND


def plain_verb(word: str) -> str | None:
    """The plain form when `word` is a known verb in its -s form ('loves' -> 'love'), else None."""
    lower = fold(word)
    irregular = {"has": "have", "does": "do", "is": "are", "goes": "go"}
    if lower in irregular:
        return irregular[lower]
    for suffix, replacement in (("ies", "y"), ("es", ""), ("s", "")):
        if lower.endswith(suffix) and lower[: -len(suffix)] + replacement in VERBS:
            return lower[: -len(suffix)] + replacement
    return None


def is_verb_form(word: str) -> bool:
    """Any finite form of a verb the lists know, or an auxiliary."""
    lower = fold(word)
    return lower in AUXILIARIES or is_past(lower) or plain_verb(lower) is not None


def possessive_clause(tokens: list[str]) -> bool:
    """Whether the words start with a possessive, a noun and that noun's own verb: 'his kids play
    hockey', 'her son runs marathons' are clauses about someone, not things to talk about."""
    if len(tokens) < 3 or fold(tokens[0]) not in POSSESSIVES or tokens[2][:1].isupper():
        return False
    noun, verb = fold(tokens[1]), fold(tokens[2])
    if noun in DETERMINERS or noun in PREPOSITIONS or noun in AUXILIARIES or verb in AUXILIARIES:
        return False
    if noun.endswith("s") and not noun.endswith("ss"):
        return verb in VERBS
    return plain_verb(verb) is not None
