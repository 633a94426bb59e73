"""Demo data for the pool: the experience-area vocabulary, fee tables for last and this year,
the demo expert `kokemus` and two more people with areas, and an open request."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from osallisuus.accounts.models import Role, User
from osallisuus.accounts.services import assign_role
from osallisuus.demo.county import DEMO_PASSWORD
from osallisuus.organisation.models import Municipality, Unit

from . import services
from .models import ExperienceArea, ExpertRole, FeeTable, ProfileStatus, Stage

AREAS = [
    ("Mielenterveys", "Psykisk hälsa", "Mental health"),
    ("Päihteet", "Missbruk", "Substance use"),
    ("Lastensuojelu", "Barnskydd", "Child welfare"),
    ("Vammaisuus", "Funktionsnedsättning", "Disability"),
    ("Ikääntyneiden palvelut", "Äldreomsorg", "Services for older people"),
    ("Pitkäaikaissairaus", "Långvarig sjukdom", "Long-term illness"),
    ("Omaishoito", "Närståendevård", "Informal care"),
]
# (username, first, last, roles, languages, area indexes, municipality code)
PEOPLE = [
    ("kokemus", "Kalle", "Kokemus", ["expert"], ["fi"], [0, 1], "901"),
    ("kehittaja", "Kerttu", "Kehittäjä", ["developer_client"], ["fi", "sv"], [2, 5], "902"),
    ("stina", "Stina", "Strand", ["developer_client", "expert"], ["sv", "fi"], [4, 6], "904"),
]


def _fee_tables(year: int, km_rate: Decimal) -> None:
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    FeeTable.objects.get_or_create(
        role=ExpertRole.DEVELOPER_CLIENT,
        valid_from=start,
        defaults={
            "valid_to": end,
            "hourly_fee": Decimal("25.00"),
            "half_day_fee": Decimal("80.00"),
            "day_fee": Decimal("150.00"),
            "km_rate": km_rate,
        },
    )
    FeeTable.objects.get_or_create(
        role=ExpertRole.EXPERT,
        valid_from=start,
        defaults={"valid_to": end, "km_rate": km_rate, "expense_allowance": Decimal("20.00")},
    )
    FeeTable.objects.get_or_create(
        role=ExpertRole.OTHER, valid_from=start, defaults={"valid_to": end, "km_rate": km_rate}
    )


@transaction.atomic
def seed_demo_data() -> None:
    if ExperienceArea.objects.exists():
        return
    areas = [
        ExperienceArea.objects.create(name_fi=fi, name_sv=sv, name_en=en) for fi, sv, en in AREAS
    ]
    year = timezone.localdate().year
    _fee_tables(year - 1, Decimal("0.57"))
    _fee_tables(year, Decimal("0.59"))
    coordinator = User.objects.filter(username="koordinaattori").first()
    for username, first, last, roles, languages, area_ids, municipality in PEOPLE:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User.objects.create_user(
                username=username,
                password=DEMO_PASSWORD,
                first_name=first,
                last_name=last,
                email=f"{username}@example.org",
            )
        assign_role(user=user, role=Role.EXPERT)
        profile = services.apply_to_pool(
            user=user,
            data=services.ProfileData(
                municipality=Municipality.objects.filter(code=municipality).first(),
                languages=languages,
                roles=roles,
                experience_areas=[areas[i] for i in area_ids],
                consent=True,
            ),
        )
        profile.status = ProfileStatus.ACTIVE
        profile.stage = Stage.ORIENTATION
        profile.support_person = coordinator
        profile.approved_at = timezone.now()
        profile.save()
    staff = User.objects.filter(username="hoitaja").first()
    if staff is not None:
        services.file_request(
            by=staff,
            areas=[areas[2]],
            topic="Perhekeskuksen kehittäjäkahvila",
            description="Miten perheet löytävät palvelut? Kaksi kehittäjäasiakasta.",
            language="fi",
            starts_at=timezone.now() + datetime.timedelta(days=21),
            mode="onsite",
            duration_hours=Decimal("3.0"),
            role=ExpertRole.DEVELOPER_CLIENT,
            people_needed=2,
            unit=Unit.objects.order_by("pk").first(),
            municipality=Municipality.objects.filter(code="901").first(),
        )
