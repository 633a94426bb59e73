"""Writes on the trail shared by actions and matters: registering kinds, linking inputs,
recording a step and telling the linked givers about it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from . import kinds
from .models import Action, InputLink, Matter, TrailEvent


def register_input_kind(kind: kinds.InputKind) -> None:
    """Each input app calls this from its AppConfig.ready()."""
    kinds.register(kind)


class UnknownInputError(LookupError):
    """An input that does not exist or that the person may not see: the same answer for both."""


@transaction.atomic
def link_inputs(
    *,
    by: Any,
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
    created = 0
    for kind_name, pks in wanted.items():
        for pk in sorted(pks):
            _link, made = InputLink.objects.get_or_create(
                kind=kind_name,
                object_id=pk,
                action=action,
                matter=matter,
                defaults={"linked_by": by},
            )
            created += made
    return created


@transaction.atomic
def record_event(
    *,
    kind: str,
    by: Any,
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
    return event


def tell_linked_givers(event: TrailEvent) -> int:
    """Tell the givers of every input linked to the event's action or matter (through each
    kind's own channel); return how many were told."""
    links = InputLink.objects.filter(action=event.action, matter=event.matter).order_by("pk")
    texts = event.public_texts()
    told = 0
    for link in links:
        try:
            kind = kinds.input_kind(link.kind)
        except kinds.UnknownKindError:
            continue
        told += kind.tell_giver(link.object_id, texts)
    return told
