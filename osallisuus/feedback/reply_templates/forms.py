"""The form for a reply template, with the units and services the person may choose."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import ReplyTemplate
from .selectors import county_wide_editor, services_for_templates, units_for_templates

if TYPE_CHECKING:
    from osallisuus.accounts.types import User


class ReplyTemplateForm(forms.ModelForm[ReplyTemplate]):
    class Meta:
        model = ReplyTemplate
        fields = ["title", "text_fi", "text_sv", "text_en", "unit", "service", "active"]
        widgets = {
            "text_fi": forms.Textarea(attrs={"rows": 5}),
            "text_sv": forms.Textarea(attrs={"rows": 5}),
            "text_en": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "text_sv": _("Shown to Swedish-speaking givers; the Finnish text is used if empty."),
            "text_en": _("Shown to English-speaking givers; the Finnish text is used if empty."),
        }
        error_messages = {
            "title": {"required": _("Give the template a title.")},
            "text_fi": {"required": _("Write the text in Finnish.")},
        }

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        unit_field = self.fields["unit"]
        unit_field.queryset = units_for_templates(user)  # type: ignore[attr-defined]
        if county_wide_editor(user):
            unit_field.help_text = _("Leave unit and service empty for a template for everyone.")
            self.fields["service"].queryset = services_for_templates(user)  # type: ignore[attr-defined]
        else:
            # Unit managers write for their own units only.
            unit_field.required = True
            unit_field.error_messages["required"] = _("Choose one of your units.")
            del self.fields["service"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("unit") and cleaned.get("service"):
            raise forms.ValidationError(_("Choose a unit or a service, not both."))
        return cleaned
