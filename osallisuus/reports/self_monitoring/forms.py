"""The publishing form of a self-monitoring summary."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class PublishForm(forms.Form):
    comment = forms.CharField(
        label=_("The unit's comment"),
        help_text=_(
            "Public. What the unit concludes from the feedback; if nothing was changed, why. "
            "Never personal data."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
