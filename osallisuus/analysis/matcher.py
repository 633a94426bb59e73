"""Compiles the lexicon strings into fast lookup tables for single words and phrases.

A word is looked up by its whole form, its prefixes and (Finnish/Swedish) its substrings,
each a dict lookup, so the cost per new word stays a few microseconds however large the
lexicons grow; callers cache the result per word.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

# Entries whose text is this long or shorter are only ever matched as prefixes: a short
# stem found inside any compound would hit far too many words.
_MIN_SUBSTRING_LEN = 4


@dataclass(frozen=True, slots=True)
class Phrase:
    """A multi-word entry: the later parts must follow the first within a small window."""

    parts: tuple[tuple[str, str], ...]  # (mode, text) for parts after the first; mode "=" or "^"
    category: str
    weight: float


@dataclass(slots=True)
class Matcher:
    """Lookup tables for one language: category -> weight for every matching entry."""

    substring_mode: bool
    exact: dict[str, list[tuple[str, float]]] = field(default_factory=lambda: defaultdict(list))
    prefix: dict[str, list[tuple[str, float]]] = field(default_factory=lambda: defaultdict(list))
    infix: dict[str, list[tuple[str, float]]] = field(default_factory=lambda: defaultdict(list))
    exclusions: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    phrases: list[Phrase] = field(default_factory=list)
    infix_lengths: set[int] = field(default_factory=set)
    max_prefix: int = 0

    def add(self, entry: str, category: str) -> None:
        """Parse one lexicon entry (see lexicon.py for the syntax) and index it."""
        weight = 1.0
        if ":" in entry and not entry.endswith(":"):
            entry, raw_weight = entry.rsplit(":", 1)
            weight = float(raw_weight)
        entry = entry.lower()
        if entry.startswith("!"):
            self.exclusions[category].append(entry[1:])
            return
        if "_" in entry:
            first, *rest = entry.split("_")
            parts = tuple(
                ("=", part[1:]) if part.startswith("=") else ("^", part.lstrip("^"))
                for part in rest
                if part
            )
            phrase_id = f"#phrase{len(self.phrases)}"
            self.phrases.append(Phrase(parts=parts, category=category, weight=weight))
            self._index(first, phrase_id, 1.0)
            return
        self._index(entry, category, weight)

    def _index(self, entry: str, category: str, weight: float) -> None:
        if entry.startswith("="):
            self.exact[entry[1:]].append((category, weight))
        elif entry.startswith("^") or not self.substring_mode or len(entry) <= _MIN_SUBSTRING_LEN:
            stem = entry.lstrip("^")
            self.prefix[stem].append((category, weight))
            self.max_prefix = max(self.max_prefix, len(stem))
        else:
            self.infix[entry].append((category, weight))
            self.infix_lengths.add(len(entry))

    def lookup(self, word: str) -> dict[str, float]:
        """Return category -> strongest weight among the entries that match `word`."""
        found: dict[str, float] = {}

        def take(hits: list[tuple[str, float]]) -> None:
            for category, weight in hits:
                old = found.get(category)
                if old is None or abs(weight) > abs(old):
                    found[category] = weight

        hits = self.exact.get(word)
        if hits:
            take(hits)
        for end in range(1, min(len(word), self.max_prefix) + 1):
            hits = self.prefix.get(word[:end])
            if hits:
                take(hits)
        if self.infix_lengths:
            length = len(word)
            for size in self.infix_lengths:
                for start in range(0, length - size + 1):
                    hits = self.infix.get(word[start : start + size])
                    if hits:
                        take(hits)
        for category in [c for c in found if c in self.exclusions]:
            if any(stop in word for stop in self.exclusions[category]):
                del found[category]
        return found


def compile_entries(
    groups: dict[str, str], *, substring_mode: bool, matcher: Matcher | None = None
) -> Matcher:
    """Index every whitespace-separated entry of each category's lexicon string."""
    matcher = matcher or Matcher(substring_mode=substring_mode)
    for category, text in groups.items():
        for entry in text.split():
            matcher.add(entry, category)
    return matcher
