"""Forms of the moderation page: publish a confirmed redacted text, reject, or take down."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from osallisuus.feedback.models import PublicationDecision
from osallisuus.widgets import DateInput


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
    # One text box per answer of the unit and per outcome shown with the story (added below).
    # Checked again by the service: publishing without it is refused and nothing is saved.
    confirmed = forms.BooleanField(
        label=_("I have checked that the text has no personal data"),
        required=True,
        error_messages={
            "required": _("Confirm that you have checked the text has no personal data.")
        },
    )

    def __init__(
        self, *args: Any, staff_texts: Sequence[dict[str, Any]] = (), **kwargs: Any
    ) -> None:
        """`staff_texts` is publication.selectors.proposed_trail: each text as proposed."""
        super().__init__(*args, **kwargs)
        self.staff_keys: dict[str, str] = {}
        for item in staff_texts:
            name = item["field"]
            # A box not posted (a form from before the text was written) keeps the proposal.
            if self.is_bound and name not in self.data:
                continue
            self.fields[name] = forms.CharField(
                label=_("%(label)s, %(date)s, as published")
                % {"label": item["label"], "date": date_format(item["at"], "j.n.Y")},
                initial=item["confirmed"],
                widget=forms.Textarea(attrs={"rows": 3}),
                max_length=5000,
                error_messages={"required": _("Write the text to publish.")},
            )
            self.staff_keys[name] = item["key"]
        self.order_fields(["text", *self.staff_keys, "confirmed"])

    def staff_texts(self) -> dict[str, str]:
        """The confirmed texts of the unit by their key, for publish_story."""
        return {key: self.cleaned_data[name] for name, key in self.staff_keys.items()}


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
        choices=[("", _("Waiting for a decision")), *list(PublicationDecision.choices)],
        required=False,
    )
    q = forms.CharField(
        label=_("Search"),
        help_text=_("Words of the comment without personal data, or its reply code."),
        max_length=100,
        required=False,
    )
    unit: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Unit"), queryset=None, required=False, empty_label=_("All")
    )
    since = forms.DateField(label=_("From"), required=False, widget=DateInput())
    until = forms.DateField(label=_("To"), required=False, widget=DateInput())

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        since, until = data.get("since"), data.get("until")
        if since and until and since > until:
            self.add_error("until", _("The end of the period is before its start."))
        return data

    def filters(self) -> dict[str, Any]:
        """Keyword arguments for selectors.moderation_queue (none when the form is invalid)."""
        if not self.is_bound or not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "decision": data["tila"],
            "search": data["q"].strip(),
            "unit": data["unit"],
            "since": data["since"],
            "until": data["until"],
        }
