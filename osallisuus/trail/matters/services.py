"""Writes on matters: open one, carry it, put it on an agenda, record the decision.

Each step with a public text becomes a TrailEvent that every linked giver is told (services
of the trail); every write asks its named permission first and is one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from osallisuus.authorization import require
from osallisuus.errors import DomainError
from osallisuus.organisation.models import DecisionBody, Service, Unit

from ..models import Action, Decision, Matter, TrailEvent
from ..services import UnknownInputError, link_briefed_inputs, link_inputs, record_event

if TYPE_CHECKING:
    from osallisuus.accounts.types import User


class MatterError(DomainError):
    """A step on a matter that is not allowed now, or input it cannot take."""


def _clean_texts(texts: dict[str, str]) -> dict[str, str]:
    return {lang: (texts.get(lang) or "").strip() for lang in ("fi", "sv", "en")}


@transaction.atomic
def create_matter(
    *,
    by: User,
    title: str,
    summary: str,
    carrier: Any,
    target_body: DecisionBody | None = None,
    target_person: Any = None,
    target_office: str = "",
    unit: Unit | None = None,
    service: Service | None = None,
    inputs: Iterable[tuple[str, int]] = (),
    actions: Iterable[Action] = (),
) -> Matter:
    """Open a matter with its carrier and target; link the inputs `by` may see."""
    require(by, "trail.add_matter")
    if not title.strip():
        raise MatterError(_("Give the matter a title."), field="title")
    if not summary.strip():
        raise MatterError(_("Summarise the matter."), field="summary")
    if carrier is None:
        raise MatterError(_("Name the person who carries the matter."), field="carrier")
    if target_body is None and target_person is None and not target_office.strip():
        raise MatterError(
            _("Choose the body or the office-holder the matter is carried to."),
            field="target_body",
        )
    if unit is not None and service is not None:
        raise MatterError(_("Choose a unit or a service, not both."), field="service")
    matter = Matter.objects.create(
        title=title.strip(),
        summary=summary.strip(),
        carrier=carrier,
        target_body=target_body,
        target_person=target_person,
        target_office=target_office.strip(),
        unit=unit,
        service=service,
        created_by=by,
    )
    refs = list(inputs)
    if refs:
        try:
            link_inputs(by=by, refs=refs, matter=matter)
        except UnknownInputError:
            raise MatterError(_("Unknown input."), field="inputs") from None
    if actions:
        matter.actions.set(actions)
    return matter


@transaction.atomic
def carry_matter(
    *, matter: Matter, by: User, carried_on: date, texts: dict[str, str]
) -> TrailEvent:
    """The carrier took the matter to its decision maker; givers are told."""
    require(by, "trail.manage_matter", matter)
    texts = _clean_texts(texts)
    if not texts["fi"]:
        raise MatterError(_("Write the public text in Finnish."), field="public_text_fi")
    matter.carried_on = carried_on
    matter.save(update_fields=["carried_on"])
    return record_event(kind=TrailEvent.Kind.MATTER_CARRIED, by=by, texts=texts, matter=matter)


@transaction.atomic
def put_on_agenda(
    *,
    matter: Matter,
    by: User,
    meeting_date: date,
    agenda_item: str = "",
    diary_number: str = "",
    minutes_url: str = "",
    texts: dict[str, str],
) -> TrailEvent:
    """The matter is on a meeting's agenda; givers are told when and where."""
    require(by, "trail.manage_matter", matter)
    texts = _clean_texts(texts)
    if not texts["fi"]:
        raise MatterError(_("Write the public text in Finnish."), field="public_text_fi")
    matter.meeting_date = meeting_date
    matter.agenda_item = agenda_item.strip()
    matter.diary_number = diary_number.strip()
    matter.minutes_url = minutes_url.strip()
    matter.save(update_fields=["meeting_date", "agenda_item", "diary_number", "minutes_url"])
    return record_event(kind=TrailEvent.Kind.MATTER_ON_AGENDA, by=by, texts=texts, matter=matter)


@transaction.atomic
def decide_matter(
    *,
    matter: Matter,
    by: User,
    outcome: str,
    decided_by: str,
    decided_on: date,
    reasons: str,
    texts: dict[str, str],
) -> Decision:
    """Record the decision, always with reasons; every linked giver is told."""
    require(by, "trail.decide_matter", matter)
    if Decision.objects.filter(matter=matter).exists():
        raise MatterError(_("The decision has already been recorded."))
    if outcome not in Decision.Outcome.values:
        raise MatterError(_("Choose the outcome."), field="outcome")
    if not decided_by.strip():
        raise MatterError(_("Name who decided."), field="decided_by")
    if not reasons.strip():
        raise MatterError(_("Give the reasons for the decision."), field="reasons")
    texts = _clean_texts(texts)
    if not texts["fi"]:
        raise MatterError(_("Write the public text in Finnish."), field="public_text_fi")
    decision = Decision.objects.create(
        matter=matter,
        outcome=outcome,
        decided_by=decided_by.strip(),
        decided_on=decided_on,
        reasons=reasons.strip(),
        recorded_by=by,
        **{f"public_text_{lang}": text for lang, text in texts.items()},
    )
    record_event(kind=TrailEvent.Kind.DECISION, by=by, texts=texts, matter=matter, status=outcome)
    return decision


@transaction.atomic
def take_up_matter(
    *,
    by: User,
    body: DecisionBody,
    title: str,
    summary: str,
    service: Service | None = None,
    actions: Iterable[Action] = (),
    inputs: Iterable[tuple[str, int]] = (),
) -> Matter:
    """A member of `body` takes an item of its briefing up: a matter they carry to their own
    body, carried today, with the briefing's actions and inputs linked; its givers are told.

    The caller (briefings) has found the item in the member's briefing; this asks that `by` may
    decide for the body and opens the matter as create_matter would, without its handler rule.
    """
    if not body.members.filter(pk=getattr(by, "pk", 0) or 0).exists():
        raise MatterError(_("Only a member of the body can take an item up."))
    matter = Matter.objects.create(
        title=title.strip()[:200],
        summary=summary.strip(),
        carrier=by,
        target_body=body,
        service=service,
        carried_on=timezone.localdate(),
        created_by=by,
    )
    link_briefed_inputs(by=by, refs=list(inputs), matter=matter)
    if actions:
        matter.actions.set(actions)
    texts = {}
    for lang in ("fi", "sv", "en"):
        with translation.override(lang):
            texts[lang] = _("%(body)s has taken up the matter “%(title)s”.") % {
                "body": body.name,
                "title": matter.title,
            }
    record_event(kind=TrailEvent.Kind.MATTER_CARRIED, by=by, texts=texts, matter=matter)
    return matter
