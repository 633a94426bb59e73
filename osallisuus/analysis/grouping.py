"""Groups comments that raise the same issue, in different words or as near-duplicates.

Each comment becomes a TF-IDF vector over lemmas, five-letter stems (so Finnish
*jonotusaika* and *jonottaa* meet) and the themes the lexicons found; comments whose cosine
similarity reaches a threshold are joined with union-find, so groups are transitive.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from typing import TypeVar

from . import lexicon
from .language import detect_language_from_pieces
from .themes import theme_scores
from .tokens import match_phrases, split_pieces, tokens_of

IdT = TypeVar("IdT", bound=Hashable)

DEFAULT_THRESHOLD = 0.4
_STEM_LENGTH = 5
# Words shorter than this ("on", "ja", "me") say nothing of a comment's topic.
_MIN_FEATURE_LENGTH = 3
_STOPWORDS = frozenset(
    word for words in lexicon.FUNCTION_WORDS.values() for word in words.split()
) | frozenset("olla ei minä sinä hän me te he se tämä tuo joka mikä".split())


def comment_features(text: str) -> Counter[str]:
    """Bag of lemma, stem and theme features of one comment."""
    pieces = split_pieces(text)
    lang = detect_language_from_pieces(pieces)
    tokens = tokens_of(pieces, lang)
    features: Counter[str] = Counter()
    for token in tokens:
        if not token.is_word or len(token.lower) < _MIN_FEATURE_LENGTH or token.lower in _STOPWORDS:
            continue
        if token.lemma in _STOPWORDS:
            continue
        features[f"l:{token.lemma}"] += 1
        features[f"s:{token.lemma[:_STEM_LENGTH]}"] += 1
    for theme, score in theme_scores(tokens, match_phrases(tokens, lang)).items():
        if score >= 1.0:
            features[f"t:{theme}"] += 2
    return features


class _UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, first: int, second: int) -> None:
        root_a, root_b = self.find(first), self.find(second)
        if root_a != root_b:
            self.parent[max(root_a, root_b)] = min(root_a, root_b)


def similarity_pairs(
    texts: Sequence[str], *, threshold: float = DEFAULT_THRESHOLD
) -> list[tuple[int, int, float]]:
    """Return (i, j, cosine) for every pair of texts at or above `threshold`."""
    bags = [comment_features(text) for text in texts]
    document_frequency: Counter[str] = Counter()
    for bag in bags:
        document_frequency.update(bag.keys())
    count = len(bags)
    vectors: list[dict[str, float]] = []
    for bag in bags:
        vector = {
            feature: (1.0 + math.log(tf))
            * (math.log((count + 1) / (document_frequency[feature] + 1)) + 1.0)
            for feature, tf in bag.items()
        }
        norm = math.sqrt(sum(value * value for value in vector.values())) or 1.0
        vectors.append({feature: value / norm for feature, value in vector.items()})
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    pairs: list[tuple[int, int, float]] = []
    for index, vector in enumerate(vectors):
        # Only earlier documents sharing a feature can be similar: sparse dot products.
        dots: dict[int, float] = defaultdict(float)
        for feature, value in vector.items():
            for other, other_value in postings[feature]:
                dots[other] += value * other_value
        pairs.extend((other, index, dot) for other, dot in dots.items() if dot >= threshold)
        for feature, value in vector.items():
            postings[feature].append((index, value))
    return pairs


def group_comments(
    items: Sequence[tuple[IdT, str]], *, threshold: float = DEFAULT_THRESHOLD
) -> list[list[IdT]]:
    """Group (id, text) pairs by issue; every id appears in exactly one group.

    Groups keep input order inside, and are ordered by their first member; a comment
    unlike any other forms a group of its own.
    """
    union = _UnionFind(len(items))
    for first, second, _score in similarity_pairs(
        [text for _id, text in items], threshold=threshold
    ):
        union.union(first, second)
    groups: dict[int, list[IdT]] = {}
    for index, (item_id, _text) in enumerate(items):
        groups.setdefault(union.find(index), []).append(item_id)
    return list(groups.values())
