"""Demo data: a closed campaign in the demo county whose results led to a done action."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from osallisuus.accounts.models import Role, User
from osallisuus.feedback.models import QuestionSet
from osallisuus.organisation.models import Unit
from osallisuus.trail.actions.services import change_action_status, create_action

from .models import Campaign

DEMO_UNITS = ("Järvilaakso terveysasema",)


def seed_demo_data() -> None:
    """Once: a three-month campaign at the demo county's health station that ended a month
    ago, and the action planned from its results and done."""
    if Campaign.objects.exists():
        return
    coordinator = User.objects.filter(role_assignments__role=Role.COORDINATOR).first()
    question_set = (
        QuestionSet.objects.filter(is_default=True, active=True).order_by("-version").first()
    )
    units = list(Unit.objects.filter(name_fi__in=DEMO_UNITS)) or list(
        Unit.objects.order_by("code")[:1]
    )
    if coordinator is None or question_set is None or not units:
        return
    today = timezone.localdate()
    ends_on = today.replace(day=1) - timedelta(days=1)
    campaign = Campaign.objects.create(
        title_fi="Kysely ajanvarauksesta ja puhelinpalvelusta",
        title_sv="Enkät om tidsbokning och telefontjänst",
        title_en="Survey on booking and the phone service",
        question_set=question_set,
        starts_on=(ends_on - timedelta(days=80)).replace(day=1),
        ends_on=ends_on,
        created_by=coordinator,
    )
    campaign.units.set(units)
    manager = User.objects.filter(role_assignments__role=Role.UNIT_MANAGER).first()
    action = create_action(
        by=coordinator,
        title_fi="Takaisinsoitto puhelinjonoon",
        title_sv="Återuppringning i telefonkön",
        title_en="Call-back in the phone queue",
        owner=manager or coordinator,
        unit=units[0],
        texts={
            "fi": "Kyselyssä moni kertoi jonottaneensa puhelimessa. Otamme takaisinsoiton "
            "käyttöön.",
            "sv": "Många berättade i enkäten att de köat i telefon. Vi inför återuppringning.",
            "en": "Many said in the survey that they queued on the phone. We are introducing "
            "call-backs.",
        },
        inputs=[("campaign", campaign.pk)],
    )
    change_action_status(
        action=action,
        by=coordinator,
        status="done",
        texts={
            "fi": "Takaisinsoitto on nyt käytössä: jätä numerosi, niin soitamme saman päivän "
            "aikana.",
            "sv": "Återuppringning används nu: lämna ditt nummer så ringer vi samma dag.",
            "en": "Call-backs are now in use: leave your number and we call you the same day.",
        },
    )
