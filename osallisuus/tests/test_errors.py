"""The one domain error: shown beside its field and in the summary; the API answers 400."""

from __future__ import annotations

import pytest
from django import forms
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy
from rest_framework.exceptions import ValidationError

from osallisuus.errors import DomainError, Problem, add_to_form
from osallisuus.security import api_exception_handler

# A message the catalogue translates (feedback's "Write the note."), so the language shows.
WRITE_THE_NOTE = gettext_lazy("Write the note.")


class NoteForm(forms.Form):
    text = forms.CharField(label="Teksti")


def _bound_form() -> NoteForm:
    form = NoteForm({"text": "x"})
    assert form.is_valid()
    return form


def test_an_error_naming_a_field_of_the_form_is_shown_beside_it_and_in_the_summary():
    form = _bound_form()
    with translation.override("fi"):
        add_to_form(form, DomainError(WRITE_THE_NOTE, field="text"))
        summary = render_to_string("form_errors.html", {"form": form})
    assert form.errors == {"text": ["Kirjoita muistiinpano."]}
    assert "Teksti: Kirjoita muistiinpano." in summary
    assert "text" not in form.cleaned_data


def test_an_error_for_the_whole_form_or_a_field_it_lacks_is_an_error_of_the_whole_form():
    form = _bound_form()
    add_to_form(
        form,
        DomainError.of(
            [Problem("The labels are unchanged."), Problem("Unknown channel.", field="channel")]
        ),
    )
    assert form.non_field_errors() == ["The labels are unchanged.", "Unknown channel."]
    assert "The labels are unchanged." in render_to_string("form_errors.html", {"form": form})


def test_an_error_of_several_problems_keeps_them_all_in_order():
    error = DomainError.of(
        [Problem("a", field="text", code="one"), Problem("b"), Problem("c", field="text")]
    )
    assert (error.message, error.field, error.code) == ("a", "text", "one")
    assert error.messages == ["a", "b", "c"]
    assert error.by_field() == {"text": ["a", "c"], None: ["b"]}
    assert str(error) == "a; b; c"
    with pytest.raises(ValueError, match="at least one"):
        DomainError.of([])


def test_the_api_handler_answers_a_domain_error_with_400_and_the_messages_by_field():
    error = DomainError.of([Problem(WRITE_THE_NOTE, field="text"), Problem(WRITE_THE_NOTE)])
    with translation.override("sv"):
        response = api_exception_handler(error, {})
    assert response is not None
    assert response.status_code == 400
    assert response.data == {
        "text": ["Skriv anteckningen."],
        "non_field_errors": ["Skriv anteckningen."],
    }


def test_the_api_handler_gives_the_same_body_shape_as_a_serializers_validation_error():
    ours = api_exception_handler(DomainError("Write the note.", field="text"), {})
    drf = api_exception_handler(ValidationError({"text": ["Write the note."]}), {})
    assert ours is not None and drf is not None
    assert (ours.status_code, ours.data) == (drf.status_code, drf.data)
