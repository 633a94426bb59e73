"""Demo data: one co-development project with a workshop and a board with a few notes."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from osallisuus.accounts.models import User
from osallisuus.organisation.models import Unit

from .models import GroupRole, Project
from .services import add_note, cast_vote, start_project_with_workshop


def seed_demo_data() -> None:
    if Project.objects.exists():
        return
    users = {
        u.username: u
        for u in User.objects.filter(username__in=["hoitaja", "kokemus", "asukas", "esihenkilo"])
    }
    unit = Unit.objects.filter(name_fi="Järvilaakso terveysasema").first()
    if unit is None or len(users) < 4:
        return
    facilitator = users["hoitaja"]
    today = timezone.localdate()
    start = datetime(today.year, today.month, today.day, 14, tzinfo=ZoneInfo("Europe/Helsinki"))
    workshop = start_project_with_workshop(
        by=facilitator,
        title="Ajanvaraus sujuvaksi",
        target="Asiakas saa ajan terveysasemalle helposti, puhelimella tai verkossa.",
        units=[unit],
        public_summary=(
            "Asiakkaat ja työntekijät miettivät yhdessä, miten ajan varaaminen "
            "terveysasemalle olisi helpompaa."
        ),
        members=[
            (users["kokemus"], GroupRole.EXPERT),
            (users["asukas"], GroupRole.CLIENT),
            (users["esihenkilo"], GroupRole.SUPERVISOR),
        ],
        workshop_title="Ajanvarauksen työpaja 1",
        starts_at=start + timedelta(days=7),
        place="Järvilaakson terveysasema, neuvotteluhuone",
        remote_link="https://meet.example.org/ajanvaraus",
        agenda="1. Tutustuminen\n2. Ennen, nyt ja lähitulevaisuudessa\n3. Äänestys",
        pre_tasks="Muistele viimeisintä kertaa, kun varasit ajan.",
        between_tasks="Kokeile chat-palvelua ja kerro kokemuksesi.",
    ).workshop
    before, now, future = list(workshop.columns.all())
    add_note(
        workshop=workshop,
        by=users["asukas"],
        column=before,
        text="Jonotin puhelimessa 40 minuuttia.",
    )
    add_note(
        workshop=workshop,
        by=users["kokemus"],
        column=now,
        text="Takaisinsoitto toimii, mutta siitä ei tiedetä.",
        anonymous=True,
    )
    idea = add_note(
        workshop=workshop, by=facilitator, column=future, text="Ajanvaraus chatissa myös iltaisin."
    )
    cast_vote(note=idea, by=users["asukas"])
    cast_vote(note=idea, by=users["kokemus"])
