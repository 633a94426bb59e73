"""The pool's rules: consent, contracts before work, fair ranking, claims, erasure, reminders."""

import datetime
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone, translation

from osallisuus.accounts.selectors import roles_of
from osallisuus.accounts.tests.factories import UserFactory, user_with_role
from osallisuus.authorization import NotPermitted
from osallisuus.experts import services
from osallisuus.experts.fees import LineInput
from osallisuus.experts.models import Assignment, Claim, ExpertProfile, Invitation
from osallisuus.experts.selectors import approved_claims, candidates_for, yearly_summary
from osallisuus.experts.tests.factories import (
    ExperienceAreaFactory,
    assignment_with_claim,
    fee_tables,
    make_profile,
    make_request,
)
from osallisuus.notifications.models import OutboxMessage

pytestmark = pytest.mark.django_db


def test_experience_areas_are_not_stored_without_consent():
    area = ExperienceAreaFactory()
    with pytest.raises(services.ExpertsError):
        services.apply_to_pool(
            user=UserFactory(),
            data=services.ProfileData(experience_areas=[area], consent=False),
        )
    assert not ExpertProfile.objects.exists()


def test_consent_is_recorded_with_time_and_text_version():
    profile = make_profile(areas=[ExperienceAreaFactory()])
    consent = profile.consents.get()
    assert consent.text_version == services.CONSENT_VERSION
    assert consent.given_at is not None
    assert consent.text == services.consent_text()


def test_withdrawing_consent_removes_the_areas():
    profile = make_profile(areas=[ExperienceAreaFactory()], accessibility_needs="Pyörätuoli")
    services.update_profile(profile=profile, data=services.ProfileData(consent=False))
    profile.refresh_from_db()
    assert not profile.experience_areas.exists()
    assert profile.accessibility_needs == ""
    assert profile.consents.get().withdrawn_at is not None


def test_approving_an_applicant_gives_the_expert_role():
    profile = make_profile(status="applicant")
    services.approve_applicant(profile=profile, by=user_with_role("coordinator"))
    profile.refresh_from_db()
    assert profile.status == "active"
    assert "expert" in roles_of(UserFactory._meta.model.objects.get(pk=profile.user_id))


def test_only_a_coordinator_approves():
    with pytest.raises(NotPermitted):
        services.approve_applicant(profile=make_profile(), by=user_with_role("staff"))


def _accepted(role="developer_client"):
    fee_tables(timezone.localdate().year)
    coordinator = user_with_role("coordinator")
    profile = make_profile(roles=(role,))
    request = make_request(starts_at=timezone.now(), role=role)
    invitation = services.invite(request=request, profiles=[profile], by=coordinator)[0]
    assignment = services.answer_invitation(invitation=invitation, accept=True)
    return coordinator, profile, assignment


def test_an_assignment_cannot_start_without_both_signatures():
    coordinator, profile, assignment = _accepted()
    contract = services.current_contract(assignment)
    with pytest.raises(services.ContractNotSignedError):
        services.start_assignment(assignment=assignment, by=coordinator)
    services.sign_contract(contract=contract, by=profile.user)
    with pytest.raises(services.ContractNotSignedError):
        services.start_assignment(assignment=assignment, by=coordinator)
    services.sign_contract(contract=contract, by=coordinator)
    services.start_assignment(assignment=assignment, by=coordinator)
    assert Assignment.objects.get().status == "started"


def test_a_new_contract_version_needs_new_signatures():
    coordinator, profile, assignment = _accepted()
    first = services.current_contract(assignment)
    services.sign_contract(contract=first, by=profile.user)
    services.sign_contract(contract=first, by=coordinator)
    second = services.generate_contract(assignment=assignment)
    assert second.version == 2
    with pytest.raises(services.ContractNotSignedError):
        services.start_assignment(assignment=assignment, by=coordinator)
    with pytest.raises(services.ExpertsError):
        services.sign_contract(contract=first, by=profile.user)


def test_the_contract_has_the_six_sections_in_finnish_and_swedish():
    _coordinator, _profile, assignment = _accepted()
    sections = services.current_contract(assignment).sections
    assert next(title for title, _text in sections["fi"]).startswith("1.")
    assert len(sections["fi"]) == len(sections["sv"]) == 6
    assert sections["fi"][2][1] != sections["sv"][2][1]


def test_someone_else_cannot_sign_the_experts_part():
    _coordinator, _profile, assignment = _accepted()
    with pytest.raises(NotPermitted):
        services.sign_contract(
            contract=services.current_contract(assignment), by=user_with_role("expert")
        )


def test_the_least_used_suitable_person_ranks_first():
    area = ExperienceAreaFactory()
    busy = make_profile(areas=[area], roles=("developer_client",))
    idle = make_profile(areas=[area], roles=("developer_client",))
    unsuited = make_profile(languages=("sv",))
    coordinator = user_with_role("coordinator")
    for _ in range(2):
        past = make_request(starts_at=timezone.now() - datetime.timedelta(days=30))
        invitation = services.invite(request=past, profiles=[busy], by=coordinator)[0]
        services.answer_invitation(invitation=invitation, accept=True)
    request = make_request(areas=[area])
    ranked = candidates_for(request)
    assert [c.profile for c in ranked] == [idle, busy, unsuited]
    assert ranked[0].recent_assignments == 0 and ranked[1].recent_assignments == 2
    assert any(area.name in reason for reason in ranked[0].reasons)
    assert not ranked[2].suitable


def test_an_unavailable_person_is_not_suitable():
    area = ExperienceAreaFactory()
    request = make_request(areas=[area])
    make_profile(areas=[area], unavailable_until=timezone.localdate() + datetime.timedelta(days=30))
    with translation.override("en"):
        [candidate] = candidates_for(request)
    assert not candidate.suitable
    assert "Not available on the date" in candidate.reasons


def test_an_invitation_is_emailed_with_a_link_and_reminded_after_two_days():
    coordinator = user_with_role("coordinator")
    profile = make_profile()
    request = make_request()
    services.invite(request=request, profiles=[profile], by=coordinator)
    assert OutboxMessage.objects.filter(recipient=profile.user.email).count() == 1
    Invitation.objects.update(sent_at=timezone.now() - datetime.timedelta(days=3))
    call_command("send_expert_reminders")
    assert OutboxMessage.objects.filter(recipient=profile.user.email).count() == 2
    call_command("send_expert_reminders")
    assert OutboxMessage.objects.filter(recipient=profile.user.email).count() == 2


def test_a_claim_is_approved_and_appears_in_the_payroll_rows():
    trail = assignment_with_claim()
    claim = trail["claim"]
    # 3 h × 25.00 + 10 km × 0.59 (even year; 0.57 odd) + 4.50 parking
    assert claim.total in (Decimal("85.40"), Decimal("85.20"))
    services.decide_claim(claim=claim, by=user_with_role("coordinator"), approve=True)
    [row] = approved_claims()
    assert row.total == claim.total
    assert yearly_summary(year=timezone.localdate().year)[0].total == claim.total


def test_a_returned_claim_needs_a_reason():
    trail = assignment_with_claim()
    with pytest.raises(services.ExpertsError):
        services.decide_claim(claim=trail["claim"], by=user_with_role("coordinator"), approve=False)
    services.decide_claim(
        claim=trail["claim"],
        by=user_with_role("coordinator"),
        approve=False,
        reason="Kuitti puuttuu",
    )
    assert Claim.objects.get().return_reason == "Kuitti puuttuu"


def test_a_claim_is_refused_before_the_assignment_starts():
    _coordinator, profile, assignment = _accepted()
    with pytest.raises(services.ExpertsError):
        services.submit_claim(
            assignment=assignment,
            by=profile.user,
            lines=[LineInput(date=timezone.localdate(), hours=Decimal(1))],
            expenses=[],
        )


def test_erasure_keeps_approved_fees_and_removes_the_rest():
    trail = assignment_with_claim()
    profile = trail["expert_profile"]
    coordinator = user_with_role("coordinator")
    services.decide_claim(claim=trail["claim"], by=coordinator, approve=True)
    profile.experience_areas.add(ExperienceAreaFactory())
    profile.phone = "040 123 4567"
    profile.save()
    services.request_erasure(profile=profile)
    services.erase_profile(profile=profile, by=coordinator)
    profile.refresh_from_db()
    assert profile.status == "left" and profile.phone == ""
    assert not profile.experience_areas.exists() and not profile.consents.exists()
    assert Claim.objects.get().status == "approved"
