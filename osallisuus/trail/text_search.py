"""How an input kind matches the words of a repository search: one rule for every kind.

An item matches when every word of the query matches and a word matches when one of its
beginnings (analysis.search_terms) starts a word of the text. On PostgreSQL a large table
matches through full-text search with prefix queries over the 'simple' configuration (no
stemming there: the beginnings carry the language), which a GIN index on exactly
`to_tsvector('simple'::regconfig, <column>)` serves (feedback migration
0009_search_indexes); small tables, and SQLite, match the beginnings as substrings, a little
wider and index-free.
"""

from __future__ import annotations

from typing import TypeVar

from django.db import connections
from django.db.models import BooleanField, F, Func, Model, Q, QuerySet, Value

M = TypeVar("M", bound=Model)


class _FullTextMatch(Func):
    """`to_tsvector('simple', column) @@ to_tsquery('simple', query)`: the indexed form."""

    template = "(to_tsvector('simple'::regconfig, %(expressions)s))"
    arg_joiner = ") @@ to_tsquery('simple'::regconfig, "
    output_field = BooleanField()
    conditional = True


def _tsquery(words: tuple[tuple[str, ...], ...]) -> str:
    """`('ajanvarau':* | 'varau':*) & ('netti':*)`; the beginnings hold letters and digits only
    (analysis.search_terms), quoted all the same."""
    return " & ".join(
        "(" + " | ".join("'" + stem.replace("'", "") + "':*" for stem in stems) + ")"
        for stems in words
    )


def _substring_condition(words: tuple[tuple[str, ...], ...], fields: tuple[str, ...]) -> Q:
    condition = Q()
    for stems in words:
        either = Q()
        for stem in stems:
            for name in fields:
                either |= Q(**{f"{name}__icontains": stem})
        condition &= either
    return condition


def matching_words(
    items: QuerySet[M], words: tuple[tuple[str, ...], ...], *fields: str, indexed: bool = False
) -> QuerySet[M]:
    """`items` whose `fields` hold every word; `indexed`: one column with the full-text index,
    matched through it on PostgreSQL."""
    if not words:
        return items
    if indexed and connections[items.db].vendor == "postgresql":
        (column,) = fields
        return items.filter(_FullTextMatch(F(column), Value(_tsquery(words))))
    return items.filter(_substring_condition(words, fields))
