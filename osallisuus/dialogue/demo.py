"""Demo data: the county's client panel with members, a meeting whose minutes are approved, and
the next meeting with a nurse's question about availability on its draft agenda."""

from __future__ import annotations

import datetime

from django.utils import timezone

from osallisuus.accounts.models import User
from osallisuus.authorization import SYSTEM
from osallisuus.organisation.models import Municipality, Unit
from osallisuus.organisation.selectors import current_organiser

from . import services
from .models import AgeBand, Group, GroupKind, MemberKind, MemberRole, Origin, Topic


def seed_demo_data() -> None:
    organiser = current_organiser()
    if organiser is None or Group.objects.exists():
        return
    users = {
        u.username: u for u in User.objects.filter(username__in=["asukas", "kokemus", "hoitaja"])
    }
    municipalities = list(Municipality.objects.order_by("code")[:3])
    panel = services.create_group(
        by=SYSTEM,
        organiser=organiser,
        kind=GroupKind.CLIENT_PANEL,
        name_fi="Järvilaakson asiakasraati",
        name_sv="Järvidalens klientråd",
        name_en="Järvilaakso client panel",
        description=(
            "Asiakkaiden ja omaisten raati, jolta ammattilaiset kysyvät palvelujen "
            "saatavuudesta, toimivuudesta ja kehittämistarpeista."
        ),
        term_starts=datetime.date(2026, 1, 1),
        term_ends=datetime.date(2027, 12, 31),
    )
    seats = [
        ("Aino Asukas", MemberRole.CHAIR, MemberKind.CLIENT, AgeBand.FROM_65, "asukas"),
        ("Kalle Kokemus", MemberRole.VICE_CHAIR, MemberKind.EXPERT, AgeBand.FROM_30, "kokemus"),
        ("Otto Omainen", MemberRole.MEMBER, MemberKind.RELATIVE, AgeBand.FROM_30, None),
        ("Nea Nuori", MemberRole.MEMBER, MemberKind.CLIENT, AgeBand.UNDER_18, None),
        ("Sari Sihteeri", MemberRole.SECRETARY, MemberKind.STAFF, AgeBand.FROM_30, None),
    ]
    for index, (name, role, kind, age_band, username) in enumerate(seats):
        services.add_member(
            by=SYSTEM,
            group=panel,
            name=name,
            role=role,
            origin=Origin.OPEN_CALL if kind != MemberKind.STAFF else Origin.APPOINTED,
            member_kind=kind,
            age_band=age_band,
            municipality=municipalities[index % len(municipalities)] if municipalities else None,
            user=users.get(username) if username else None,
            email=f"{name.split()[0].lower()}@raati.example",
        )
    now = timezone.now()
    past = services.schedule_meeting(
        by=SYSTEM,
        group=panel,
        starts_at=now - datetime.timedelta(days=30),
        place="Järvilaakson kaupungintalo, sali 2",
        agenda="1. Raadin järjestäytyminen\n2. Terveysaseman ajanvaraus",
        agenda_published=True,
    )
    services.record_minutes(
        by=SYSTEM,
        meeting=past,
        minutes=(
            "1. Puheenjohtajaksi valittiin Aino Asukas.\n"
            "2. Raati toivoi takaisinsoittoa myös iltapäivisin."
        ),
        present=list(panel.members.all()),
        approve=True,
    )
    coming = services.schedule_meeting(
        by=SYSTEM,
        group=panel,
        starts_at=now + datetime.timedelta(days=14),
        place="Järvilaakson kaupungintalo, sali 2",
        remote_link="https://meet.example/raati",
        agenda="1. Kotihoidon käyntiajat (luonnos)",
    )
    asker = users.get("hoitaja")
    unit = Unit.objects.filter(name_fi="Järvilaakso terveysasema").first()
    if asker is not None and unit is not None:
        question = services.ask_question(
            by=asker,
            group=panel,
            unit=unit,
            topic=Topic.AVAILABILITY,
            title="Saako terveysasemalle ajan helposti puhelimella?",
            background="Takaisinsoittoa odotetaan joskus kaksi päivää.",
            answer_wanted_by=timezone.localdate() + datetime.timedelta(days=30),
        )
        services.take_up_question(by=SYSTEM, question=question, meeting=coming)
