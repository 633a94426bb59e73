"""Writes on the trail shared by actions and matters: registering kinds, linking inputs,
recording a step and telling the linked givers about it."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext as _

from osallisuus.accounts.selectors import parties_concerned
from osallisuus.notifications.services import send_batched
from osallisuus.organisation.selectors import units_by_ids

from . import kinds
from .models import Action, InputLink, Matter, TrailEvent

if TYPE_CHECKING:
    from osallisuus.accounts.types import User


def register_input_kind(kind: kinds.InputKind) -> None:
    """Each input app calls this from its AppConfig.ready()."""
    kinds.register(kind)


class UnknownInputError(LookupError):
    """An input that does not exist or that the person may not see: the same answer for both."""


@transaction.atomic
def link_inputs(
    *,
    by: User,
    refs: Iterable[tuple[str, int]],
    action: Action | None = None,
    matter: Matter | None = None,
) -> int:
    """Link inputs (kind, pk) to an action or a matter; return how many links are new.

    Every input must be one `by` may see: otherwise nothing is linked and UnknownInputError is
    raised, so no one learns whether a hidden input exists. Linking twice is harmless.
    """
    if (action is None) == (matter is None):
        raise ValueError("link to an action or a matter")
    wanted: dict[str, set[int]] = {}
    for kind_name, pk in refs:
        wanted.setdefault(kind_name, set()).add(int(pk))
    for kind_name, pks in wanted.items():
        try:
            kind = kinds.input_kind(kind_name)
        except kinds.UnknownKindError:
            raise UnknownInputError(kind_name) from None
        seen = {item.pk for item in kind.items(pks, by)}
        if seen != pks:
            raise UnknownInputError(kind_name)
    return _store_links(by=by, wanted=wanted, action=action, matter=matter)


def _store_links(
    *, by: User, wanted: dict[str, set[int]], action: Action | None, matter: Matter | None
) -> int:
    created = 0
    for kind_name, pks in wanted.items():
        places = _places(kind_name, pks)
        for pk in sorted(pks):
            unit_id, given_on = places.get(pk, (None, None))
            _link, made = InputLink.objects.get_or_create(
                kind=kind_name,
                object_id=pk,
                action=action,
                matter=matter,
                defaults={"linked_by": by, "unit_id": unit_id, "given_on": given_on},
            )
            created += made
    return created


def _places(kind_name: str, pks: Iterable[int]) -> dict[int, tuple[int, date]]:
    """The places of a kind that keeps them (kinds.py, `places`); empty for other kinds."""
    try:
        places = getattr(kinds.input_kind(kind_name), "places", None)
    except kinds.UnknownKindError:
        return {}
    return dict(places(list(pks))) if places is not None else {}


def refresh_places(kind_name: str, pks: Iterable[int]) -> int:
    """Copy the current place of each input among `pks` onto its links (the input moved to
    another unit, or the figures came to leave it out); returns how many links changed."""
    links = list(InputLink.objects.filter(kind=kind_name, object_id__in=list(pks)))
    if not links:
        return 0
    places = _places(kind_name, {link.object_id for link in links})
    changed = []
    for link in links:
        unit_id, given_on = places.get(link.object_id, (None, None))
        if (link.unit_id, link.given_on) != (unit_id, given_on):
            link.unit_id, link.given_on = unit_id, given_on
            changed.append(link)
    InputLink.objects.bulk_update(changed, ["unit", "given_on"])
    return len(changed)


@transaction.atomic
def link_briefed_inputs(*, by: User, refs: Iterable[tuple[str, int]], matter: Matter) -> int:
    """Link inputs a briefing showed `by` (as redacted summaries) to the matter they took up.

    The briefing, built by the trail for the member's own body, is what let them see the items,
    so each kind's visible_to is not asked again; a kind that is gone is left out.
    """
    wanted: dict[str, set[int]] = {}
    for kind_name, pk in refs:
        try:
            kinds.input_kind(kind_name)
        except kinds.UnknownKindError:
            continue
        wanted.setdefault(kind_name, set()).add(int(pk))
    return _store_links(by=by, wanted=wanted, action=None, matter=matter)


@transaction.atomic
def record_event(
    *,
    kind: str,
    by: User | None,
    texts: dict[str, str],
    action: Action | None = None,
    matter: Matter | None = None,
    status: str = "",
) -> TrailEvent:
    """A step on the timeline; when it has a public text, every linked giver is told."""
    event = TrailEvent.objects.create(
        kind=kind,
        action=action,
        matter=matter,
        status=status,
        by=by,
        **{f"public_text_{lang}": text for lang, text in texts.items() if text},
    )
    if event.public_texts():
        event.givers_told = tell_linked_givers(event)
        event.save(update_fields=["givers_told"])
        tell_parties_concerned(event)
    return event


def tell_linked_givers(event: TrailEvent) -> int:
    """Tell the givers of every input linked to the event's action or matter (through each
    kind's own channel); return how many were told."""
    texts = event.public_texts()
    told = 0
    for kind_name, object_id in linked_inputs_of(event):
        try:
            kind = kinds.input_kind(kind_name)
        except kinds.UnknownKindError:
            continue
        told += kind.tell_giver(object_id, texts)
    return told


def linked_inputs_of(event: TrailEvent) -> list[tuple[str, int]]:
    """The inputs (kind, pk) an event concerns, each once: those linked to its action, or to
    its matter and to the actions the matter took up (their givers follow the matter too)."""
    if event.matter is not None:
        links = InputLink.objects.filter(
            Q(matter=event.matter) | Q(action__in=event.matter.actions.values("pk"))
        )
    else:
        links = InputLink.objects.filter(action=event.action)
    pairs = links.order_by("pk").values_list("kind", "object_id")
    return list(dict.fromkeys(pairs))


def _units_concerned(event: TrailEvent) -> list[Any]:
    """The unit of the action or matter, and the units of every input linked to it."""
    owner = event.action or event.matter
    unit_ids = {owner.unit_id} if owner is not None and owner.unit_id else set()
    by_kind: dict[str, list[int]] = {}
    for kind_name, object_id in linked_inputs_of(event):
        by_kind.setdefault(kind_name, []).append(object_id)
    for kind_name, pks in by_kind.items():
        try:
            kind = kinds.input_kind(kind_name)
        except kinds.UnknownKindError:
            continue
        unit_ids |= {item.unit_id for item in kind.summaries(pks) if item.unit_id}
    return list(units_by_ids(unit_ids))


def tell_parties_concerned(event: TrailEvent) -> int:
    """Send the event's public text to the parties concerned (seed 000's "asianosaiset"): the
    managers of the units it concerns and their producers' contacts, each in their own
    language and in their one message of the day; return how many were told."""
    owner = event.action or event.matter
    told = 0
    for person in parties_concerned(_units_concerned(event)):
        if not person.email or person.pk == event.by_id:
            continue
        language = person.preferred_language or "fi"
        with translation.override(language):
            title = str(owner)  # the action's title in the person's language
            send_batched(
                channel="email",
                to=person.email,
                subject=_("News on the trail of client feedback"),
                part=_("%(what)s “%(title)s”: %(text)s")
                % {
                    "what": event.get_kind_display(),
                    "title": title,
                    "text": event.public_text(language),
                },
                daily=person.notify_daily,
            )
        told += 1
    return told
