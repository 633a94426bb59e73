"""A refused decision reads the same beside the field, in the summary and in an API's 400."""

from __future__ import annotations

import pytest
from django.template import engines
from django.utils import translation

from osallisuus.accounts.tests.factories import user_with_role
from osallisuus.codevelopment.forms import DecisionForm
from osallisuus.codevelopment.services import CodevelopmentError, record_decision, send_proposal
from osallisuus.errors import add_to_form
from osallisuus.security import api_exception_handler
from osallisuus.tests.refusals import assert_beside_field_and_in_summary

from .factories import project_with_workshop

pytestmark = pytest.mark.django_db
# The decision page's form parts: the summary, then the field (codevelopment/decide.html).
DECISION_FORM = '{% include "form_errors.html" %}{% include "field.html" with field=form.reasons %}'


def test_a_rejection_without_reasons_is_refused_in_the_same_finnish_words_everywhere(unit):
    setup = project_with_workshop(unit)
    decider = user_with_role("decision_maker")
    send_proposal(
        project=setup.project, by=setup.facilitator, proposal="Ehdotus", decision_maker=decider
    )

    # The form checks the same rule first; a form that let it through (here: it is told the
    # proposal was accepted) still shows the service's refusal beside the field, as the view's
    # attempt() puts it there.
    form = DecisionForm({"decision": "accepted", "reasons": "Ei."})
    assert form.is_valid()
    with translation.override("fi"):
        with pytest.raises(CodevelopmentError) as refused:
            record_decision(project=setup.project, by=decider, decision="rejected", reasons="Ei.")
        add_to_form(form, refused.value)
        page = engines["django"].from_string(DECISION_FORM).render({"form": form})
        api = api_exception_handler(refused.value, {})
    message = "Kirjoita perustelut muutamalla lauseella."
    assert refused.value.by_field() == {"reasons": [message]}
    assert_beside_field_and_in_summary(page, field_id="id_reasons", message=message)
    assert api is not None and api.status_code == 400
    assert api.data == {"reasons": [message]}
    setup.project.refresh_from_db()
    assert setup.project.decision == ""
