"""Test data for the pool: areas, profiles with consent, fee tables, a whole assignment."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from osallisuus.accounts.tests.factories import UserFactory, user_with_role
from osallisuus.experts import services
from osallisuus.experts.fees import LineInput
from osallisuus.experts.models import (
    ExperienceArea,
    ExpertProfile,
    ExpertRequest,
    ExpertRole,
    FeeTable,
    ProfileStatus,
)


class ExperienceAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExperienceArea

    name_fi = factory.Sequence(lambda n: f"Alue {n}")
    name_sv = factory.Sequence(lambda n: f"Område {n}")
    name_en = factory.Sequence(lambda n: f"Area {n}")


def make_profile(
    *,
    areas: list[ExperienceArea] | None = None,
    languages: tuple[str, ...] = ("fi",),
    roles: tuple[str, ...] = ("expert",),
    status: str = ProfileStatus.ACTIVE,
    user: Any = None,
    **fields: Any,
) -> ExpertProfile:
    """A profile with consent given for its areas."""
    user = user or UserFactory()
    profile = services.apply_to_pool(
        user=user,
        data=services.ProfileData(
            languages=list(languages),
            roles=list(roles),
            experience_areas=areas or [],
            consent=True,
            accessibility_needs=fields.pop("accessibility_needs", ""),
        ),
    )
    profile.status = status
    for name, value in fields.items():
        setattr(profile, name, value)
    profile.save()
    return profile


def fee_tables(year: int) -> list[FeeTable]:
    """Fees of one year: developer clients a fee and travel; experts travel and allowance."""
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    km = Decimal("0.57") if year % 2 else Decimal("0.59")
    return [
        FeeTable.objects.create(
            role=ExpertRole.DEVELOPER_CLIENT,
            valid_from=start,
            valid_to=end,
            hourly_fee=Decimal("25.00"),
            half_day_fee=Decimal("80.00"),
            day_fee=Decimal("150.00"),
            km_rate=km,
        ),
        FeeTable.objects.create(
            role=ExpertRole.EXPERT,
            valid_from=start,
            valid_to=end,
            km_rate=km,
            expense_allowance=Decimal("20.00"),
        ),
        FeeTable.objects.create(role=ExpertRole.OTHER, valid_from=start, valid_to=end, km_rate=km),
    ]


def make_request(*, by: Any = None, **fields: Any) -> ExpertRequest:
    defaults: dict[str, Any] = {
        "topic": "Neuvolan kehittäjäkahvila",
        "language": "fi",
        "starts_at": timezone.now() + datetime.timedelta(days=14),
        "mode": "remote",
        "duration_hours": Decimal("3.0"),
        "role": ExpertRole.DEVELOPER_CLIENT,
        "people_needed": 1,
    }
    defaults.update(fields)
    areas = defaults.pop("areas", [])
    return services.file_request(by=by or user_with_role("staff"), areas=areas, **defaults)


def assignment_with_claim(*, expert: Any = None, requester: Any = None) -> dict[str, Any]:
    """A whole trail: request → invitation → assignment → contract → started → claim.

    `expert` (a user) gets the profile and `requester` files the request, when given."""
    year = timezone.localdate().year
    if not FeeTable.objects.filter(valid_from__year=year).exists():
        fee_tables(year)
    coordinator = user_with_role("coordinator")
    profile = make_profile(roles=("developer_client",), user=expert)
    request = make_request(starts_at=timezone.now(), by=requester)
    invitation = services.invite(request=request, profiles=[profile], by=coordinator)[0]
    assignment = services.answer_invitation(invitation=invitation, accept=True)
    assert assignment is not None
    contract = services.current_contract(assignment)
    assert contract is not None
    services.sign_contract(contract=contract, by=profile.user)
    services.sign_contract(contract=contract, by=coordinator)
    services.start_assignment(assignment=assignment, by=coordinator)
    claim = services.submit_claim(
        assignment=assignment,
        by=profile.user,
        lines=[LineInput(date=timezone.localdate(), hours=Decimal(3), km=Decimal(10))],
        expenses=[
            services.ExpenseInput(
                description="Pysäköinti",
                amount=Decimal("4.50"),
                receipt=SimpleUploadedFile("kuitti.pdf", b"%PDF-1.4\n%%EOF"),
            )
        ],
    )
    training = services.record_training(
        profile=profile,
        by=coordinator,
        course="Kokemusasiantuntijakoulutus",
        organiser="Mielenterveysyhdistys",
        date=timezone.localdate(),
        certificate=SimpleUploadedFile("todistus.pdf", b"%PDF-1.4\n%%EOF"),
    )
    return {
        "receipt": claim.expenses.get(),
        "training": training,
        "expert_profile": profile,
        "request": request,
        "invitation": invitation,
        "assignment": assignment,
        "contract": contract,
        "claim": claim,
    }


def one_line_claim(date: datetime.date) -> dict[str, str]:
    """The claim form's POST body: two hours on one date, no expenses."""
    return {
        "line-TOTAL_FORMS": "1",
        "line-INITIAL_FORMS": "0",
        "line-0-date": date.isoformat(),
        "line-0-hours": "2",
        "line-0-half_days": "0",
        "line-0-days": "0",
        "line-0-km": "0",
        "expense-TOTAL_FORMS": "0",
        "expense-INITIAL_FORMS": "0",
    }


def collector_assignment(*, profile: ExpertProfile, unit: Any, requester: Any = None) -> Any:
    """A started feedback-collector assignment for `unit`: invited, accepted, signed by both."""
    return started_assignment(
        profile=profile, unit=unit, assignment_type="collector", requester=requester
    )


def started_assignment(
    *, profile: ExpertProfile, assignment_type: str, unit: Any = None, requester: Any = None
) -> Any:
    """A started assignment of `assignment_type`: invited, accepted, signed by both."""
    coordinator = user_with_role("coordinator")
    request = make_request(
        assignment_type=assignment_type, unit=unit, starts_at=timezone.now(), by=requester
    )
    invitation = services.invite(request=request, profiles=[profile], by=coordinator)[0]
    assignment = services.answer_invitation(invitation=invitation, accept=True)
    assert assignment is not None
    contract = services.current_contract(assignment)
    assert contract is not None
    services.sign_contract(contract=contract, by=profile.user)
    services.sign_contract(contract=contract, by=coordinator)
    return services.start_assignment(assignment=assignment, by=coordinator)
