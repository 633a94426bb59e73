"""Standing groups (#16 item 1): public pages, consent to publish names, drafts for members,
contact details for those who run a group (audit-logged), minutes as text and PDF."""

from __future__ import annotations

import pytest
from django.urls import reverse

from osallisuus.accounts.tests.factories import sign_in, user_with_role
from osallisuus.audit.models import AccessLog
from osallisuus.authorization import SYSTEM, NotPermitted
from osallisuus.dialogue import services
from osallisuus.dialogue.models import AgeBand, MemberKind, MemberRole, Origin
from osallisuus.errors import DomainError

from .factories import meeting_of, panel_for

pytestmark = pytest.mark.django_db


def _member(group, name, **extra):
    defaults = {"origin": Origin.OPEN_CALL, "member_kind": MemberKind.CLIENT}
    return services.add_member(by=SYSTEM, group=group, name=name, **{**defaults, **extra})


def test_anonymous_sees_published_names_and_approved_minutes_only(client, unit):
    group = panel_for(unit)
    _member(group, "Aino Julkinen", age_band=AgeBand.FROM_30)
    _member(group, "Bertta Salainen", age_band=AgeBand.FROM_30, publish_name=False)
    meeting_of(group, approved=True)
    draft = meeting_of(group, agenda="Luonnos: palvelusetelit")

    page = client.get(reverse("dialogue:group", kwargs={"pk": group.pk})).content.decode()
    assert "Aino Julkinen" in page
    assert "Bertta Salainen" not in page
    # The composition counts both, so that gaps show without naming anyone.
    assert "2 members" in page or "2 jäsentä" in page

    draft_page = client.get(reverse("dialogue:meeting", kwargs={"pk": draft.pk})).content.decode()
    assert "Luonnos: palvelusetelit" not in draft_page


def test_a_member_under_18_is_not_named_unless_consent_is_recorded(unit):
    group = panel_for(unit)
    young = _member(group, "Nuori Jäsen", age_band=AgeBand.UNDER_18)
    consented = _member(group, "Toinen Nuori", age_band=AgeBand.UNDER_18, publish_name=True)
    adult = _member(group, "Aikuinen Jäsen", age_band=AgeBand.FROM_18)
    assert (young.publish_name, consented.publish_name, adult.publish_name) == (False, True, True)


def test_members_see_the_draft_agenda_and_others_do_not(client, unit):
    group = panel_for(unit)
    member_user = user_with_role("resident")
    _member(group, "Raadin Jäsen", user=member_user)
    draft = meeting_of(group, agenda="Luonnos: kotihoidon käynnit")
    url = reverse("dialogue:meeting", kwargs={"pk": draft.pk})

    outsider = user_with_role("resident")
    sign_in(client, outsider)
    assert "Luonnos: kotihoidon käynnit" not in client.get(url).content.decode()
    sign_in(client, member_user)
    assert "Luonnos: kotihoidon käynnit" in client.get(url).content.decode()


def test_a_secretary_runs_their_own_group_only(unit):
    own, other = panel_for(unit), panel_for(unit, name="Toinen raati")
    secretary = user_with_role("resident")
    _member(own, "Sihteeri", role=MemberRole.SECRETARY, user=secretary)
    _member(own, "Uusi Jäsen", member_kind=MemberKind.RELATIVE)  # as the coordinator would
    services.add_member(
        by=secretary, group=own, name="Lisätty", origin=Origin.APPOINTED, member_kind="client"
    )
    with pytest.raises(NotPermitted):
        services.add_member(
            by=secretary, group=other, name="Ei", origin=Origin.APPOINTED, member_kind="client"
        )
    assert not other.members.exists()


def test_every_look_at_members_contact_details_is_audit_logged(client, unit):
    group = panel_for(unit)
    first = _member(group, "Aino", email="aino@example.org")
    second = _member(group, "Bertta", phone="+358401112223")
    coordinator = user_with_role("coordinator")
    sign_in(client, coordinator)
    response = client.get(reverse("dialogue:members", kwargs={"pk": group.pk}))
    assert "aino@example.org" in response.content.decode()
    logged = set(
        AccessLog.objects.filter(actor=coordinator, object_type="dialogue.member").values_list(
            "object_id", flat=True
        )
    )
    assert logged == {str(first.pk), str(second.pk)}


def test_an_expert_seat_links_to_the_expert_profile(unit):
    from osallisuus.experts.models import ExpertProfile

    expert_user = user_with_role("expert")
    profile = ExpertProfile.objects.create(user=expert_user)
    member = _member(group := panel_for(unit), "Kokemus", user=expert_user)
    assert member.expert == profile
    with pytest.raises(DomainError):
        _member(group, "Kokemus taas", user=expert_user)


def test_a_meeting_needs_a_place_or_a_link_and_the_error_is_beside_the_field(client, unit):
    group = panel_for(unit)
    sign_in(client, user_with_role("coordinator"))
    response = client.post(
        reverse("dialogue:meeting_create", kwargs={"pk": group.pk}),
        {"starts_at": "2026-12-20T17:00", "place": "", "remote_link": ""},
    )
    assert response.status_code == 200
    assert not group.meetings.exists()
    assert 'id="id_place_error"' in response.content.decode()


def test_approved_minutes_are_a_pdf_and_drafts_are_not(client, unit):
    group = panel_for(unit)
    approved, draft = meeting_of(group, approved=True), meeting_of(group)
    response = client.get(reverse("dialogue:minutes_pdf", kwargs={"pk": approved.pk}))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert client.get(reverse("dialogue:minutes_pdf", kwargs={"pk": draft.pk})).status_code == 404


def test_approved_minutes_no_longer_change(unit):
    group = panel_for(unit)
    meeting = meeting_of(group, approved=True)
    with pytest.raises(DomainError):
        services.record_minutes(by=SYSTEM, meeting=meeting, minutes="Muutettu", present=[])
