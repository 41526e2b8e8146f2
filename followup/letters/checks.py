"""Checks shown beside each letter before it is sent.

Two families: *personal* (does the letter use what this interviewer said, and
is it too close to a letter another panel member got: seed 003 warns they may
compare) and *proofreading* (spelling, a note that does not fit the sentence
around it, a private note or one pasted without being rewritten, an
attachment claimed but not attached, leftover placeholders, the wrong name in
the greeting, the company's name written differently, a missing sign-off, a
length far from the usual for its kind).

The spell checker's dictionary is loaded once per process and only ever read;
the words each visitor adds (names, company, their own dictionary) stay in a
per-call set, so no visitor's words leak into another's check.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal

from spellchecker import SpellChecker

from followup.letters import capture, grammar
from followup.letters.compose import KIND_LABELS, SCRIPT_KINDS
from followup.model import Application, DebriefNotes, Interviewer, LetterKind, Settings

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class Finding:
    check: str
    severity: Severity
    message: str
    matches: tuple[str, ...] = ()


@dataclass(frozen=True)
class OtherLetter:
    """Another letter of the same interview, to compare this one against."""

    recipient_name: str
    body: str


@dataclass(frozen=True)
class Overlap:
    """How much two letters share: ``score`` is the larger of the two shares of
    words that sit inside passages both letters contain."""

    score: float
    passages: tuple[str, ...]


# Usual length in words. Thank-you emails follow the common advice of one
# short screen; a voicemail should fit in about half a minute of speech.
LENGTH_NORMS: dict[LetterKind, tuple[int, int]] = {
    LetterKind.THANK_YOU_EMAIL: (100, 300),
    LetterKind.HANDWRITTEN_NOTE: (30, 150),
    LetterKind.STATUS_INQUIRY: (50, 200),
    LetterKind.CALL_SCRIPT: (30, 200),
    LetterKind.VOICEMAIL_SCRIPT: (25, 100),
    LetterKind.WITHDRAWAL: (40, 200),
    LetterKind.THANKS_FOR_CONSIDERATION: (50, 250),
    LetterKind.STAY_IN_TOUCH: (40, 200),
    LetterKind.OFFER_THANKS: (40, 200),
}
PERSONAL_KINDS = frozenset(
    {LetterKind.THANK_YOU_EMAIL, LetterKind.HANDWRITTEN_NOTE, LetterKind.STAY_IN_TOUCH}
)
NEAR_DUPLICATE = 0.5
# Five words in a row is where shared wording stops being chance phrasing.
_SHINGLE = 5

_STOP_WORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "even",
        "ever",
        "every",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "let",
        "me",
        "more",
        "most",
        "much",
        "must",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "us",
        "very",
        "was",
        "way",
        "we",
        "well",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
    ]
)
# Words every follow-up letter contains: sharing them with the notes says
# nothing about whether the letter is personal.
_GENERIC_WORDS = frozenset(
    [
        "thank",
        "thanks",
        "time",
        "meet",
        "meeting",
        "met",
        "interview",
        "interviewed",
        "role",
        "position",
        "job",
        "company",
        "team",
        "work",
        "opportunity",
        "experience",
        "conversation",
        "talk",
        "talked",
        "discuss",
        "discussed",
        "discussion",
        "chat",
        "hear",
        "look",
        "forward",
        "interest",
        "interested",
        "glad",
        "enjoy",
        "enjoyed",
        "really",
        "great",
        "good",
        "new",
        "like",
        "liked",
        "one",
        "thing",
        "things",
        "think",
        "thought",
        "want",
        "wanted",
        "make",
        "made",
        "know",
        "sure",
        "hope",
    ]
)
# Common in letters about a job search yet missing from the general dictionary.
_JOB_WORDS = frozenset(
    [
        "analytics",
        "onboarding",
        "linkedin",
        "résumé",
        "resumé",
        "cv",
        "cvs",
        "email",
        "emails",
        "dashboards",
        "hybrid",
        "upskilling",
        "stakeholder",
        "stakeholders",
        "fintech",
        "saas",
        "devops",
        "frontend",
        "backend",
        "fullstack",
        "workflow",
        "workflows",
        "voicemail",
    ]
)
_HONORIFICS = frozenset({"dr", "prof", "professor", "mr", "mrs", "ms", "mx", "miss", "sir", "madam"})
_GROUP_WORDS = frozenset(
    [
        "team",
        "hiring",
        "committee",
        "panel",
        "manager",
        "managers",
        "all",
        "everyone",
        "there",
        "folks",
        "colleagues",
        "recruiting",
        "recruiter",
        "recruitment",
        "people",
        "whom",
        "it",
        "may",
        "concern",
        "and",
    ]
)
_LEGAL_SUFFIXES = frozenset(
    [
        "inc",
        "corp",
        "corporation",
        "co",
        "company",
        "llc",
        "ltd",
        "limited",
        "plc",
        "gmbh",
        "ag",
        "sa",
        "bv",
        "nv",
        "pty",
        "lp",
        "llp",
    ]
)
_CLOSINGS = (
    "sincerely", "yours sincerely", "sincerely yours", "yours truly", "yours faithfully",
    "regards", "best regards", "kind regards", "warm regards", "warmest regards",
    "with regards", "best", "all the best", "best wishes", "with best wishes", "thanks",
    "thank you", "many thanks", "thanks again", "thank you again", "with thanks",
    "with gratitude", "gratefully", "with appreciation", "respectfully", "cheers",
    "take care", "warmly", "cordially",
)  # fmt: skip

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|co|dev)\b\S*")
_WORD = re.compile(r"(?<![\w'’])[^\W\d_]+(?:['’][^\W\d_]+)*(?![\w])")
_PLACEHOLDERS = re.compile(
    r"\[[^\]\n]{0,40}\]"  # [Name]
    r"|\{[^}\n]{0,40}\}"  # {company}
    r"|\$\{?[A-Za-z_]\w*\}?"  # $name, ${name}
    r"|<<[^>\n]{0,40}>>"  # <<date>>
    r"|<[A-Z][A-Z _]{1,30}>"  # <NAME>
    r"|_{3,}"  # a blank to fill in
    r"|\b(?:X{3,}|x{3,}|TODO|TBD|FIXME)\b"
)
_GREETING = re.compile(
    r"^\s*(?:dear|hi|hello|hey|greetings|good (?:morning|afternoon|evening))\s+(?P<name>[^,:;!\n]+)",
    re.IGNORECASE,
)
_BRITISH = (
    ("isation", "ization"), ("ise", "ize"), ("ised", "ized"), ("ising", "izing"),
    ("yse", "yze"), ("ysed", "yzed"), ("our", "or"), ("ours", "ors"), ("tre", "ter"),
    ("tres", "ters"), ("lled", "led"), ("lling", "ling"), ("ence", "ense"), ("ogue", "og"),
)  # fmt: skip


@cache
def spell_checker() -> SpellChecker:
    """The shared English dictionary. Read it, never add to it: it serves every visitor."""
    return SpellChecker(language="en")


def proofread(
    kind: LetterKind,
    body: str,
    *,
    subject: str = "",
    application: Application,
    interviewer: Interviewer | None = None,
    notes: DebriefNotes | None = None,
    settings: Settings | None = None,
    others: Sequence[OtherLetter] = (),
    attachments: Sequence[str] = (),
) -> list[Finding]:
    """Every check for one letter, errors first.

    ``others`` are the other letters of the same interview (to other panel
    members, or this person's email when checking their handwritten note);
    ``attachments`` the names of the files the email draft carries.
    """
    settings = settings or Settings()
    name = interviewer.name if interviewer else ""
    text = f"{subject}\n\n{body}" if subject.strip() else body
    panel_names = [o.recipient_name for o in others if o.recipient_name]
    known = known_words(application, [name, *panel_names], settings)
    findings = [
        *check_placeholders(text),
        *check_greeting(body, name, panel_names, application.company),
        *check_company_name(text, application.company),
        *check_spelling(text, known),
        *check_seams(body),
        *check_private(text, kind),
        *check_pasted_notes(body, notes),
        *check_length(kind, body),
    ]
    if kind is not LetterKind.HANDWRITTEN_NOTE and kind not in SCRIPT_KINDS:
        findings += check_attachments(body, attachments)
    if kind in PERSONAL_KINDS:
        ignore = [application.company, application.role, name, settings.signature]
        findings += check_personal(body, notes, ignore=ignore)
    # Scripts are spoken, so nobody can set two of them side by side.
    if kind not in SCRIPT_KINDS:
        findings += check_sign_off(body, settings.signature)
        findings += check_near_duplicates(body, name, others)
    order = {"error": 0, "warning": 1, "info": 2}
    return sorted(findings, key=lambda f: order[f.severity])


def known_words(application: Application, names: Iterable[str], settings: Settings) -> frozenset[str]:
    """Words to accept for this letter: people, company, role, the user's own list."""
    sources = [application.company, application.role, settings.signature, *names]
    sources += settings.user_dictionary
    return frozenset(_fold(w) for source in sources for w in _words(source))


# "that" after these words opens a clause, which needs its own subject ("glad that you…").
_THAT_OPENERS = frozenset(
    {"glad", "see", "saw", "sure", "hope", "know", "noticed", "notice", "pleased", "happy", "confident",
     "add", "say", "stress", "believe", "learn", "hear", "heard", "out", "encouraging", "lot", "is",
     "underline", "discover", "meant", "good", "lovely", "fun", "interested", "helpful"}
)  # fmt: skip
_NOT_AFTER_PREPOSITION = frozenset({"i", "we", "he", "she", "they"}) | grammar.SUBJECT_CONTRACTIONS
_TAKE_NOUNS = frozenset({"about", "of", "in", "on", "with", "for", "into", "from", "regarding"})
_ATTACHED = re.compile(
    r"\b(?:attached|attaching|attachment|attachments|enclosed|enclosing|I have included|I've included"
    r"|included (?:with|in) this (?:email|message))\b",
    re.IGNORECASE,
)


def check_seams(body: str) -> list[Finding]:
    """Places where a note does not fit the sentence around it: a pronoun or a verb right after
    "about", "in" or "of" ("a concern about I have…", "your interest in liked…"), a verb with no
    subject after "that" ("glad to see that lit up…"), an instruction after "is" ("is stress my…")."""
    found: list[str] = []
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", body):
        tokens = grammar.words(sentence)
        folded = [grammar.fold(t) for t in tokens]
        for i in range(len(tokens) - 1):
            word, following = folded[i], folded[i + 1]
            after = folded[i + 2] if i + 2 < len(tokens) else ""
            seam = False
            if word in _TAKE_NOUNS:
                seam = (
                    following in _NOT_AFTER_PREPOSITION
                    or (_acts_as_verb(following, after) and not tokens[i + 1][:1].isupper())
                    or grammar.possessive_clause(tokens[i + 1 : i + 4])  # "about your kids play…"
                )
            elif word == "that" and i > 0 and folded[i - 1] in _THAT_OPENERS:
                seam = _acts_as_verb(following, after) and following not in grammar.AUXILIARIES
            elif word in ("is", "was", "are", "were"):
                seam = following in grammar.VERBS and after in grammar.DETERMINERS - {"one", "two", "last"}
            if seam:
                found.append(" ".join(tokens[max(0, i - 2) : i + 3]))
    return [
        Finding(
            "seam",
            "error",
            f"“…{passage}…” does not read as a sentence: a note may not fit the words around it. "
            "Rewrite the sentence, or the note on the Debrief page.",
            (passage,),
        )
        for passage in dict.fromkeys(found)
    ]


def _acts_as_verb(word: str, after: str) -> bool:
    """A past or present verb form used as one: 'asked twice', 'lit up', 'liked that', 'loves hiking'."""
    if grammar.is_past(word) and word not in ("used", "added", "advanced", "automated", "detailed"):
        return (
            after in grammar.PARTICLES
            or after in grammar.ADVERBS
            or after in ("that", "when", "my", "me", "how")
        )
    if grammar.plain_verb(word) and word not in grammar.AUXILIARIES:
        return grammar.is_gerund(after) or after in ("my", "me", "that")
    return word in grammar.VERBS and after in ("my", "me", "their", "his", "her")


def check_private(text: str, kind: LetterKind) -> list[Finding]:
    """Words that belong in a private memo, not in a letter: pay, how an answer went, to-dos, impressions."""
    if kind in SCRIPT_KINDS:
        return []
    findings = []
    for word in dict.fromkeys(grammar.private_words(text)):
        why = grammar.private_reason(word)
        if kind is LetterKind.OFFER_THANKS and why.startswith("mentions pay"):
            continue
        findings.append(
            Finding("private", "warning", f"“{word}” {why}: is that meant for them to read?", (word,))
        )
    return findings


def check_pasted_notes(body: str, notes: DebriefNotes | None) -> list[Finding]:
    """A note that stays private (or that no letter could use as written) pasted into the letter word for word."""
    if notes is None:
        return []
    folded = " ".join(body.lower().split())
    findings = []
    topics = {capture.memo_topic(getattr(notes, memo)).lower() for memo in capture.MEMOS}
    for point in (*capture.read(notes), *capture.memo_points(notes)):
        if point.sendable or len(point.note.split()) < 4 or point.note.lower() in topics:
            continue
        if " ".join(point.note.lower().split()) in folded:
            findings.append(
                Finding(
                    "pasted_note",
                    "error",
                    f"Your note “{point.note}” is here word for word, but it {point.private}. "
                    "Rewrite it as the letter should say it.",
                    (point.note,),
                )
            )
    return findings


def check_attachments(body: str, attachments: Sequence[str]) -> list[Finding]:
    """An attachment is only claimed when the email draft carries one."""
    claims = [m.group() for m in _ATTACHED.finditer(body)]
    if claims and not attachments:
        return [
            Finding(
                "attachment",
                "error",
                f"The letter says “{claims[0]}”, but nothing is attached. Add the file beside the letter "
                "(the email draft carries it), or offer to send it instead.",
                (claims[0],),
            )
        ]
    if attachments and not claims:
        names = ", ".join(attachments)
        return [
            Finding(
                "attachment",
                "info",
                f"The email draft (.eml) carries {names}; you may want to say so in the letter.",
                tuple(attachments),
            )
        ]
    return []


def check_spelling(text: str, known: Iterable[str] = ()) -> list[Finding]:
    """Words the dictionary does not know.

    Lowercase unknowns are likely typos (a warning, with a suggestion); a
    capitalised unknown in mid-sentence is more likely a name or a product,
    so it is only pointed out (info).
    """
    known = frozenset(_fold(w) for w in known)
    clean = _URL.sub(" ", _EMAIL.sub(" ", text))
    speller = spell_checker()
    candidates: dict[str, tuple[str, bool]] = {}
    for match in _WORD.finditer(clean):
        word = _strip_possessive(match.group().replace("’", "'"))
        key = word.lower()
        if len(word) < 2 or word.isupper() or key in candidates:
            continue
        if _fold(word) in known or key in _JOB_WORDS:
            continue
        candidates[key] = (word, word[0].isupper() and not _starts_sentence(clean, match.start()))
    unknown = speller.unknown(list(candidates))
    findings = []
    for key, (word, looks_like_name) in candidates.items():
        if key not in unknown or _british_spelling_known(key, speller):
            continue
        if looks_like_name:
            findings.append(
                Finding(
                    "spelling",
                    "info",
                    f"“{word}” is not in the dictionary. If it is a name or a term, check "
                    "its spelling and add it to your dictionary.",
                    (word,),
                )
            )
            continue
        suggestion = _suggest(key, speller)
        hint = f" Did you mean “{suggestion}”?" if suggestion else ""
        findings.append(Finding("spelling", "warning", f"Possible misspelling: “{word}”.{hint}", (word,)))
    return findings


def check_placeholders(text: str) -> list[Finding]:
    """Template leftovers such as ``[Name]``, ``{company}``, ``$name`` or ``XXX``."""
    found = sorted({m.group() for m in _PLACEHOLDERS.finditer(text)}, key=text.index)
    if not found:
        return []
    listed = ", ".join(found)
    return [Finding("placeholder", "error", f"Fill in or remove the placeholders: {listed}.", tuple(found))]


def check_greeting(
    body: str, recipient_name: str, panel_names: Iterable[str] = (), company: str = ""
) -> list[Finding]:
    """The greeting must name this letter's recipient, not another person."""
    first_line = next((line for line in body.splitlines() if line.strip()), "")
    match = _GREETING.match(first_line)
    if not match or not recipient_name.strip():
        return []
    allowed = _name_tokens(recipient_name) | _HONORIFICS | _GROUP_WORDS | _name_tokens(company)
    strangers = [w for w in _words(match.group("name")) if _fold(w) not in allowed]
    if not strangers:
        return []
    greeted = match.group("name").strip()
    for other in panel_names:
        if any(_fold(w) in _name_tokens(other) for w in strangers):
            return [
                Finding(
                    "greeting",
                    "error",
                    f"The greeting names {greeted}, another interviewer, but this letter is "
                    f"for {recipient_name}.",
                    (greeted,),
                )
            ]
    return [
        Finding(
            "greeting",
            "warning",
            f"The greeting names {greeted}, but this letter is for {recipient_name}.",
            (greeted,),
        )
    ]


def check_company_name(text: str, company: str) -> list[Finding]:
    """Places where the company's name is written differently from the application."""
    core = _company_core(company)
    core_key = _squash(core)
    if len(core_key) < 2:
        return []
    clean = _URL.sub(" ", _EMAIL.sub(" ", text))
    words = [(m.start(), m.end()) for m in _WORD.finditer(clean)]
    size = len(core.split())
    speller = spell_checker()
    variants: list[str] = []
    for width in sorted({max(1, size - 1), size, size + 1}):
        for i in range(len(words) - width + 1):
            written = _strip_possessive(clean[words[i][0] : words[i + width - 1][1]])
            if written in (core, company.strip()):
                continue
            key = _squash(written)
            same_letters = key == core_key
            near_miss = (
                width == size
                and len(core_key) >= 4
                and written[0].isupper()
                and 0 < _edit_distance(key, core_key) <= (1 if len(core_key) <= 6 else 2)
                and not (size == 1 and speller.known([written.lower()]))
            )
            if (same_letters or near_miss) and written not in variants:
                variants.append(written)
    return [
        Finding(
            "company_name",
            "warning",
            f"“{written}” differs from the company name in the application, “{core}”.",
            (written,),
        )
        for written in variants
    ]


def check_sign_off(body: str, signature: str = "") -> list[Finding]:
    """A closing line near the end, with the user's name under it."""
    lines = [line.strip() for line in body.strip().splitlines() if line.strip()]
    tail = lines[-5:]
    # The last closing counts: "Thanks." can also end the letter's last paragraph.
    closing_at = max(
        (i for i, line in enumerate(tail) if line.lower().rstrip(",.!") in _CLOSINGS), default=None
    )
    if closing_at is None:
        return [
            Finding(
                "sign_off",
                "warning",
                "No sign-off: end with a closing such as “Best regards,” and your name.",
            )
        ]
    after = tail[closing_at + 1 :]
    signed_name = signature.strip().splitlines()[0].strip() if signature.strip() else ""
    if not after:
        return [Finding("sign_off", "warning", "Add your name under the sign-off.")]
    if signed_name and not any(signed_name.lower() in line.lower() for line in after):
        return [Finding("sign_off", "warning", f"Your name ({signed_name}) is not under the sign-off.")]
    return []


def check_length(kind: LetterKind, body: str) -> list[Finding]:
    low, high = LENGTH_NORMS[kind]
    count = len(_WORD.findall(body))
    label = KIND_LABELS[kind]
    if count < low:
        return [
            Finding(
                "length",
                "warning",
                f"At {count} words this is short for a {label} (usually {low}–{high} words).",
            )
        ]
    if count > high:
        return [
            Finding(
                "length",
                "warning",
                f"At {count} words this is long for a {label} (usually {low}–{high} words); "
                "trim it to what matters most.",
            )
        ]
    return []


def check_personal(body: str, notes: DebriefNotes | None, *, ignore: Iterable[str] = ()) -> list[Finding]:
    """Whether the letter uses anything from this interviewer's debrief notes."""
    if notes is None or notes.is_empty:
        return [
            Finding(
                "personal",
                "info",
                "No debrief notes for this interviewer yet: add what they liked or asked "
                "about so the letter can be specific to them.",
            )
        ]
    skip = {_stem(w) for source in ignore for w in _words(source.lower())}
    note_words = {
        _stem(w): w
        for name in DebriefNotes.FIELDS
        for w in _content_words(getattr(notes, name))
        if _stem(w) not in skip
    }
    shared = sorted({note_words[s] for s in map(_stem, _content_words(body)) if s in note_words})
    if not shared:
        return [
            Finding(
                "personal",
                "warning",
                "This letter mentions nothing from your notes on this interviewer; refer to "
                "something specific from your conversation.",
            )
        ]
    return [
        Finding(
            "personal",
            "info",
            f"Specific to this interviewer: it picks up {_words_from_notes(shared)} from your notes on them.",
            tuple(shared),
        )
    ]


def _words_from_notes(shared: list[str]) -> str:
    """ "“dashboard”", "“course” and “dashboard”", "“asked”, “course” and 2 more words"."""
    quoted = [f"“{word}”" for word in shared[:3]]
    if len(shared) > 3:
        more = len(shared) - 2
        return f"{', '.join(quoted[:2])} and {more} more words"
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} and {quoted[-1]}"


def check_near_duplicates(body: str, recipient_name: str, others: Sequence[OtherLetter]) -> list[Finding]:
    """Letters to the same panel that read alike, with the passages they share."""
    findings = []
    for other in others:
        overlap = compare(body, other.body, ignore=[recipient_name, other.recipient_name])
        if overlap.score >= NEAR_DUPLICATE:
            who = other.recipient_name or "another letter"
            findings.append(
                Finding(
                    "near_duplicate",
                    "warning",
                    f"{overlap.score:.0%} of this letter repeats the one to {who}. Interviewers "
                    "may compare letters: reword the shared passages.",
                    overlap.passages,
                )
            )
    return findings


def compare(a: str, b: str, *, ignore: Iterable[str] = ()) -> Overlap:
    """How much of each text sits in runs of five or more words that the other
    also contains. Words of ``ignore`` (the recipients' names) all count as one
    word, so two copies that differ only by name match fully. Passages are
    quoted from ``a``.
    """
    masked = {_fold(w) for name in ignore for w in _words(name)}
    tokens_a, tokens_b = _tokens(a, masked), _tokens(b, masked)
    shingles_b = _shingles([t for t, _, _ in tokens_b])
    shingles_a = _shingles([t for t, _, _ in tokens_a])
    covered_a = _covered(tokens_a, shingles_b)
    covered_b = _covered(tokens_b, shingles_a)
    shares = [sum(c) / len(c) for c in (covered_a, covered_b) if c]
    passages = []
    start = None
    for i, is_covered in enumerate([*covered_a, False]):
        if is_covered and start is None:
            start = i
        elif not is_covered and start is not None:
            passages.append(a[tokens_a[start][1] : tokens_a[i - 1][2]])
            start = None
    return Overlap(score=max(shares, default=0.0), passages=tuple(passages))


def _tokens(text: str, masked: set[str]) -> list[tuple[str, int, int]]:
    tokens = []
    for m in _WORD.finditer(text):
        word = _fold(m.group())
        tokens.append(("\0name" if word in masked else word, m.start(), m.end()))
    return tokens


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1)}


def _covered(tokens: list[tuple[str, int, int]], shingles: set[tuple[str, ...]]) -> list[bool]:
    words = [t for t, _, _ in tokens]
    covered = [False] * len(words)
    for i in range(len(words) - _SHINGLE + 1):
        if tuple(words[i : i + _SHINGLE]) in shingles:
            covered[i : i + _SHINGLE] = [True] * _SHINGLE
    return covered


def _words(text: str) -> list[str]:
    """Words of ``text``; a hyphenated name gives each of its parts."""
    return [_strip_possessive(w.replace("’", "'")) for w in _WORD.findall(_EMAIL.sub(" ", text))]


def _name_tokens(name: str) -> set[str]:
    return {_fold(w) for w in _words(name)}


def _content_words(text: str) -> list[str]:
    return [
        w for w in _words(text.lower()) if len(w) > 2 and w not in _STOP_WORDS and w not in _GENERIC_WORDS
    ]


def _stem(word: str) -> str:
    """Crude suffix stripping: enough for "migrating" to meet "migration"."""
    for suffix in ("ions", "ion", "ings", "ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _fold(word: str) -> str:
    return unicodedata.normalize("NFC", word).casefold().replace("’", "'")


def _strip_possessive(word: str) -> str:
    return re.sub(r"['’]s$", "", word)


def _starts_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?:\n"


def _british_spelling_known(word: str, speller: SpellChecker) -> bool:
    """British and American spellings are both right; the dictionary has mostly the latter."""
    variants = [word[: -len(gb)] + us for gb, us in _BRITISH if word.endswith(gb)]
    return bool(variants) and bool(speller.known(variants))


def _suggest(word: str, speller: SpellChecker) -> str:
    # Only one edit away: distance two costs over a second per long word.
    options = speller.known(speller.edit_distance_1(word))
    return max(sorted(options), key=speller.word_usage_frequency, default="")


def _company_core(company: str) -> str:
    words = company.strip().split()
    while len(words) > 1 and words[-1].lower().strip(".,") in _LEGAL_SUFFIXES:
        words.pop()
    if len(words) > 1 and words[0].lower() == "the":
        words.pop(0)
    return " ".join(words).rstrip(",")


def _squash(text: str) -> str:
    return "".join(ch for ch in _fold(text) if ch.isalnum())


def _edit_distance(a: str, b: str) -> int:
    """Edits (insert, delete, substitute, swap neighbours) that turn ``a`` into ``b``."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]
