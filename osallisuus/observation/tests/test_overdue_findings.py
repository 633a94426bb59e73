"""Visit findings past their answer date with no answer (issue 17 item 4): the unit managers'
list of visits counts them per unit with links, and the briefing of the body deciding for the
unit lists them as a count per unit with links to the findings: the redacted description only,
never the observers' names."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from osallisuus.accounts.tests.factories import user_with_role
from osallisuus.observation import services
from osallisuus.observation.models import Finding, Visit
from osallisuus.organisation.models import DecisionBody
from osallisuus.organisation.tests.factories import OrganiserFactory, ServiceFactory, UnitFactory
from osallisuus.trail.briefings.services import build_briefing
from osallisuus.trail.models import Briefing
from osallisuus.trail.tests.test_briefings import pdf_text

from . import factories as f

pytestmark = pytest.mark.django_db

PHONE = "040 123 4567"


def _reported_visit(unit, *, observer_name="Olli Observoija"):
    coordinator = user_with_role("coordinator")
    observer = f.quality_monitor(unit=unit)
    observer.first_name, observer.last_name = observer_name.split()
    observer.save()
    visit = f.visit(unit=unit, observer=observer, coordinator=coordinator)
    late = f.finding(visit)
    answered = f.finding(visit, description="Opasteet olivat pienellä tekstillä.")
    services.send_report(by=coordinator, visit=visit)
    # The description was written before the rule: it still holds a phone number.
    Finding.objects.filter(pk=late.pk).update(description=f"Vuoronumeronäyttö, soita {PHONE}.")
    manager = user_with_role("unit_manager", unit=unit)
    services.answer_finding(
        by=manager,
        finding=answered,
        answer=Finding.Answer.REASONS,
        reasons="Opasteet uusitaan koko talossa ensi vuonna, erillistä muutosta ei tehdä.",
    )
    return visit, late, answered, manager


def deciding_body(unit, make_user):
    """A committee deciding on the unit's service, with one member (`body.member`)."""
    body = DecisionBody.objects.create(
        organiser=OrganiserFactory(), kind=DecisionBody.Kind.COMMITTEE, name_fi="Lautakunta"
    )
    body.services.add(unit.service)
    body.member = make_user("decision_maker")
    body.members.add(body.member)
    return body


def test_the_unit_manager_sees_overdue_findings_counted_with_links(client, login, unit):
    visit, late, answered, manager = _reported_visit(unit)

    today = timezone.localdate()
    Visit.objects.filter(pk=visit.pk).update(answer_due=today)
    login(manager)
    before = client.get(reverse("observation:list")).content.decode()
    assert 'id="overdue-findings"' not in before  # not past the date yet

    Visit.objects.filter(pk=visit.pk).update(answer_due=today - timedelta(days=1))
    page = client.get(reverse("observation:list"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    section = page.split('id="overdue-findings"', 1)[1].split("</section>", 1)[0]
    assert reverse("observation:finding", kwargs={"pk": late.pk}) in section
    assert reverse("observation:finding", kwargs={"pk": answered.pk}) not in section
    assert PHONE not in section and "Vuoronumeronäyttö" in section
    assert "Observoija" not in section


def test_the_deciding_body_reads_a_count_per_unit_with_links(client, login, make_user, unit):
    visit, late, _answered, _manager = _reported_visit(unit)
    other_unit = UnitFactory(code="HAM", service=ServiceFactory(name_fi="Suun terveydenhuolto"))
    _other_visit, other_late, *_rest = _reported_visit(other_unit, observer_name="Maija Muu")
    body = deciding_body(unit, make_user)
    member = body.member
    today = visit.answer_due + timedelta(days=1)
    build_briefing(body=body, month=date(2026, 11, 1), today=today, send=False)
    briefing = Briefing.objects.get(body=body)
    rows = briefing.content["overdue_findings"]
    assert [(row["unit_code"], row["count"]) for row in rows] == [(unit.code, 1)]
    assert PHONE not in str(rows)

    login(member)
    page = client.get(reverse("briefings:detail", args=[briefing.pk])).content.decode()
    section = page.split('id="overdue-findings"', 1)[1].split("</section>", 1)[0]
    assert reverse("observation:finding", kwargs={"pk": late.pk}) in section
    assert reverse("observation:finding", kwargs={"pk": other_late.pk}) not in section
    assert "Vuoronumeronäyttö" in section and PHONE not in section
    assert "Observoija" not in page
    pdf = pdf_text(client.get(reverse("briefings:pdf", args=[briefing.pk])).content)
    assert PHONE not in pdf and "Observoija" not in pdf
    assert reverse("reports:unit", kwargs={"code": unit.code}) in pdf

    # On the due day nothing is overdue yet.
    build_briefing(body=body, month=date(2026, 11, 1), today=visit.answer_due, send=False)
    assert Briefing.objects.get(body=body).content["overdue_findings"] == []
