"""Input kinds: the small interface through which the trail knows every kind of input.

The trail never imports an input app's models. Each input app (feedback, co-development, later
panels, hearings, campaigns ...) registers one `InputKind` in its AppConfig.ready(), built on
its own selectors and services, and the trail asks it for items. A new kind therefore never
changes the trail: it registers and its items can be linked to actions and matters, searched,
briefed and told back.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Protocol

from osallisuus.days import start_of_day

if TYPE_CHECKING:
    from osallisuus.accounts.types import User


@dataclass(frozen=True)
class InputItem:
    """What the trail may know of one input: never the giver's identity or contact details."""

    kind: str
    pk: int
    # The text to show beside a link: redacted wherever the original holds personal data.
    excerpt: str
    date: date
    language: str
    unit_id: int | None = None
    service_id: int | None = None
    themes: tuple[str, ...] = ()
    # Where a person who may see the item opens it (the kind's own page).
    url: str = ""
    # True when someone gave it who can be told back (a reply code, an account, a group).
    has_giver: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class InputQuery:
    """What a person searches the inputs for (the repository search); empty fields narrow
    nothing. Built by the search app, read by each kind's `search_ids`."""

    # Each word of the query as the beginnings it is found by (analysis.search_terms): an item
    # matches when every word matches, a word when one of its beginnings starts a word.
    words: tuple[tuple[str, ...], ...] = ()
    unit_id: int | None = None
    service_id: int | None = None
    theme: str = ""
    since: date | None = None
    until: date | None = None
    # "open" (still waiting to be handled) or "handled"; each kind says what its steps mean.
    status: str = ""


def within_days(items: Any, field: str, since: date | None, until: date | None) -> Any:
    """`items` whose moment `field` falls on the days `since` to `until` (both included, days of
    the current time zone; None leaves that end open). A range on the column itself, so an
    index on it serves; every kind's period narrowing goes through here."""
    if since:
        items = items.filter(**{f"{field}__gte": start_of_day(since)})
    if until:
        items = items.filter(**{f"{field}__lt": start_of_day(until + timedelta(days=1))})
    return items


class InputKind(Protocol):
    """One kind of input, provided by the app that owns it."""

    # A short stable name used in links, URLs and the API ("feedback", "workshop_note").
    name: str

    def label(self) -> str:
        """The kind's name for people, in the active language."""

    def visible_ids(self, user: User) -> Any:
        """A queryset of the primary keys of the items `user` may see (values_list flat)."""

    def items(self, pks: Iterable[int], user: User) -> list[InputItem]:
        """The items among `pks` that `user` may see; unknown and hidden ones are left out."""

    def summaries(self, pks: Iterable[int]) -> list[InputItem]:
        """The items among `pks` with their redacted excerpts, for readers the trail itself
        lets in (a matter's decision maker, a briefing): never asked with a user, never more
        than an InputItem holds."""

    def search_ids(self, user: User, query: InputQuery) -> Any:
        """A queryset of (pk, moment) pairs, newest first, of the items matching `query` among
        those `user` may read (values_list): never wider than the kind shows `user` elsewhere,
        and where `user` reads redacted text only, matched on the redacted text."""

    def received_ids(self, units: Any, start: date, end: date) -> Any:
        """A queryset of the primary keys of the items given at `units` (a Unit queryset)
        from `start` to `end`, both days included: the base of the trail figures."""

    def tell_giver(self, pk: int, texts: dict[str, str]) -> bool:
        """Send the giver of item `pk` a public text (by language: fi, sv, en) through the
        channel they chose; True when someone was told. Runs inside the caller's transaction;
        messages leave after commit (the outbox)."""

    # Optional: a kind whose items are many may define `themes_of(pks) -> {pk: themes}`, the
    # summaries' themes read alone ("did the change work?" follows them).
    # Optional: a kind whose items are many may define `received_count(units, start, end) -> int`,
    # the number of received_ids, from its own roll-ups; the trail figures count received_ids
    # otherwise.
    # Optional: a kind whose items are many may define `places(pks) -> {pk: (unit_id, day)}`,
    # where and on which day each item was given, for the items received_ids counts (others
    # left out), so that an item is in received_ids(units, start, end) exactly when its unit
    # is one of `units` and its day falls from `start` to `end`. The trail copies the place
    # onto each link and reads the trail figures from the links alone; the kind calls
    # `trail.services.refresh_places` when an item's place changes.
    # Optional: a kind whose items wait for a named decision maker (a co-development proposal
    # sent to one) may define `awaiting_decision(*, decider_ids, service_ids) -> list[InputItem]`
    # (redacted like summaries); a body's briefing lists them (briefings/selectors.py). A kind
    # whose items wait for a service's answer by a date (a panel's initiative) may define
    # `overdue_answers(*, service_ids, today) -> list[InputItem]`: the briefing flags them.


_KINDS: dict[str, InputKind] = {}


class UnknownKindError(LookupError):
    pass


def register(kind: InputKind) -> None:
    """Called once per kind from its app's ready(); registering a name twice is a bug."""
    if kind.name in _KINDS and _KINDS[kind.name] is not kind:
        raise ValueError(f"input kind {kind.name!r} is registered twice")
    _KINDS[kind.name] = kind


def input_kind(name: str) -> InputKind:
    try:
        return _KINDS[name]
    except KeyError:
        raise UnknownKindError(name) from None


def input_kinds() -> list[InputKind]:
    return list(_KINDS.values())


def kind_choices() -> list[tuple[str, str]]:
    return [(kind.name, kind.label()) for kind in _KINDS.values()]
