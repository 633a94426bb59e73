"""Unit managers keep their own units' reply templates; coordinators keep everyone's."""

import pytest

from osallisuus.feedback.models import ReplyTemplate
from osallisuus.feedback.reply_templates.selectors import reply_templates_for
from osallisuus.feedback.services import FeedbackInput, submit_feedback

pytestmark = pytest.mark.django_db

LIST, NEW = "/palaute/vastauspohjat/", "/palaute/vastauspohjat/uusi/"


def template_body(**extra):
    return {
        "title": "Jonot",
        "text_fi": "Kiitos, lisäämme puhelinaikoja.",
        "text_sv": "Tack, vi lägger till telefontider.",
        "text_en": "",
        "active": "on",
        **extra,
    }


def test_a_unit_manager_writes_a_template_that_their_units_staff_are_offered(client_as, unit):
    manager = client_as("unit_manager")
    response = manager.post(NEW, template_body(unit=unit.pk))
    assert response.status_code == 302
    template = ReplyTemplate.objects.get()
    assert (template.unit, template.service) == (unit, None)
    feedback = submit_feedback(FeedbackInput(unit=unit, text="Jonotin tunnin.", language="sv"))[0]
    assert list(reply_templates_for(feedback)) == [template]
    assert template.text(feedback.language) == "Tack, vi lägger till telefontider."
    listing = manager.get(LIST).content.decode()
    assert "Jonot" in listing and f"/palaute/vastauspohjat/{template.pk}/" in listing


def test_a_unit_manager_cannot_write_for_another_unit_or_for_everyone(client_as, unit, other_unit):
    manager = client_as("unit_manager")
    refused = manager.post(NEW, template_body(unit=other_unit.pk))
    assert refused.status_code == 200
    assert "error-summary" in refused.content.decode()
    no_unit = manager.post(NEW, template_body(unit=""))
    assert "Valitse yksi toimipisteistäsi." in no_unit.content.decode()  # fi by default
    assert not ReplyTemplate.objects.exists()


def test_a_unit_manager_sees_shared_templates_but_changes_only_their_units(
    client_as, unit, other_unit
):
    shared = ReplyTemplate.objects.create(title="Yhteinen", text_fi="Kiitos.")
    others = ReplyTemplate.objects.create(title="Muiden", text_fi="Hei.", unit=other_unit)
    own = ReplyTemplate.objects.create(title="Omat", text_fi="Moi.", unit=unit)
    manager = client_as("unit_manager")
    listing = manager.get(LIST).content.decode()
    assert "Yhteinen" in listing and "Omat" in listing and "Muiden" not in listing
    assert f"/palaute/vastauspohjat/{shared.pk}/" not in listing
    assert manager.get(f"/palaute/vastauspohjat/{shared.pk}/").status_code == 404
    assert manager.get(f"/palaute/vastauspohjat/{others.pk}/").status_code == 404
    changed = manager.post(
        f"/palaute/vastauspohjat/{own.pk}/", template_body(title="Omat", unit=unit.pk, active="")
    )
    assert changed.status_code == 302
    own.refresh_from_db()
    assert own.active is False and own.text_fi == "Kiitos, lisäämme puhelinaikoja."
    feedback = submit_feedback(FeedbackInput(unit=unit, text="Hei"))[0]
    assert list(reply_templates_for(feedback)) == [shared], "an unused template is not offered"


def test_a_coordinator_writes_a_template_for_everyone_and_gets_clear_errors(client_as, unit):
    coordinator = client_as("coordinator")
    missing = coordinator.post(NEW, template_body(text_fi=""), HTTP_ACCEPT_LANGUAGE="en")
    assert "Write the text in Finnish." in missing.content.decode()
    both = coordinator.post(NEW, template_body(unit=unit.pk, service=unit.service_id))
    assert "Valitse toimipiste tai palvelu, ei molempia." in both.content.decode()
    assert not ReplyTemplate.objects.exists()
    assert coordinator.post(NEW, template_body()).status_code == 302
    template = ReplyTemplate.objects.get()
    assert (template.unit, template.service) == (None, None)
    assert coordinator.get(f"/palaute/vastauspohjat/{template.pk}/").status_code == 200


@pytest.mark.parametrize("role", ["staff", "decision_maker", "expert", "resident"])
def test_other_roles_cannot_keep_templates(client_as, unit, role):
    other = client_as(role)
    assert other.get(LIST).status_code == 404
    assert other.post(NEW, template_body(unit=unit.pk)).status_code == 404
    assert not ReplyTemplate.objects.exists()


def test_the_inbox_links_to_the_templates_for_those_who_keep_them(client_as, unit):
    assert LIST in client_as("unit_manager").get("/palaute/saapuneet/").content.decode()
    assert LIST not in client_as("staff").get("/palaute/saapuneet/").content.decode()
