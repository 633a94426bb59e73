"""Workshops: invitations with an iCalendar attachment, registration, attendance, materials."""

from __future__ import annotations

import icalendar
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from osallisuus.accounts.tests.factories import sign_in
from osallisuus.codevelopment.models import Material, Registration
from osallisuus.codevelopment.services import send_invitations
from osallisuus.notifications.models import OutboxMessage

from .factories import project_with_workshop

pytestmark = pytest.mark.django_db


def test_invitations_go_to_every_member_with_a_calendar_attachment(unit):
    setup = project_with_workshop(unit)
    sent = send_invitations(workshop=setup.workshop, by=setup.facilitator)
    assert sent == 3
    message = OutboxMessage.objects.get(recipient=setup.client.email)
    attachment = message.attachments[0]
    assert attachment["mimetype"] == "text/calendar"
    event = icalendar.Calendar.from_ical(attachment["content"]).walk("VEVENT")[0]
    assert str(event["summary"]) == "Ensimmäinen työpaja"
    assert event.decoded("dtstart") == setup.workshop.starts_at.replace(microsecond=0)
    assert "kalenteri.ics" in message.body


def test_the_ics_download_is_a_calendar(unit, client):
    setup = project_with_workshop(unit)
    sign_in(client, setup.client)
    response = client.get(reverse("codevelopment:workshop_ics", kwargs={"pk": setup.workshop.pk}))
    assert response["Content-Type"].startswith("text/calendar")
    assert b"BEGIN:VEVENT" in response.content


def test_a_member_registers_with_accessibility_and_dietary_needs(unit, client):
    setup = project_with_workshop(unit)
    sign_in(client, setup.client)
    url = setup.workshop.get_absolute_url()
    client.post(
        f"{url}ilmoittaudu/",
        {
            "remote": "on",
            "accessibility_needs": "Pyörätuoli",
            "dietary_needs": "Gluteeniton",
        },
    )
    registration = Registration.objects.get()
    assert registration.remote
    assert (registration.accessibility_needs, registration.dietary_needs) == (
        "Pyörätuoli",
        "Gluteeniton",
    )


def test_the_facilitator_sees_needs_and_the_view_is_logged(unit, client):
    from osallisuus.audit.models import AccessLog
    from osallisuus.codevelopment.services import register

    setup = project_with_workshop(unit)
    register(workshop=setup.workshop, user=setup.client, remote=False, dietary_needs="Vegaani")
    sign_in(client, setup.facilitator)
    assert "Vegaani" in client.get(setup.workshop.get_absolute_url()).content.decode()
    assert AccessLog.objects.filter(actor=setup.facilitator).exists()


def test_the_facilitator_records_attendance(unit, client):
    setup = project_with_workshop(unit)
    sign_in(client, setup.facilitator)
    client.post(f"{setup.workshop.get_absolute_url()}lasnaolo/", {"present": [setup.client.pk]})
    attended = dict(Registration.objects.values_list("user_id", "attended"))
    assert attended[setup.client.pk] is True
    assert attended[setup.professional.pk] is False


def test_a_pdf_material_is_added_and_downloaded(unit, client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    setup = project_with_workshop(unit)
    sign_in(client, setup.facilitator)
    upload = SimpleUploadedFile("ohjelma.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    client.post(
        f"{setup.workshop.get_absolute_url()}materiaali/", {"title": "Ohjelma", "file": upload}
    )
    material = Material.objects.get()
    response = client.get(
        reverse(
            "codevelopment:material", kwargs={"pk": setup.workshop.pk, "material_pk": material.pk}
        )
    )
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_a_file_of_a_wrong_type_is_refused(unit, client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    setup = project_with_workshop(unit)
    sign_in(client, setup.facilitator)
    client.cookies.load({"django_language": "en"})
    fake = SimpleUploadedFile("ohjelma.pdf", b"MZ\x90\x00 not a pdf")
    response = client.post(
        f"{setup.workshop.get_absolute_url()}materiaali/", {"title": "X", "file": fake}
    )
    assert "does not match its type" in response.content.decode()
    exe = SimpleUploadedFile("virus.exe", b"MZ")
    response = client.post(
        f"{setup.workshop.get_absolute_url()}materiaali/", {"title": "X", "file": exe}
    )
    assert "cannot be added" in response.content.decode()
    assert not Material.objects.exists()


def test_a_workshop_must_end_after_it_starts(unit, client):
    setup = project_with_workshop(unit)
    sign_in(client, setup.facilitator)
    client.cookies.load({"django_language": "en"})
    response = client.post(
        reverse("codevelopment:workshop_create", kwargs={"pk": setup.project.pk}),
        {
            "title": "T",
            "starts_at": "2030-01-01T12:00",
            "ends_at": "2030-01-01T10:00",
            "place": "Sali",
            "votes_per_participant": 3,
            "preset": "meetings",
        },
    )
    assert "must end after it starts" in response.content.decode()


@pytest.mark.parametrize("step", ["ilmoittaudu", "materiaali", "kutsu", "lasnaolo"])
def test_each_step_on_the_workshop_page_is_post_only(unit, client, step):
    setup = project_with_workshop(unit)
    sign_in(client, setup.facilitator)
    url = setup.workshop.get_absolute_url()
    assert client.get(f"{url}{step}/").status_code == 405
    assert client.post(url).status_code == 405


def test_the_workshop_page_posts_each_step_to_its_own_address(unit, client):
    setup = project_with_workshop(unit)
    sign_in(client, setup.facilitator)
    url = setup.workshop.get_absolute_url()
    body = client.get(url).content.decode()
    for step in ["ilmoittaudu", "materiaali", "kutsu", "lasnaolo"]:
        assert f'action="{url}{step}/"' in body, step
    assert 'name="action"' not in body


def test_sending_invitations_returns_to_the_page_with_the_count(unit, client):
    setup = project_with_workshop(unit)
    sign_in(client, setup.facilitator)
    client.cookies.load({"django_language": "en"})
    url = setup.workshop.get_absolute_url()
    response = client.post(f"{url}kutsu/", follow=True)
    assert response.redirect_chain == [(url, 302)]
    assert "Invitations sent: " in response.content.decode()
    assert OutboxMessage.objects.exists()


def test_a_material_without_a_file_shows_the_page_again_with_the_error(unit, client):
    setup = project_with_workshop(unit)
    sign_in(client, setup.facilitator)
    response = client.post(f"{setup.workshop.get_absolute_url()}materiaali/", {"title": "X"})
    assert response.status_code == 200
    assert response.context["material_form"].errors["file"]
    assert not response.context["registration_form"].is_bound
    assert not Material.objects.exists()


def test_a_member_cannot_add_material_or_record_attendance(unit, client):
    setup = project_with_workshop(unit)
    sign_in(client, setup.client)
    url = setup.workshop.get_absolute_url()
    assert client.post(f"{url}lasnaolo/", {"present": [setup.client.pk]}).status_code == 404
    assert client.post(f"{url}kutsu/").status_code == 404
    assert not Registration.objects.filter(attended=True).exists()
