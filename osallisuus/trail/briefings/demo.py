"""Demo briefing: the demo county's social and health committee gets the current month's
briefing, with the premises theme rising at Järvilaakso health station (feedback's demo) and
an undecided follow-up matter (a drop-off point and signs) carried to the committee by the
station's unit manager."""

from __future__ import annotations

from django.utils import timezone

from osallisuus.organisation.models import DecisionBody, Unit

from .. import kinds
from ..matters.services import carry_matter, create_matter
from ..models import Matter
from .services import build_briefing

COMMITTEE = "Sosiaali- ja terveyslautakunta"
RISING_THEME = "facilities_accessibility"
MATTER_TITLE = "Saattoliikenteen pysähtymispaikka ja opasteet Järvilaakson terveysasemalle"


def _plant_undecided_matter(body: DecisionBody) -> None:
    from django.contrib.auth import get_user_model

    manager = get_user_model().objects.filter(username="esihenkilo").first()
    if manager is None or Matter.objects.filter(title=MATTER_TITLE).exists():
        return
    feedback = kinds.input_kind("feedback")
    # A few of the station's premises comments this month, as the manager may see them.
    seen = list(feedback.visible_ids(manager))
    items = [item for item in feedback.items(seen, manager) if RISING_THEME in item.themes][:5]
    matter = create_matter(
        by=manager,
        title=MATTER_TITLE,
        summary=(
            "Asiakkaat kertovat, ettei pihalla ole saattoliikenteen pysähtymispaikkaa eikä "
            "opasteita esteettömälle sisäänkäynnille; ehdotus vaatii lautakunnan päätöksen "
            "määrärahasta."
        ),
        carrier=manager,
        target_body=body,
        unit=Unit.objects.filter(pk=items[0].unit_id or 0).first() if items else None,
        inputs=[(item.kind, item.pk) for item in items],
    )
    carry_matter(
        matter=matter,
        by=manager,
        carried_on=timezone.localdate(),
        texts={
            "fi": "Asia pysähtymispaikasta ja opasteista on viety sosiaali- ja "
            "terveyslautakunnalle.",
            "sv": "Ärendet om en angöringsplats och skyltar har förts till social- och "
            "hälsovårdsnämnden.",
            "en": "The matter of a drop-off point and signs has been carried to the Social and "
            "Health Committee.",
        },
    )


def seed_demo_data() -> None:
    """Once: the undecided matter, then the committee's briefing for this month (no e-mail)."""
    body = DecisionBody.objects.filter(name_fi=COMMITTEE).first()
    if body is None:
        return
    _plant_undecided_matter(body)
    build_briefing(body=body, month=timezone.localdate(), send=False)
