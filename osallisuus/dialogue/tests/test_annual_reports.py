"""Language committees (Act 611/2021 § 33) in the same register as the § 32 bodies: their
annual report to the regional board is tracked (due, submitted) by their own secretary, and an
overdue report shows on the overview of influence bodies."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from osallisuus.accounts.tests.factories import sign_in, user_with_role
from osallisuus.authorization import SYSTEM, NotPermitted
from osallisuus.dialogue import selectors, services
from osallisuus.dialogue.models import AnnualReport, GroupKind
from osallisuus.errors import DomainError

from .factories import panel_for, secretary_of

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _committee(organiser, kind, name):
    return services.create_group(
        by=SYSTEM,
        organiser=organiser,
        kind=kind,
        name_fi=name,
        term_starts=datetime.date(2026, 1, 1),
        decided_on=datetime.date(2025, 12, 1),
        decision_section="12",
    )


def test_the_secretary_records_the_report_and_an_overdue_one_shows_on_the_overview(client, unit):
    organiser = unit.producer.organiser
    national = _committee(organiser, GroupKind.LANGUAGE_COMMITTEE, "Kansalliskielilautakunta")
    sami = _committee(organiser, GroupKind.SAMI_LANGUAGE_COMMITTEE, "Saamen kielen lautakunta")
    secretary = secretary_of(national)
    sign_in(client, secretary)
    response = client.post(
        reverse("dialogue:annual_reports", kwargs={"pk": national.pk}),
        {"year": 2025, "due_on": (TODAY - datetime.timedelta(days=5)).isoformat()},
    )
    assert response.status_code == 302
    # The secretary's role is scoped to their own body: the other committee is not theirs.
    url = reverse("dialogue:annual_reports", kwargs={"pk": sami.pk})
    assert client.get(url).status_code == 404

    overview = selectors.influence_body_overview(organiser=organiser, today=TODAY)
    states = {b.group.pk: b for kind in overview for b in kind.bodies}
    assert states[national.pk].reports_overdue == [2025]
    assert states[sami.pk].reports_overdue == []
    page = client.get(reverse("dialogue:influence_bodies")).content.decode()
    assert "2025" in page

    services.record_annual_report(
        by=secretary,
        group=national,
        year=2025,
        due_on=TODAY - datetime.timedelta(days=5),
        submitted_on=TODAY,
    )
    assert AnnualReport.objects.get(group=national).submitted_on == TODAY
    assert selectors.body_state(national, today=TODAY).reports_overdue == []


def test_only_language_committees_report_and_only_those_who_run_them_record(unit):
    organiser = unit.producer.organiser
    committee = _committee(organiser, GroupKind.SAMI_LANGUAGE_COMMITTEE, "Saamen kielen lautakunta")
    with pytest.raises(NotPermitted):
        services.record_annual_report(
            by=user_with_role("staff", unit=unit), group=committee, year=2025, due_on=TODAY
        )
    with pytest.raises(DomainError):
        services.record_annual_report(by=SYSTEM, group=panel_for(unit), year=2025, due_on=TODAY)
    with pytest.raises(DomainError) as refused:
        services.record_annual_report(
            by=SYSTEM,
            group=committee,
            year=2025,
            due_on=TODAY,
            submitted_on=TODAY + datetime.timedelta(days=1),
        )
    assert refused.value.field == "submitted_on"
