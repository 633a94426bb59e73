"""The analysis pipeline for one comment: the single entry point other apps call."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .language import detect_language_from_pieces
from .personal_data import PiiSpan, find_personal_data, redact
from .sentiment import detect_sentiment, sentiment_scores
from .taxonomy import theme_ids
from .themes import detect_themes, theme_scores
from .tokens import (
    LANGS,
    PHRASE,
    PII_CUE_SHIFT,
    PII_DIGIT,
    PII_NAME,
    comment_flags,
    match_phrases,
    split_pieces,
    tokens_of,
)
from .urgency import is_urgent, urgency_score


@dataclass(frozen=True, slots=True)
class Analysis:
    """The result for one comment; offsets in `pii` index the original text."""

    lang: str
    themes: tuple[str, ...]
    sentiment: str
    urgent: bool
    pii: tuple[PiiSpan, ...] = field(default_factory=tuple)
    redacted: str = ""
    # The semantic tier's calibrated confidence in each label it saw given (theme id or
    # "urgent", probability that the label is right); empty after the lexicon tier alone.
    confidence: tuple[tuple[str, float], ...] = ()

    @property
    def uncertain(self) -> tuple[str, ...]:
        """The given themes more likely wrong than right (shown to staff as "uncertain")."""
        return tuple(
            label
            for label, value in self.confidence
            if value < UNCERTAIN_BELOW and label in self.themes
        )

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form; personal data appears only as offsets and types."""
        return {
            "lang": self.lang,
            "themes": list(self.themes),
            "sentiment": self.sentiment,
            "urgent": self.urgent,
            "pii": [span.as_dict() for span in self.pii],
            "redacted": self.redacted,
            "confidence": dict(self.confidence),
            "uncertain": list(self.uncertain),
        }


# A given label whose calibrated confidence is below this is marked uncertain.
UNCERTAIN_BELOW = 0.5


def analyse(text: str, *, lang_hint: str | None = None) -> Analysis:
    """Analyse one feedback comment offline: language, themes, sentiment, urgency and PII."""
    if lang_hint is not None and lang_hint not in LANGS:
        lang_hint = None
    pieces = split_pieces(text)
    lang = detect_language_from_pieces(pieces, hint=lang_hint)
    tokens = tokens_of(pieces, lang)
    flags = comment_flags(tokens)
    pii: tuple[PiiSpan, ...] = ()
    redacted = text
    # The token flags say whether any piece could start personal data; most comments
    # have none, and the search is then skipped (it could find nothing).
    if flags & _PII_CUES or "@" in text:
        pii = tuple(find_personal_data(text, pieces=pieces, cues=flags >> PII_CUE_SHIFT))
        if pii:
            # Lexicon work runs on the redacted text, so a name such as "Toivo" or "Onni"
            # does not count as hope or happiness.
            redacted = redact(text, list(pii))
            tokens = tokens_of(split_pieces(redacted), lang)
            flags = comment_flags(tokens)
    phrases = match_phrases(tokens, lang) if flags & PHRASE else []
    themes = detect_themes(tokens, phrases, flags=flags)
    urgent = is_urgent(tokens, phrases, flags=flags)
    sentiment = detect_sentiment(
        redacted, tokens, phrases, has_themes=bool(themes), flags=flags, urgent=urgent
    )
    # The same object Analysis(...) builds, without the frozen dataclass's per-field
    # object.__setattr__ calls: the slots are filled through their descriptors.
    result = _new_analysis(Analysis)
    _set_lang(result, lang)
    _set_themes(result, tuple(themes))
    _set_sentiment(result, sentiment)
    _set_urgent(result, urgent)
    _set_pii(result, pii)
    _set_redacted(result, redacted)
    _set_confidence(result, ())
    return result


_PII_CUES = PII_DIGIT | PII_NAME
_new_analysis = object.__new__
_set_lang, _set_themes, _set_sentiment, _set_urgent, _set_pii, _set_redacted, _set_confidence = (
    Analysis.__dict__[name].__set__
    for name in ("lang", "themes", "sentiment", "urgent", "pii", "redacted", "confidence")
)


def lexicon_evidence(analysis: Analysis) -> list[float]:
    """The lexicon tier's evidence behind a result, as numbers the semantic tier's layer
    weighs: each theme's cue score, the urgency score, summed praise and complaint, whether a
    contrast occurred and whether the last clause leans positive (capped so one long comment
    does not dominate)."""
    tokens = tokens_of(split_pieces(analysis.redacted), analysis.lang)
    flags = comment_flags(tokens)
    phrases = match_phrases(tokens, analysis.lang) if flags & PHRASE else []
    themes = theme_scores(tokens, phrases, flags=flags)
    sentiment = sentiment_scores(tokens, phrases, flags=flags)
    last = next((value for value in reversed(sentiment.clauses) if value), 0.0)
    return [
        *(min(themes.get(theme, 0.0), 3.0) for theme in theme_ids()),
        min(urgency_score(tokens, phrases, flags=flags), 3.0),
        min(sentiment.positive, 3.0),
        min(sentiment.negative, 3.0),
        float(sentiment.contrast),
        max(min(last, 2.0), -2.0),
    ]


WARM_UP_SAMPLES = (
    ("Jonotin puhelimessa pitkään.", "fi"),
    ("Väntetiden var lång.", "sv"),
    ("The wait was long.", "en"),
)


def warm_up() -> None:
    """Load every language's dictionaries now (seconds each) rather than on a giver's request."""
    for text, lang in WARM_UP_SAMPLES:
        analyse(text, lang_hint=lang)
