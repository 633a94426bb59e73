"""The producer's contact (#15 item 5): scoped to one producer's units, nothing of others."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from osallisuus.accounts.selectors import parties_concerned, units_handled_by, units_in_scope
from osallisuus.accounts.services import assign_role
from osallisuus.accounts.tests.factories import sign_in, user_with_role
from osallisuus.feedback.services import FeedbackInput, submit_feedback
from osallisuus.organisation.models import Producer
from osallisuus.organisation.tests.factories import ProducerFactory, UnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def company_units(unit, other_unit):
    company = ProducerFactory(name_fi="Hoivapalvelu Oy", kind=Producer.Kind.COMPANY)
    other_unit.producer = company
    other_unit.save()
    second = UnitFactory(code="HPO2", producer=company)
    return company, [other_unit, second]


def test_the_producers_contact_sees_and_handles_only_the_producers_units(
    client, unit, company_units
):
    company, units = company_units
    contact = user_with_role("resident")
    assign_role(user=contact, role="producer_contact", producer=company)
    TOTPDevice.objects.create(user=contact, name="test", confirmed=True)  # a staff role
    assert set(units_in_scope(contact)) == set(units)
    assert set(units_handled_by(contact)) == set(units)
    ours = submit_feedback(FeedbackInput(unit=units[0], text="Hyvää hoitoa"))[0]
    theirs = submit_feedback(FeedbackInput(unit=unit, text="Jonotin tunnin"))[0]
    sign_in(client, contact)
    assert client.get(reverse("feedback:detail", args=[ours.pk])).status_code == 200
    assert client.get(reverse("feedback:detail", args=[theirs.pk])).status_code == 404


def test_the_parties_concerned_are_the_managers_and_the_producers_contacts(unit, company_units):
    company, units = company_units
    manager = user_with_role("unit_manager", unit=units[0])
    contact = user_with_role("resident")
    assign_role(user=contact, role="producer_contact", producer=company)
    county_manager = user_with_role("unit_manager", unit=unit)
    assert set(parties_concerned([units[0]])) == {manager, contact}
    assert set(parties_concerned([unit])) == {county_manager}
