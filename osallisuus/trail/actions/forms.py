"""Forms of the action pages: plan an action, change its status, link inputs to one."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from osallisuus.widgets import DateInput

from ..models import Action
from .selectors import actions_managed_by, owner_candidates, services_for_actions, units_for_actions

if TYPE_CHECKING:
    from osallisuus.accounts.types import User
    from osallisuus.organisation.models import Service, Unit


class PersonField(forms.ModelChoiceField["User"]):
    def label_from_instance(self, obj: User) -> str:
        return str(obj.get_full_name() or obj.username)


class PublicTextFields(forms.Form):
    public_text_fi = forms.CharField(
        label=_("Public text in Finnish"),
        help_text=_("What the givers and the public read. Never personal data."),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    public_text_sv = forms.CharField(
        label=_("Public text in Swedish"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    public_text_en = forms.CharField(
        label=_("Public text in English"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def texts(self) -> dict[str, str]:
        return {
            lang: self.cleaned_data.get(f"public_text_{lang}", "") for lang in ("fi", "sv", "en")
        }


class ActionForm(PublicTextFields):
    title_fi = forms.CharField(label=_("Title in Finnish"), max_length=200)
    title_sv = forms.CharField(label=_("Title in Swedish"), max_length=200, required=False)
    title_en = forms.CharField(label=_("Title in English"), max_length=200, required=False)
    owner = PersonField(label=_("Owner"), queryset=None, empty_label=_("Choose a person"))
    unit: forms.ModelChoiceField[Unit] = forms.ModelChoiceField(
        label=_("Unit"), queryset=None, required=False, empty_label=_("No single unit")
    )
    service: forms.ModelChoiceField[Service] = forms.ModelChoiceField(
        label=_("Service"),
        queryset=None,
        required=False,
        empty_label=_("No single service"),
        help_text=_("Choose a unit or a service."),
    )
    due_date = forms.DateField(label=_("Due date"), required=False, widget=DateInput())

    field_order = [
        "title_fi",
        "title_sv",
        "title_en",
        "public_text_fi",
        "public_text_sv",
        "public_text_en",
        "owner",
        "unit",
        "service",
        "due_date",
    ]

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owner_candidates(user)  # type: ignore[attr-defined]
        self.fields["unit"].queryset = units_for_actions(user)  # type: ignore[attr-defined]
        self.fields["service"].queryset = services_for_actions(user)  # type: ignore[attr-defined]

    def as_service_kwargs(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "title_fi": data["title_fi"],
            "title_sv": data.get("title_sv", ""),
            "title_en": data.get("title_en", ""),
            "owner": data["owner"],
            "unit": data.get("unit"),
            "service": data.get("service"),
            "due_date": data.get("due_date"),
            "texts": self.texts(),
        }


class StatusForm(PublicTextFields):
    status = forms.ChoiceField(label=_("New status"), choices=())
    reasons = forms.CharField(
        label=_("Reasons"),
        help_text=_("Required when the action is dropped; the givers are told."),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    field_order = ["status", "public_text_fi", "public_text_sv", "public_text_en", "reasons"]

    def __init__(self, *args: Any, steps: tuple[str, ...], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [  # type: ignore[attr-defined]
            (step, Action.Status(step).label) for step in steps
        ]


class LinkForm(forms.Form):
    """Link the chosen inputs to an existing action."""

    action: forms.ModelChoiceField[Action] = forms.ModelChoiceField(
        label=_("Action"), queryset=None, empty_label=None
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["action"].queryset = (  # type: ignore[attr-defined]
            actions_managed_by(user)
            .exclude(status__in=[Action.Status.DONE, Action.Status.DROPPED])
            .order_by("-created_at")
        )
