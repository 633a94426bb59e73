"""Demo data: the county's client panel with members, a meeting whose minutes are approved, and
the next meeting with a nurse's question about availability on its draft agenda; and the
statutory influence bodies one board decision set up, with the gaps the overview points out."""

from __future__ import annotations

import datetime

from django.utils import timezone

from osallisuus.accounts.models import User
from osallisuus.authorization import SYSTEM
from osallisuus.organisation.models import Municipality, Organiser, Unit
from osallisuus.organisation.selectors import current_organiser

from . import services
from .models import (
    STATUTORY_KINDS,
    AgeBand,
    Group,
    GroupKind,
    MemberKind,
    MemberRole,
    Origin,
    SeatHolderKind,
    Topic,
    UserSeat,
)


def seed_demo_data() -> None:
    organiser = current_organiser()
    if organiser is None:
        return
    if not Group.objects.filter(kind=GroupKind.CLIENT_PANEL).exists():
        _seed_panel(organiser)
    if not Group.objects.filter(kind__in=STATUTORY_KINDS).exists():
        _seed_influence_bodies(organiser)
    if not UserSeat.objects.exists():
        _seed_user_seat()

    if not Group.objects.filter(kind=GroupKind.EXPERTISE_NETWORK).exists():
        _seed_network(organiser)


def _seed_network(organiser: Organiser) -> None:
    """The network of experiential expertise on Lapland's rhythm (seed 000): it meets twice a
    year, in spring and in autumn; the rule plans the coming meetings as drafts."""
    network = services.create_group(
        by=SYSTEM,
        organiser=organiser,
        kind=GroupKind.EXPERTISE_NETWORK,
        name_fi="Kokemusasiantuntijoiden verkosto",
        name_sv="Nätverket för erfarenhetsexperter",
        name_en="Network of experiential expertise",
        description="Kokoontuu Lapin mallin mukaan kahdesti vuodessa, keväällä ja syksyllä.",
        term_starts=datetime.date(2026, 1, 1),
    )
    expert = User.objects.filter(username="kokemus").first()
    people = [
        ("Kalle Kokemus", MemberKind.EXPERT, expert),
        ("Liisa Luotsi", MemberKind.EXPERT, None),
        ("Järvilaakson mielenterveysyhdistys ry", MemberKind.ORGANISATION, None),
        ("Järvilaakson omaishoitajat ry", MemberKind.ORGANISATION, None),
    ]
    for name, kind, user in people:
        services.add_member(
            by=SYSTEM,
            group=network,
            name=name,
            origin=Origin.ASSOCIATION if kind == MemberKind.ORGANISATION else Origin.OPEN_CALL,
            member_kind=kind,
            age_band=AgeBand.FROM_30 if kind == MemberKind.EXPERT else AgeBand.UNKNOWN,
            user=user,
            publish_name=False,
        )
    services.add_meeting_rule(
        by=SYSTEM,
        group=network,
        description="kahdesti vuodessa, keväällä ja syksyllä",
        months=[4, 10],
        day=15,
        time=datetime.time(10, 0),
        place="Järvilaakson kaupungintalo, sali 1",
        remote_link="https://meet.example/verkosto",
    )
    services.plan_meetings(today=timezone.localdate())


def _seed_panel(organiser: Organiser) -> None:
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


# (kind, fi, sv, en, the municipal body fi, age band)
INFLUENCE_BODIES = [
    (
        GroupKind.YOUTH_COUNCIL,
        "Järvilaakson hyvinvointialueen nuorisovaltuusto",
        "Sjödalens välfärdsområdes ungdomsfullmäktige",
        "Järvilaakso youth council",
        "nuorisovaltuusto",
        AgeBand.UNDER_18,
    ),
    (
        GroupKind.OLDER_PEOPLE_COUNCIL,
        "Järvilaakson hyvinvointialueen vanhusneuvosto",
        "Sjödalens välfärdsområdes äldreråd",
        "Järvilaakso council for older people",
        "vanhusneuvosto",
        AgeBand.FROM_75,
    ),
    (
        GroupKind.DISABILITY_COUNCIL,
        "Järvilaakson hyvinvointialueen vammaisneuvosto",
        "Sjödalens välfärdsområdes råd för personer med funktionsnedsättning",
        "Järvilaakso disability council",
        "vammaisneuvosto",
        AgeBand.FROM_30,
    ),
]
FIRST_NAMES = ["Aada", "Bror", "Celia", "Daniel", "Eeva", "Frans"]


def _seed_influence_bodies(organiser: Organiser) -> None:
    """One board decision sets up the three § 32 bodies. Every municipality has a member in
    each but the disability council, where Kivijärvi's seat is still open (the overview warns);
    the disability council also has a member from an association, chosen outside the
    municipal bodies. No national-language committee yet: the overview shows it missing."""
    municipalities = list(Municipality.objects.filter(organiser=organiser).order_by("code"))
    for kind, name_fi, name_sv, name_en, body, age_band in INFLUENCE_BODIES:
        group = services.create_group(
            by=SYSTEM,
            organiser=organiser,
            kind=kind,
            name_fi=name_fi,
            name_sv=name_sv,
            name_en=name_en,
            term_starts=datetime.date(2025, 6, 1),
            term_ends=datetime.date(2029, 5, 31),
            decided_on=datetime.date(2025, 5, 12),
            decision_section="87",
        )
        seats = municipalities[:-1] if kind == GroupKind.DISABILITY_COUNCIL else municipalities
        for index, municipality in enumerate(seats):
            services.add_member(
                by=SYSTEM,
                group=group,
                name=f"{FIRST_NAMES[index % len(FIRST_NAMES)]} {municipality.name_fi}",
                role=MemberRole.CHAIR if index == 0 else MemberRole.MEMBER,
                origin=Origin.MUNICIPAL_BODY,
                member_kind=MemberKind.REPRESENTATIVE,
                age_band=age_band,
                municipality=municipality,
                language="sv" if municipality.name_fi == municipality.name_sv else "fi",
                represents=f"{body}, {municipality.name_fi}",
            )
        if kind == GroupKind.DISABILITY_COUNCIL:
            services.add_member(
                by=SYSTEM,
                group=group,
                name="Veera Vertaistuki",
                origin=Origin.ASSOCIATION,
                member_kind=MemberKind.REPRESENTATIVE,
                age_band=AgeBand.FROM_30,
                represents="Järvilaakson näkövammaiset ry",
            )
        services.add_member(
            by=SYSTEM,
            group=group,
            name="Sanna Sihteeri",
            role=MemberRole.SECRETARY,
            origin=Origin.APPOINTED,
            member_kind=MemberKind.STAFF,
            age_band=AgeBand.FROM_30,
            represents="Järvilaakson hyvinvointialue",
        )
        past = services.schedule_meeting(
            by=SYSTEM,
            group=group,
            starts_at=timezone.now() - datetime.timedelta(days=60),
            place="Järvilaakson kaupungintalo, sali 1",
            agenda="1. Järjestäytyminen\n2. Toimintasuunnitelma",
            agenda_published=True,
        )
        services.record_minutes(
            by=SYSTEM,
            meeting=past,
            minutes=(
                "1. Puheenjohtajaksi valittiin kunnan edustaja.\n"
                "2. Toimintasuunnitelma hyväksyttiin."
            ),
            present=list(group.members.all()),
            approve=True,
        )


def _seed_user_seat() -> None:
    """A user seat on the regional board held by the demo expert by experience, with a support
    person, and attendance at one meeting. No pool request is filed for its fees here, so that
    the experts' demo keeps its one open request."""
    from osallisuus.experts.selectors import profile_of
    from osallisuus.organisation.models import DecisionBody

    board = DecisionBody.objects.filter(kind=DecisionBody.Kind.REGIONAL_BOARD).first()
    coordinator = User.objects.filter(username="koordinaattori").first()
    expert_user = User.objects.filter(username="kokemus").first()
    expert = profile_of(expert_user) if expert_user else None
    if board is None or coordinator is None or expert is None:
        return
    today = timezone.localdate()
    seat = services.create_user_seat(
        by=coordinator,
        body=board,
        holder_kind=SeatHolderKind.EXPERT,
        holder_name="Kalle Kokemus",
        expert=expert,
        proposed_by="Järvilaakson kokemusasiantuntijaverkosto",
        support_person="Tuula Tukija (Järvilaakson mielenterveysyhdistys)",
        term_starts=today - datetime.timedelta(days=90),
        term_ends=datetime.date(today.year + 2, 5, 31),
        pay_fees=False,
    )
    services.record_seat_attendance(
        by=coordinator, body=board, held_on=today - datetime.timedelta(days=14), present=[seat]
    )
