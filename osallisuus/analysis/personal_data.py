"""Finds personal data in feedback text and redacts it.

Types: name, phone, email, hetu (Finnish personal identity code, checksum validated), address
(street addresses) and case_number (case, patient and reference numbers). Names come from
the name lists of :mod:`names`, plus context: a capitalised word right after a role word
("hoitaja Mervi", "vastaava Kuusela"). The cheap per-piece cues are in :mod:`cues`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import reduce
from operator import or_

from .cues import (
    AMBIGUOUS_CUE,
    CAPITAL_CUE,
    CASE_CUE,
    DIGIT_CUE,
    FULL_STOP_CUE,
    LISTED_CUE,
    NAME_CUE_BITS,
    NAME_CUES,
    ROLE_CUE,
    SENTENCE_CUE,
    STREET_CUE,
    STREET_EN_CUE,
    STREET_SUFFIX,
    TITLE_CUE,
    WORD_CUE,
    ZERO_CUE,
)
from .names import AMBIGUOUS, NORDIC_FIRST, NOT_NAMES, is_common_word, is_listed_name
from .tokens import RawToken, split_pieces

PII_TYPES: tuple[str, ...] = ("name", "phone", "email", "hetu", "address", "case_number")
PLACEHOLDERS: dict[str, str] = {
    "name": "[NAME]",
    "phone": "[PHONE]",
    "email": "[EMAIL]",
    "hetu": "[HETU]",
    "address": "[ADDRESS]",
    "case_number": "[CASE_NUMBER]",
}
# When two findings overlap, the more specific pattern wins.
_PRIORITY = {"email": 0, "hetu": 1, "phone": 2, "case_number": 3, "address": 4, "name": 5}


@dataclass(frozen=True, slots=True)
class PiiSpan:
    """One piece of personal data: str offsets into the original text, type and surface."""

    start: int
    end: int
    type: str
    text: str

    def as_dict(self) -> dict[str, int | str]:
        """Serialise without the surface text, which must not leave the pipeline."""
        return {"start": self.start, "end": self.end, "type": self.type}


# --- hetu -------------------------------------------------------------------------------
_HETU_RE = re.compile(r"(?<![\w-])(\d{2})(\d{2})(\d{2})([-+A-FU-Y])(\d{3})([0-9A-Za-z])(?!\w)")
_HETU_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY"
_HETU_DATE_DIGITS = 6  # ddmmyy, before the century sign
_LAST_DAY, _LAST_MONTH = 31, 12


def is_valid_hetu(code: str) -> bool:
    """Validate date parts, century sign and check character of a Finnish identity code."""
    match = _HETU_RE.fullmatch(code.strip())
    if match is None:
        return False
    day, month, _year, _sign, serial, check = match.groups()
    if not (1 <= int(day) <= _LAST_DAY and 1 <= int(month) <= _LAST_MONTH) or serial == "000":
        return False
    number = int(day + month + _year + serial)
    return _HETU_CHECK[number % 31] == check.upper()


# --- email and phone --------------------------------------------------------------------
_EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
# A phone number starts with + or 0 and has 7 to 15 digits in groups separated by spaces
# or hyphens; slashes and dots are left out so dates and case numbers are not taken.
_PHONE_RE = re.compile(
    r"(?<![\w/+.,])(?:\+|00)?\(?\d{1,4}\)?(?:[ \-]?\(?\d{1,5}\)?){1,5}(?![\w/]|[.,]\d)"
)
_PHONE_MIN_DIGITS, _PHONE_MAX_DIGITS = 7, 15

# --- case numbers -----------------------------------------------------------------------
_CASE_KEYWORDS = (
    r"asia(?:n|kirja)?\s?(?:numero|nro|n:o|tunnus)|dnro|diaari(?:numero)?|dno|potilas(?:numero|nro)"
    r"|asiakas(?:numero|nro|tunnus)|päätös(?:numero|nro)|hakemus(?:numero|nro)|viite(?:numero)?"
    r"|laskun\s?numero|laskunumero|lähete(?:numero)?|tiketti|kirjaamis(?:numero|tunnus)"
    r"|ärende(?:nummer|nr)?|diarie(?:nummer|nr)|dnr|kund(?:nummer|nr)|patient(?:nummer|nr)"
    r"|fakturanummer|referens(?:nummer)?|case\s?(?:number|no\.?|id|ref(?:erence)?)"
    r"|reference(?:\s?number)?|ref\.?|patient\s?(?:number|no\.?|id)|client\s?(?:number|id)"
    r"|record\s?number|ticket(?:\s?number)?|invoice\s?number"
)
# The lookahead lists the first letters of the keywords: it changes no match, but most
# word starts fail on it at once instead of entering each case-insensitive alternative.
_CASE_FIRST_LETTERS = "acdfhiklprtvä"
_CASE_RE = re.compile(
    rf"(?i:\b(?=[{_CASE_FIRST_LETTERS}])(?:{_CASE_KEYWORDS})[a-zåäö]{{0,6}})\s*(?:(?i:on|är|is|nro|no\.?|n:o|nr)\s*)?"
    r"[:#.]?\s*(?P<code>[A-Za-z]{0,6}[-/ ]?\d[\w/.\-]*\w|\d)"
)
_CASE_SHAPE_RE = re.compile(
    r"(?<![\w/.-])(?:(?:19|20)\d{2}/\d{2,7}|\d{2,7}/(?:19|20)\d{2}|[A-ZÅÄÖ]{2,5}[-/]\d{3,}"
    r"(?:[-/]\d+)*|\d{3,6}/\d{2}\.\d{2}\.\d{2}(?:\.\d{2})?/\d{4})(?![\w/])"
)

# --- addresses ----------------------------------------------------------------------------
_ADDRESS_RE = re.compile(
    rf"\b[A-ZÅÄÖ][a-zåäöA-ZÅÄÖ-]*{STREET_SUFFIX}\s+\d{{1,4}}(?:\s?[a-zA-Z]\b)?"
    r"(?:\s?(?:-\s?)?(?:[A-Za-z]\s?\d{1,3}|(?:as\.?|asunto|lgh|apt\.?)\s?\d{1,4}|\d{1,3}\b))?"
    r"(?:,?\s\d{5}(?:\s[A-ZÅÄÖ][a-zåäö]+)?)?"
)
_ADDRESS_EN_RE = re.compile(
    r"\b\d{1,4}\s+(?:[A-Z][a-z]+\s){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Way)\b"
)

# --- names --------------------------------------------------------------------------------
# The name search walks the pieces once; each rule it applies is one small function below.
# A capitalised word after a role word is taken as a name only from this length ("the nurse I").
_ROLE_NAME_MIN_LENGTH = 3
_NAME_END_NONE = -10  # no name found yet: nothing to chain to


@dataclass(slots=True)
class _NameWalk:
    """What the walk over the pieces remembers of the pieces before the current one."""

    sentence_start: bool = True
    after_role: bool = False  # the previous word is a role word ("hoitaja", "vastaava")
    after_title: bool = False  # the previous word is a title abbreviation ("Dr", "tri")
    name_end: int = _NAME_END_NONE  # end offset of the last name found


def _piece_starts(text: str, pieces: list[str]) -> list[int]:
    """Start offset in `text` of each piece of :func:`tokens.split_pieces`.

    Pieces are in order and the gaps between them hold no token characters, so the next
    occurrence after the previous piece is the piece itself.
    """
    starts = []
    cursor = 0
    for surface in pieces:
        start = text.find(surface, cursor)
        starts.append(start)
        cursor = start + len(surface)
    return starts


def _ends_sentence(mark: str, *, after_title: bool) -> bool:
    """A sentence mark ends the sentence, except the full stop of a title abbreviation:
    "Dr. Peterson" keeps the sentence going, so Peterson is not at a sentence start."""
    return not (mark == "." and after_title)


def _is_chained(start: int, name_end: int) -> bool:
    """A word right after a name (nothing or one space between) continues it: "Mervi Kuusela"."""
    return name_end >= 0 and start - name_end <= 1


def _next_word_is_listed_name(pieces: list[str], index: int) -> bool:
    """Whether the next word after `index` (past numbers and punctuation) is a capitalised
    listed name: "Toivo Virtanen" is evidence that Toivo is a name too."""
    for position in range(index + 1, len(pieces)):
        piece = pieces[position]
        if piece[0].isalpha():
            return piece[0].isupper() and bool(is_listed_name(piece))
    return False


def _is_name_by_itself(base: str, surface: str, *, sentence_start: bool) -> bool:
    """Whether a listed name (base form `base`) is a name without any evidence beside it.

    Mid-sentence it is, unless it is also an ordinary word ("Toivo", "Satu": hope, fairy
    tale). At a sentence start the capital is no evidence, so only a Nordic first name that
    is no ordinary word form is ("Inga kommentarer" is Swedish for "no comments").
    """
    if base in AMBIGUOUS:
        return False
    if not sentence_start:
        return True
    return base in NORDIC_FIRST and not is_common_word(surface)


def _is_name_by_context(surface: str, *, walk: _NameWalk, chained: bool) -> bool:
    """Whether an unlisted capitalised word is a name from the words before it, mid-sentence.

    After a role word it is ("vastaava Kuusela"), unless it is shorter than three letters or,
    up to an apostrophe, a known non-name ("the nurse I'd"); else only when it follows a name
    right away ("Mervi Kuusela").
    """
    if walk.sentence_start:
        return False
    if walk.after_role and len(surface) >= _ROLE_NAME_MIN_LENGTH:
        return re.split("['’]", surface, maxsplit=1)[0] not in NOT_NAMES
    return chained


def _is_name(
    surface: str, cue: int, *, start: int, pieces: list[str], index: int, walk: _NameWalk
) -> bool:
    """Whether the capitalised piece `surface` (at `start`, the `index`-th piece) is a name.

    A listed name is one by itself (see :func:`_is_name_by_itself`) or with evidence: a role
    word before it, a name right before it, or a listed name as the next word. Any other
    capitalised word needs the context of :func:`_is_name_by_context`.
    """
    chained = _is_chained(start, walk.name_end)
    base = is_listed_name(surface) if cue & (LISTED_CUE | AMBIGUOUS_CUE) else None
    if base is None:
        return _is_name_by_context(surface, walk=walk, chained=chained)
    return (
        _is_name_by_itself(base, surface, sentence_start=walk.sentence_start)
        or walk.after_role
        or chained
        or _next_word_is_listed_name(pieces, index)
    )


def _add_name(spans: list[PiiSpan], text: str, start: int, end: int) -> None:
    """Add the name at start..end; chained to the name before it (:func:`_is_chained`), it
    joins that span, so "Mervi Kuusela" is one name."""
    if spans and spans[-1].type == "name" and _is_chained(start, spans[-1].end):
        spans[-1] = PiiSpan(spans[-1].start, end, "name", text[spans[-1].start : end])
    else:
        spans.append(PiiSpan(start, end, "name", text[start:end]))


def _find_names(text: str, pieces: list[str]) -> list[PiiSpan]:
    """Names among the pieces of :func:`tokens.split_pieces`, with offsets into `text`: one
    walk over the pieces that applies the steps above to each capitalised word."""
    spans: list[PiiSpan] = []
    walk = _NameWalk()
    for index, (surface, start) in enumerate(zip(pieces, _piece_starts(text, pieces), strict=True)):
        cue = NAME_CUES[surface]
        if not cue & WORD_CUE:
            # Sentence punctuation (. ! ? ; or a line break); a colon, number or emoji is not.
            if cue & SENTENCE_CUE:
                walk.sentence_start = _ends_sentence(surface, after_title=walk.after_title)
            continue
        if cue & CAPITAL_CUE and _is_name(
            surface, cue, start=start, pieces=pieces, index=index, walk=walk
        ):
            end = start + len(surface)
            _add_name(spans, text, start, end)
            walk.name_end = end
        walk.after_role = bool(cue & ROLE_CUE)
        walk.after_title = bool(cue & TITLE_CUE)
        walk.sentence_start = False
    return spans


def _spans_of(pattern: re.Pattern[str], text: str, kind: str) -> list[PiiSpan]:
    return [PiiSpan(m.start(), m.end(), kind, m.group()) for m in pattern.finditer(text)]


_DIGIT_RUN_RE = re.compile(r"\d+")


def _regex_spans(text: str, cues: int) -> list[PiiSpan]:
    """Spans of the regular-expression types; `cues` is the OR of the pieces' cue bits."""
    spans: list[PiiSpan] = []
    if "@" in text:
        spans += _spans_of(_EMAIL_RE, text, "email")
    if not cues & DIGIT_CUE:
        return spans  # every other pattern needs a digit; most comments have none
    lengths = list(map(len, _DIGIT_RUN_RE.findall(text)))
    if _HETU_DATE_DIGITS in lengths:
        spans += [span for span in _spans_of(_HETU_RE, text, "hetu") if is_valid_hetu(span.text)]
    if sum(lengths) >= _PHONE_MIN_DIGITS and (cues & ZERO_CUE or "+" in text):  # from + or 0
        for match in _PHONE_RE.finditer(text):
            surface = match.group().rstrip(" -")
            digits = sum(char.isdigit() for char in surface)
            if _PHONE_MIN_DIGITS <= digits <= _PHONE_MAX_DIGITS and surface.lstrip("(")[:1] in "+0":
                spans.append(PiiSpan(match.start(), match.start() + len(surface), "phone", surface))
    if cues & CASE_CUE:
        spans += [
            PiiSpan(m.start("code"), m.end("code"), "case_number", m.group("code"))
            for m in _CASE_RE.finditer(text)
        ]
    if "/" in text or "-" in text:
        spans += _spans_of(_CASE_SHAPE_RE, text, "case_number")
    if cues & STREET_CUE:
        spans += _spans_of(_ADDRESS_RE, text, "address")
    if cues & STREET_EN_CUE:
        spans += _spans_of(_ADDRESS_EN_RE, text, "address")
    return spans


_ROLE_BIT, _TITLE_BIT, _AMBIGUOUS_BIT, _CAPITAL_BIT = 1, 2, 4, 8


class _CueCharCache(dict[str, str]):
    """piece -> one character for the name-context pattern below ("" for other pieces).

    A word becomes a letter a..p from its bits (_ROLE_BIT and so on); a full stop ".", other
    sentence punctuation ";".
    """

    def __missing__(self, piece: str) -> str:
        if len(self) >= 1 << 18:
            self.clear()
        cue = NAME_CUES[piece]
        char = ""
        if cue & WORD_CUE:
            bits = (
                (_ROLE_BIT if cue & ROLE_CUE else 0)
                | (_TITLE_BIT if cue & TITLE_CUE else 0)
                | (_AMBIGUOUS_BIT if cue & AMBIGUOUS_CUE else 0)
                | (_CAPITAL_BIT if cue & CAPITAL_CUE else 0)
            )
            char = chr(ord("a") + bits)
        elif cue & SENTENCE_CUE:
            char = "." if cue & FULL_STOP_CUE else ";"
        self[piece] = char
        return char


_CUE_CHARS = _CueCharCache()


def _letters(test: Callable[[int], bool]) -> str:
    return "".join(chr(ord("a") + bits) for bits in range(16) if test(bits))


_ROLE = _letters(lambda bits: bool(bits & _ROLE_BIT))
_ROLE_TITLE = _letters(lambda bits: bits & (_ROLE_BIT | _TITLE_BIT) == _ROLE_BIT | _TITLE_BIT)
_AMBIGUOUS_NAME = _letters(lambda bits: bool(bits & _AMBIGUOUS_BIT))
_CAPITALISED = _letters(lambda bits: bool(bits & _CAPITAL_BIT))
# The rules of _find_names on the cue characters, as a necessary condition for a name:
# two ambiguous names anywhere; an ambiguous name after a role word (sentence marks between
# do not matter); a capitalised word right after a role word, or after a title and its full
# stop ("Dr. Peterson"), in the same sentence.
_NAME_CONTEXT_RE = re.compile(
    rf"[{_AMBIGUOUS_NAME}].*[{_AMBIGUOUS_NAME}]"
    rf"|[{_ROLE}][.;]*[{_AMBIGUOUS_NAME}]"
    rf"|[{_ROLE}][{_CAPITALISED}]"
    rf"|[{_ROLE_TITLE}][.;]*\.[{_CAPITALISED}]"
)


def may_hold_names(pieces: list[str]) -> bool:
    """Cheap test on split pieces: False means :func:`find_personal_data` finds no names.

    A name is a listed name, a capitalised word after a role word ("vastaava Kuusela"),
    an ambiguous listed name next to another name, or chained to one of these.
    """
    present = reduce(or_, set(map(NAME_CUES.__getitem__, pieces)), 0)
    return _may_hold_names(pieces, present)


def _may_hold_names(pieces: list[str], present: int) -> bool:
    """:func:`may_hold_names` given the OR of the pieces' cue bits (never says no wrongly)."""
    if present & LISTED_CUE:
        return True
    if not present & AMBIGUOUS_CUE and not (present & ROLE_CUE and present & CAPITAL_CUE):
        return False
    codes = "".join(map(_CUE_CHARS.__getitem__, pieces))
    return _NAME_CONTEXT_RE.search(codes) is not None


def find_personal_data(
    text: str,
    tokens: list[RawToken] | None = None,
    *,
    pieces: list[str] | None = None,
    cues: int | None = None,
) -> list[PiiSpan]:
    """Return non-overlapping personal-data spans sorted by start offset.

    `tokens` may pass the comment's tokens when the caller already has them; `pieces`
    (from :func:`tokens.split_pieces`) lets the name search be skipped cheaply, and `cues`
    (the OR of the pieces' cue bits, see :func:`piece_cues`) saves computing them again.
    """
    if pieces is None:
        pieces = [token.text for token in tokens] if tokens is not None else split_pieces(text)
    found = reduce(or_, set(map(NAME_CUES.__getitem__, pieces)), 0) if cues is None else cues
    candidates = _regex_spans(text, found) if found & DIGIT_CUE or "@" in text else []
    if found & NAME_CUE_BITS and _may_hold_names(pieces, found):
        candidates += _find_names(text, pieces)
    if not candidates:
        return []
    if len(candidates) == 1:
        return candidates
    candidates.sort(key=lambda span: (_PRIORITY[span.type], span.start, -(span.end - span.start)))
    chosen: list[PiiSpan] = []
    for span in candidates:
        if all(span.end <= other.start or span.start >= other.end for other in chosen):
            chosen.append(span)
    return sorted(chosen, key=lambda span: span.start)


def redact(text: str, spans: list[PiiSpan]) -> str:
    """Replace every span with its type's placeholder, e.g. [NAME], [PHONE]."""
    pieces = []
    cursor = 0
    for span in sorted(spans, key=lambda item: item.start):
        pieces.append(text[cursor : span.start])
        pieces.append(PLACEHOLDERS[span.type])
        cursor = span.end
    pieces.append(text[cursor:])
    return "".join(pieces)
