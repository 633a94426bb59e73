"""Forms of the moderation page: publish a confirmed redacted text, reject, or take down."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from osallisuus.feedback.models import PublicationDecision


class PublishForm(forms.Form):
    text = forms.CharField(
        label=_("Text to publish"),
        help_text=_(
            "Proposed by the platform with personal data replaced. Edit it so that no one can "
            "be recognised. Only this text is published, never the original."
        ),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=5000,
        error_messages={"required": _("Write the text to publish.")},
    )
    # Checked again by the service: publishing without it is refused and nothing is saved.
    confirmed = forms.BooleanField(
        label=_("I have checked that the text has no personal data"),
        required=True,
        error_messages={
            "required": _("Confirm that you have checked the text has no personal data.")
        },
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (internal, never shown publicly)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": _("Write the reason.")},
    )


class QueueFilterForm(forms.Form):
    tila = forms.ChoiceField(
        label=_("Show"),
        choices=[("", _("Waiting for a decision"))] + list(PublicationDecision.choices),
        required=False,
    )
