"""Demo data for reports: count the demo feedback into the roll-ups (runs after feedback's), and
publish one unit's self-monitoring summary of the last ended four-month period."""

from django.utils import timezone

from osallisuus.accounts.selectors import managers_of, people_with_role
from osallisuus.organisation.models import Unit

from .models import SelfMonitoringPublication
from .self_monitoring.selectors import last_ended
from .services import rebuild_rollups

PUBLISHED_UNIT = "Järvilaakso terveysasema"


def seed_demo_data() -> None:
    rebuild_rollups()
    unit = Unit.objects.filter(name_fi=PUBLISHED_UNIT).first()
    if unit is None:
        return
    manager = managers_of(unit).first() or people_with_role("unit_manager").first()
    if manager is None or SelfMonitoringPublication.objects.exists():
        return
    period = last_ended()
    SelfMonitoringPublication.objects.create(
        unit=unit,
        year=period.year,
        part=period.part,
        comment="Palautteessa toistui puhelinjono. Otimme käyttöön takaisinsoiton; seuraamme, "
        "väheneekö jonoa koskeva palaute seuraavalla jaksolla.",
        published_at=timezone.now(),
        published_by=manager,
    )
