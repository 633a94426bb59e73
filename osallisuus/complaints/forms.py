"""Forms of the objection register: the sender's form, the officer's steps, flag decisions."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from osallisuus.organisation.models import Unit
from osallisuus.widgets import DateInput

from .models import Concern, Route
from .services import NEEDED


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; each is checked by the service's upload validator."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(**kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleFileField, self).clean(item, initial) for item in files]


class ObjectionForm(forms.Form):
    """A formal objection: who sends it, where the answer goes, what it is about."""

    unit = forms.ModelChoiceField(
        label=_("Unit the objection is about"),
        queryset=Unit.objects.filter(active=True).order_by("name_fi"),
        required=False,
    )
    concern = forms.ChoiceField(
        label=_("The objection is about"),
        choices=Concern.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    name = forms.CharField(label=_("Your name"), max_length=200, required=False)
    address = forms.CharField(
        label=_("Address for the written answer"),
        help_text=_("A postal address, or an e-mail address if you want the answer by e-mail."),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    email = forms.EmailField(label=_("E-mail for the acknowledgement (optional)"), required=False)
    text = forms.CharField(
        label=_("What happened and what you ask for"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=10000,
        required=False,
    )
    attachments = MultipleFileField(
        label=_("Attachments (optional)"),
        help_text=_("PDF, PNG or JPEG files, at most five."),
        required=False,
    )
    idempotency_key = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("idempotency_key", uuid.uuid4().hex)
        # Required, in the same words as the service's check (which the API answers with).
        for name, message in NEEDED.items():
            self.fields[name].required = True
            self.fields[name].error_messages["required"] = message


class HandlingForm(forms.Form):
    text = forms.CharField(
        label=_("What was done"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class AnswerForm(forms.Form):
    text = forms.CharField(
        label=_("Written answer"), widget=forms.Textarea(attrs={"rows": 8}), required=False
    )
    answered_on = forms.DateField(
        label=_("Date of the answer"),
        widget=DateInput(),
        initial=timezone.localdate,
    )


class RedirectForm(forms.Form):
    route = forms.ChoiceField(
        label=_("Route the giver is told about"),
        choices=[(value, label) for value, label in Route.choices if value != Route.FEEDBACK],
        widget=forms.RadioSelect,
    )


class TransferForm(forms.Form):
    consent = forms.BooleanField(
        label=_("The giver has agreed to this being handled as a formal objection"),
        required=False,
    )
    concern = forms.ChoiceField(
        label=_("The objection is about"), choices=Concern.choices, widget=forms.RadioSelect
    )
    name = forms.CharField(label=_("Giver's name"), max_length=200, required=False)
    address = forms.CharField(
        label=_("Address for the written answer"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )


class CodeForm(forms.Form):
    code = forms.CharField(label=_("Code of your objection"), max_length=12)
