"""The repository search (seed 000's "asiakastieto-, palaute- ja kokemustiedon varanto"): every
input kind a person may read, searched at once, newest first.

Each kind finds its own items (InputKind.search_ids, in the app that owns it), so a search
shows nobody more than the kind shows them elsewhere. Items a person may open come from the
kind's `items`; items they may read but not open (a decision maker's feedback) come from its
`summaries`, redacted, without a link.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from heapq import merge
from itertools import islice
from typing import TYPE_CHECKING, Any, overload

from django.db.models import QuerySet
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from osallisuus.accounts.selectors import units_in_scope
from osallisuus.analysis.search_terms import query_words, search_stems
from osallisuus.analysis.taxonomy import theme_label
from osallisuus.errors import DomainError, Problem
from osallisuus.organisation.models import Service, Unit
from osallisuus.trail.kinds import InputItem, InputKind, InputQuery, input_kind, input_kinds

if TYPE_CHECKING:
    from osallisuus.accounts.types import MaybeUser, User

# Past this many hits a search says "more than" and asks to be narrowed: counting or paging
# through every hit of a common word among millions costs as much as reading them all. Ten
# pages of results; counting to a thousand took 300 ms at 10 M items, to two hundred 60 ms.
MAX_RESULTS = 200
# Shorter words find nearly everything: they are left out of the search.
MIN_WORD = 2


def status_choices() -> list[tuple[str, str]]:
    """The search's status filter: one meaning for every kind (each kind maps its steps)."""
    return [("open", gettext("Waiting to be handled")), ("handled", gettext("Handled"))]


class SearchError(DomainError):
    """A search that cannot be run as asked."""


def check_search(*, words: str, since: date | None, until: date | None) -> None:
    """The rules a search's input keeps, for the page's form and the API alike."""
    problems = []
    if not any(len(word) >= MIN_WORD for word in query_words(words)):
        problems.append(Problem(_("Write at least one word of two letters or more."), field="q"))
    if since and until and until < since:
        problems.append(Problem(_("The end of the period is before its start."), field="until"))
    if problems:
        raise SearchError.of(problems)


def search_query(
    *,
    words: str,
    unit: Unit | None = None,
    service: Service | None = None,
    theme: str = "",
    since: date | None = None,
    until: date | None = None,
    status: str = "",
) -> InputQuery:
    """What the kinds are asked, from what a person typed and chose."""
    return InputQuery(
        words=search_stems(" ".join(w for w in query_words(words) if len(w) >= MIN_WORD)),
        unit_id=unit.pk if unit else None,
        service_id=service.pk if service else None,
        theme=theme,
        since=since,
        until=until,
        status=status,
    )


def searchable_units(user: MaybeUser) -> QuerySet[Unit]:
    """The units a person can narrow a search to: those in their scope."""
    return units_in_scope(user).order_by("name_fi")


def searchable_services(user: MaybeUser) -> QuerySet[Service]:
    return (
        Service.objects.filter(units__in=units_in_scope(user).values("pk"))
        .distinct()
        .order_by("name_fi")
    )


@dataclass(frozen=True)
class Result:
    """One hit as the page and the API show it: the kind's redacted item and its labels."""

    item: InputItem
    kind_label: str
    unit_name: str
    theme_labels: tuple[str, ...]


class SearchResults:
    """The hits of every asked kind merged newest first, read a page at a time: Django's and
    DRF's paginators count it (up to MAX_RESULTS) and slice it."""

    def __init__(self, user: User, query: InputQuery, kinds: list[str] | None = None) -> None:
        self.user = user
        self.query = query
        self.kinds: list[InputKind] = (
            [input_kind(name) for name in kinds] if kinds else input_kinds()
        )
        self._count: int | None = None
        self.more_than_max = False

    def _ids(self, kind: InputKind) -> Any:
        return kind.search_ids(self.user, self.query)

    def count(self) -> int:
        """Hits up to MAX_RESULTS (each kind counts no further than that)."""
        if self._count is None:
            found = sum(self._ids(kind)[: MAX_RESULTS + 1].count() for kind in self.kinds)
            self.more_than_max = found > MAX_RESULTS
            self._count = min(found, MAX_RESULTS)
        return self._count

    def __len__(self) -> int:
        return self.count()

    def __iter__(self) -> Iterator[Result]:
        return iter(self[0:MAX_RESULTS])

    @overload
    def __getitem__(self, index: int) -> Result: ...
    @overload
    def __getitem__(self, index: slice) -> list[Result]: ...
    def __getitem__(self, index: int | slice) -> Result | list[Result]:
        if isinstance(index, int):
            return self[index : index + 1][0]
        start, stop = index.start or 0, min(index.stop or MAX_RESULTS, MAX_RESULTS)
        if stop <= start:
            return []
        # Each kind's newest `stop` hits are enough to know the merged first `stop`.
        streams = [
            [(at, n, pk) for pk, at in self._ids(kind)[:stop]] for n, kind in enumerate(self.kinds)
        ]
        hits = list(islice(merge(*streams, key=_newest_first), start, stop))
        return self._results([(self.kinds[n], pk) for _at, n, pk in hits])

    def _results(self, hits: list[tuple[InputKind, int]]) -> list[Result]:
        found: dict[tuple[str, int], InputItem] = {}
        for kind in {kind.name: kind for kind, _pk in hits}.values():
            pks = [pk for k, pk in hits if k is kind]
            for openable in kind.items(pks, self.user):
                found[(kind.name, openable.pk)] = openable
            unopenable = [pk for pk in pks if (kind.name, pk) not in found]
            # Found through the kind's own rule but not to be opened (a decision maker's
            # feedback): the redacted summary, without the link to the handling page.
            for summary in kind.summaries(unopenable) if unopenable else []:
                found[(kind.name, summary.pk)] = replace(summary, url="")
        ordered = [found[(k.name, pk)] for k, pk in hits if (k.name, pk) in found]
        unit_ids = {item.unit_id for item in ordered if item.unit_id}
        names = {unit.pk: unit.name for unit in Unit.objects.filter(pk__in=unit_ids)}
        labels = {kind.name: kind.label() for kind, _pk in hits}
        return [
            Result(
                item=item,
                kind_label=labels[item.kind],
                unit_name=names.get(item.unit_id or 0, ""),
                theme_labels=tuple(_theme_label(theme) for theme in item.themes),
            )
            for item in ordered
        ]


def _newest_first(hit: tuple[datetime, int, int]) -> tuple[float, int, int]:
    at, n, pk = hit
    return (-at.timestamp(), n, -pk)


def _theme_label(theme: str) -> str:
    try:
        return theme_label(theme, (get_language() or "fi")[:2])
    except KeyError:
        return theme


def search_inputs(user: User, query: InputQuery, kinds: list[str] | None = None) -> SearchResults:
    """Every input of the asked kinds (all kinds when none) that `user` may read and that
    matches `query`, newest first, as a lazily read sequence."""
    return SearchResults(user, query, kinds)
