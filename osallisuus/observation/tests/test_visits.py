"""Observation visits (#17 item 4): findings without personal data, the report, the unit's
answer and the closing rule, who sees what."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from osallisuus.accounts.tests.factories import user_with_role
from osallisuus.notifications.models import OutboxMessage
from osallisuus.observation import services
from osallisuus.observation.models import Finding, Visit
from osallisuus.observation.tests import factories as f
from osallisuus.trail.actions.services import change_action_status
from osallisuus.trail.models import Action

pytestmark = pytest.mark.django_db


def _manager(unit):
    manager = user_with_role("unit_manager", unit=unit)
    manager.email = "johtaja@example.org"
    manager.save()
    return manager


def _post_finding(client, visit, **fields):
    data = {
        "category": "waiting",
        "severity": "observation",
        "description": "Odotustila oli siisti.",
        "recommendation": "",
        **fields,
    }
    return client.post(f"/havainnointi/{visit.pk}/havainto/", data)


def test_a_finding_holding_an_identity_code_is_refused_beside_the_field_and_nothing_saved(
    login, unit
):
    visit = f.visit(unit=unit)
    client = login(visit.observers.first())
    response = _post_finding(client, visit, description=f"Asiakkaan tunnus {f.HETU} näkyi.")
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "henkilötunnus" in errors["description"][0]
    assert Finding.objects.count() == 0


def test_a_name_or_a_phone_number_is_refused_in_finland_s_words(login, unit):
    visit = f.visit(unit=unit)
    client = login(visit.observers.first())
    client.cookies["django_language"] = "fi"
    response = _post_finding(
        client,
        visit,
        description="Hoitaja Mervi Virtanen neuvoi hyvin.",
        recommendation="Soita numeroon 040 123 4567.",
    )
    errors = response.context["form"].errors
    assert "Poista henkilötiedot" in errors["description"][0]
    assert "puhelinnumero" in errors["recommendation"][0]
    assert Finding.objects.count() == 0


def test_a_clean_visit_produces_the_report_pdf_for_the_unit_manager(login, unit):
    visit = f.visit(unit=unit)
    f.finding(visit)
    manager = _manager(unit)
    services.send_report(by=visit.observers.first(), visit=visit)
    response = login(manager).get(f"/havainnointi/{visit.pk}/raportti.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    told = OutboxMessage.objects.get(recipient="johtaja@example.org")
    assert f"/havainnointi/{visit.pk}/" in told.body


def test_an_act_now_finding_tells_the_manager_at_once(unit):
    _manager(unit)
    visit = f.visit(unit=unit)
    f.finding(visit, severity="act_now", description="Hätäuloskäytävä oli tukittu.")
    assert visit.status == Visit.Status.PLANNED
    told = OutboxMessage.objects.get(recipient="johtaja@example.org")
    assert "/havainnointi/havainto/" in told.body


def test_a_finding_cannot_be_closed_without_a_done_action_or_reasons(unit):
    manager = _manager(unit)
    visit = f.visit(unit=unit)
    planned, explained = f.finding(visit), f.finding(visit, category="privacy")
    services.send_report(by=visit.observers.first(), visit=visit)
    services.answer_finding(
        by=manager, finding=planned, answer="action", action_title="Toinen näyttö"
    )
    with pytest.raises(services.ObservationError):
        services.close_finding(by=manager, finding=planned)
    action = Action.objects.get()
    change_action_status(
        action=action, by=manager, status="done", texts={"fi": "Näyttö asennettiin."}
    )
    assert services.close_finding(by=manager, finding=planned).status == "closed"
    with pytest.raises(services.ObservationError):
        services.answer_finding(by=manager, finding=explained, answer="reasons", reasons="Ei.")
    services.answer_finding(
        by=manager,
        finding=explained,
        answer="reasons",
        reasons="Tila on jo remontoitavana ensi vuonna, joten muutosta ei tehdä nyt.",
    )
    assert services.close_finding(by=manager, finding=explained).status == "closed"


def test_only_an_expert_on_a_started_quality_monitor_assignment_may_observe(unit):
    unassigned = user_with_role("expert")
    with pytest.raises(services.ObservationError) as refused:
        f.visit(unit=unit, observer=unassigned)
    assert refused.value.field == "observers"


def test_an_expert_sees_only_their_own_visits(login, unit):
    visit = f.visit(unit=unit)
    other = f.quality_monitor(unit=unit)
    assert login(other).get(visit.get_absolute_url()).status_code == 404
    assert login(visit.observers.first()).get(visit.get_absolute_url()).status_code == 200


def test_staff_of_another_unit_get_404_and_the_own_unit_sees_it_once_reported(
    login, unit, other_unit
):
    from django.test import Client

    visit = f.visit(unit=unit)
    finding = f.finding(visit)
    own = login(user_with_role("staff", unit=unit), Client())
    other = login(user_with_role("staff", unit=other_unit), Client())
    assert own.get(visit.get_absolute_url()).status_code == 404
    services.send_report(by=visit.observers.first(), visit=visit)
    assert own.get(visit.get_absolute_url()).status_code == 200
    assert own.get(finding.get_absolute_url()).status_code == 200
    assert other.get(visit.get_absolute_url()).status_code == 404
    assert other.get(finding.get_absolute_url()).status_code == 404


def test_the_public_sees_no_finding_before_the_unit_answers(client, unit):
    manager = _manager(unit)
    visit = f.visit(unit=unit)
    finding = f.finding(visit, category="privacy")
    services.send_report(by=visit.observers.first(), visit=visit)
    page = f"/palaute/tarinat/{unit.code}/"
    assert "visit-findings-heading" not in client.get(page).content.decode()
    services.answer_finding(
        by=manager,
        finding=finding,
        answer="reasons",
        reasons="Ilmoittautumisluukku siirretään jo ensi kuussa erilliseen huoneeseen.",
    )
    body = client.get(page).content.decode()
    assert "visit-findings-heading" in body
    assert "Ilmoittautumisluukku siirretään" in body
    assert finding.description not in body


def test_a_photo_keeps_its_pixels_and_loses_its_metadata(unit):
    image = Image.new("RGB", (8, 8), "red")
    exif = Image.Exif()
    exif[0x010F] = "Kameravalmistaja"  # Make
    exif[0x0132] = "2026:11:02 10:00:00"  # DateTime
    raw = io.BytesIO()
    image.save(raw, format="JPEG", exif=exif)
    assert b"Kameravalmistaja" in raw.getvalue()
    visit = f.visit(unit=unit)
    photo = SimpleUploadedFile("kuva.jpg", raw.getvalue(), content_type="image/jpeg")
    finding = f.finding(visit, photo=photo)
    stored = finding.photo.read()
    assert b"Kameravalmistaja" not in stored
    with Image.open(io.BytesIO(stored)) as again:
        assert again.size == (8, 8)
        assert not again.getexif()


def test_a_new_template_version_leaves_earlier_visits_on_theirs(unit):
    coordinator = user_with_role("coordinator")
    first = f.template(by=coordinator)
    visit = f.visit(unit=unit, coordinator=coordinator, template=first)
    second = services.revise_template(by=coordinator, template=first, categories=["privacy"])
    assert (first.version, second.version) == (1, 2)
    visit.refresh_from_db()
    assert visit.template == first
    with pytest.raises(services.ObservationError):
        f.finding(f.visit(unit=unit, template=second), category="waiting")


def test_a_follow_up_visit_records_whether_the_finding_changed(login, unit):
    coordinator = user_with_role("coordinator")
    first = f.visit(unit=unit, coordinator=coordinator)
    finding = f.finding(first)
    services.send_report(by=coordinator, visit=first)
    follow_up = f.visit(unit=unit, coordinator=coordinator, follow_up_of=first)
    observer = follow_up.observers.first()
    client = login(observer)
    assert client.get(follow_up.get_absolute_url()).status_code == 200
    response = client.post(
        f"/havainnointi/havainto/{finding.pk}/muutos/",
        {f"f{finding.pk}-visit": follow_up.pk, f"f{finding.pk}-change": "changed"},
    )
    assert response.status_code == 302
    finding.refresh_from_db()
    assert (finding.change, finding.followed_up_on) == ("changed", follow_up)


def test_the_manager_reads_an_act_now_finding_before_the_report_but_no_other(login, unit):
    client = login(_manager(unit))
    visit = f.visit(unit=unit)
    urgent = f.finding(visit, severity="act_now", description="Hätäuloskäytävä oli tukittu.")
    ordinary = f.finding(visit)
    assert client.get(urgent.get_absolute_url()).status_code == 200
    assert client.get(ordinary.get_absolute_url()).status_code == 404
    assert client.get(visit.get_absolute_url()).status_code == 404


def test_the_trail_links_a_finding_only_for_those_who_see_it(unit):
    from osallisuus.trail.kinds import input_kind

    kind = input_kind("visit_finding")
    visit = f.visit(unit=unit)
    finding = f.finding(visit)
    assert kind.items([finding.pk], user_with_role("resident")) == []
    assert kind.items([finding.pk], user_with_role("staff", unit=unit)) == []
    (item,) = kind.items([finding.pk], visit.observers.first())
    assert item.unit_id == unit.pk and "pyörätuolista" in item.excerpt
