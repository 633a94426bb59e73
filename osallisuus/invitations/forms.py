"""The invite form: an e-mail address or a phone number, the message's language, how long."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from osallisuus.accounts.services import normalise_phone

from .services import MAX_DAYS


class InviteForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    phone = forms.CharField(
        label=_("or phone number"),
        required=False,
        max_length=30,
        help_text=_("The invitation goes as a text message, e.g. 040 123 4567."),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
    )
    language = forms.ChoiceField(
        label=_("Language of the invitation"), choices=settings.LANGUAGES, initial="fi"
    )
    days = forms.IntegerField(
        label=_("Valid for (days)"),
        min_value=1,
        max_value=MAX_DAYS,
        help_text=_("From 1 to %(max)d days.") % {"max": MAX_DAYS},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["days"].initial = settings.INVITATION_DAYS

    def clean_phone(self) -> str:
        typed = self.cleaned_data["phone"].strip()
        if not typed:
            return ""
        normalised = normalise_phone(typed)
        if normalised is None:
            raise forms.ValidationError(_("Enter a valid phone number, e.g. 040 123 4567."))
        return normalised

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        email, phone = cleaned.get("email"), cleaned.get("phone")
        if not self.errors.get("email") and not self.errors.get("phone"):
            if not email and not phone:
                self.add_error("email", _("Give an e-mail address or a phone number."))
            elif email and phone:
                self.add_error("phone", _("Give only one: an e-mail address or a phone number."))
        return cleaned
