"""Demo data after seed 002: the pilot coaching in service guidance of 2017 (20 key people who
work with clients completed it), the two courses tailored from its feedback in 2018, and an
upcoming course for experts by experience that unlocks the quality-monitor assignment."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from . import services
from .models import Course, Enrolment

if TYPE_CHECKING:
    from osallisuus.accounts.types import User

FIRST = ["Aino", "Eero", "Helmi", "Ilkka", "Johanna", "Kari", "Leena", "Mikko", "Noora", "Olli"]
LAST = ["Heikkinen", "Lahtinen"]
ORGANISER = "Perusturvan palvelualue"


def _at(day: datetime.date, hour: int = 9) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _course(by: User, days: list[datetime.date], place: str, **fields: Any) -> Course:
    course = services.create_course(by=by, organiser=ORGANISER, **fields)
    for day in days:
        services.add_session(course=course, by=by, starts_at=_at(day), place=place)
    return course


@transaction.atomic
def seed_demo_data() -> None:
    """Once: the three courses, the pilot's 20 participants completed in June 2017."""
    users = get_user_model().objects
    coordinator = users.filter(role_assignments__role="coordinator").first()
    if coordinator is None or Course.objects.exists():
        return
    pilot = _course(
        coordinator,
        [datetime.date(2017, 2, 8), datetime.date(2017, 3, 15), datetime.date(2017, 5, 10)],
        "Kaupungintalo, kokoushuone 3",
        title="Palveluohjauksen pilottivalmennus",
        description=(
            "Asiakaslähtöiset työtavat ja palvelumuotoilun menetelmät: havainnointi, "
            "asiakasymmärrys, ideointi ja konseptointi, palvelun mallintaminen."
        ),
        audience="staff",
        capacity=20,
        sessions_required=2,
    )
    people = []
    for n in range(20):
        first, last = FIRST[n % len(FIRST)], LAST[n // len(FIRST)]
        user = users.create_user(
            username=f"valmennus{n + 1:02d}", password=None, first_name=first, last_name=last
        )
        enrolment = services.enrol(course=pilot, user=user)
        people.append(services.approve_enrolment(enrolment=enrolment, by=coordinator))
    for session in pilot.sessions.all():
        services.mark_attendance(session=session, by=coordinator, present=people)
    Enrolment.objects.filter(course=pilot).update(completed_at=_at(datetime.date(2017, 5, 10)))

    # Seed 002: two new coachings tailored from the pilot's feedback, run in 2018.
    _course(
        coordinator,
        [datetime.date(2018, 3, 7), datetime.date(2018, 4, 11)],
        "Terveysasema, neuvotteluhuone",
        title="Palveluohjaus asiakkaan rinnalla: jatkovalmennus",
        description="Palveluohjauksen käytännön harjoituksia asiakastyön rajapinnassa.",
        audience="producers_staff",
        capacity=20,
        sessions_required=2,
        based_on=pilot,
    )
    _course(
        coordinator,
        [datetime.date(2018, 9, 5), datetime.date(2018, 10, 3)],
        "Kaupungintalo, kokoushuone 3",
        title="Asiakaslähtöinen ajattelu lähiesimiestyössä",
        description="Lähiesimiesten valmennus asiakaslähtöiseen ajattelumalliin ja muutokseen.",
        audience="supervisors",
        capacity=15,
        sessions_required=2,
        based_on=pilot,
    )
    upcoming = timezone.localdate() + datetime.timedelta(days=30)
    course = _course(
        coordinator,
        [upcoming],
        "Järjestötalo, sali",
        title="Laadunvalvojan perehdytys",
        description="Havainnointikäynnit toimipisteissä: mitä katsotaan ja miten kirjataan.",
        audience="experts",
        capacity=10,
        sessions_required=1,
        unlocks=["quality_monitor"],
    )
    expert = users.filter(username="kokemus").first()
    if expert is not None:
        services.enrol(course=course, user=expert)
