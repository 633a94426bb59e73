"""Forms of statements; the rules themselves are in services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from osallisuus.widgets import DateInput


class _Choices(forms.Form):
    def __init__(self, *args: Any, choices: dict[str, Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, queryset in choices.items():
            self.fields[name].queryset = queryset  # type: ignore[attr-defined]


class RequestForm(_Choices):
    matter: forms.ModelChoiceField[Any] = forms.ModelChoiceField(label=_("Matter"), queryset=None)
    group: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Body or group asked"), queryset=None
    )
    question = forms.CharField(
        label=_("What the statement is asked on"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "What the body needs to know to give its statement. No client's personal data."
        ),
    )
    due_on = forms.DateField(label=_("Statement due by"), widget=DateInput)


class FlagForm(_Choices):
    group: forms.ModelChoiceField[Any] = forms.ModelChoiceField(label=_("Your body"), queryset=None)
    matter: forms.ModelChoiceField[Any] = forms.ModelChoiceField(label=_("Matter"), queryset=None)
    reason = forms.CharField(
        label=_("Why the matter concerns your group"),
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    due_on = forms.DateField(label=_("The body gives its statement by"), widget=DateInput)


class SubmitForm(_Choices):
    text = forms.CharField(label=_("Statement"), widget=forms.Textarea(attrs={"rows": 8}))
    meeting: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Meeting that approved it"),
        queryset=None,
        required=False,
        empty_label=_("Not recorded here"),
    )
    approved_on = forms.DateField(
        label=_("Approved on"),
        widget=DateInput,
        required=False,
        help_text=_("Leave empty to use the meeting's date."),
    )
    minutes_section = forms.CharField(
        label=_("Section (§) of the minutes"), max_length=20, required=False
    )
    public = forms.BooleanField(
        label=_("The statement is public"),
        required=False,
        initial=True,
        help_text=_("Statements are public unless the body decides otherwise."),
    )


class ConsiderForm(forms.Form):
    consideration = forms.CharField(
        label=_("How the statement was taken into account"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("The body is told these words."),
    )
