"""Forms of matters: opening one, carrying it, its agenda reference, its decision."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from osallisuus.accounts.models import Role
from osallisuus.accounts.selectors import people_with_role, units_handled_by
from osallisuus.organisation.models import DecisionBody, Service, Unit
from osallisuus.widgets import DateInput

from .. import kinds
from ..models import Action, Decision
from .selectors import actions_for, decision_bodies

if TYPE_CHECKING:
    from osallisuus.accounts.types import User

# A carrier is a named person of the platform: staff, managers, coordinators, experts, chairs.
CARRIER_ROLES = (
    Role.STAFF,
    Role.UNIT_MANAGER,
    Role.COORDINATOR,
    Role.EXPERT,
    Role.ADMINISTRATOR,
    Role.DECISION_MAKER,
)


def _people(*roles: str) -> Any:
    return people_with_role(*roles)


class PersonChoiceField(forms.ModelChoiceField["User"]):
    def label_from_instance(self, obj: User) -> str:
        return obj.get_full_name() or obj.get_username()


def parse_refs(values: list[str]) -> list[tuple[str, int]]:
    """ "feedback:12" → ("feedback", 12); anything malformed is dropped."""
    refs = []
    for value in values:
        kind_name, _sep, pk = value.partition(":")
        if kind_name and pk.isdigit():
            refs.append((kind_name, int(pk)))
    return refs


class MatterForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"),
        help_text=_("What the clients' knowledge says and what is asked of the decision maker."),
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    inputs = forms.MultipleChoiceField(
        label=_("Linked inputs"), required=False, widget=forms.CheckboxSelectMultiple
    )
    actions: forms.ModelMultipleChoiceField[Action] = forms.ModelMultipleChoiceField(
        label=_("Linked actions"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    carrier = PersonChoiceField(
        label=_("Carried by"),
        help_text=_("The named person who takes the matter to the decision maker."),
        queryset=None,
    )
    target_body: forms.ModelChoiceField[DecisionBody] = forms.ModelChoiceField(
        label=_("Decision-making body"), queryset=None, required=False
    )
    target_person = PersonChoiceField(
        label=_("Office-holder with an account"), queryset=None, required=False
    )
    target_office = forms.CharField(
        label=_("Other office-holder (title and name)"), max_length=200, required=False
    )
    unit: forms.ModelChoiceField[Unit] = forms.ModelChoiceField(
        label=_("Unit"), queryset=None, required=False
    )
    service = forms.ModelChoiceField(
        label=_("Service"), queryset=Service.objects.order_by("name_fi"), required=False
    )

    def __init__(self, *args: Any, user: User, refs: list[tuple[str, int]], **kwargs: Any):
        super().__init__(*args, **kwargs)
        fields: dict[str, Any] = self.fields
        choices = []
        for kind_name in sorted({name for name, _pk in refs}):
            try:
                kind = kinds.input_kind(kind_name)
            except kinds.UnknownKindError:
                continue
            pks = [pk for name, pk in refs if name == kind_name]
            choices += [
                (f"{i.kind}:{i.pk}", f"{i.date} – {i.excerpt}") for i in kind.items(pks, user)
            ]
        fields["inputs"].choices = choices
        fields["inputs"].initial = [value for value, _label in choices]
        if not choices:
            del fields["inputs"]
        # The latest hundred, as a subquery: a sliced queryset cannot validate a choice.
        latest = actions_for(user).order_by("-created_at").values("pk")[:100]
        fields["actions"].queryset = Action.objects.filter(pk__in=latest).order_by("-created_at")
        fields["carrier"].queryset = _people(*CARRIER_ROLES)
        fields["carrier"].initial = user.pk
        fields["target_body"].queryset = decision_bodies()
        fields["target_person"].queryset = _people(Role.DECISION_MAKER)
        fields["unit"].queryset = units_handled_by(user).order_by("name_fi")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not (data.get("target_body") or data.get("target_person") or data.get("target_office")):
            self.add_error(
                "target_body", _("Choose the body or the office-holder the matter is carried to.")
            )
        if data.get("unit") and data.get("service"):
            self.add_error("service", _("Choose a unit or a service, not both."))
        return data


class PublicTextsForm(forms.Form):
    public_text_fi = forms.CharField(
        label=_("Public text in Finnish"),
        help_text=_("Every linked giver is told this; write nothing internal."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    public_text_sv = forms.CharField(
        label=_("Public text in Swedish"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    public_text_en = forms.CharField(
        label=_("Public text in English"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def texts(self) -> dict[str, str]:
        return {
            lang: self.cleaned_data.get(f"public_text_{lang}", "") for lang in ("fi", "sv", "en")
        }


class CarryForm(PublicTextsForm):
    carried_on = forms.DateField(
        label=_("Carried on"), widget=DateInput, initial=timezone.localdate
    )

    field_order = ["carried_on"]


class AgendaForm(PublicTextsForm):
    meeting_date = forms.DateField(label=_("Meeting date"), widget=DateInput)
    agenda_item = forms.CharField(label=_("Agenda item"), max_length=20, required=False)
    diary_number = forms.CharField(label=_("Diary number"), max_length=50, required=False)
    minutes_url = forms.URLField(
        label=_("Link to the minutes"), required=False, assume_scheme="https"
    )

    field_order = ["meeting_date", "agenda_item", "diary_number", "minutes_url"]


class DecisionForm(PublicTextsForm):
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=Decision.Outcome.choices, widget=forms.RadioSelect
    )
    decided_by = forms.CharField(label=_("Decided by"), max_length=200)
    decided_on = forms.DateField(
        label=_("Decided on"), widget=DateInput, initial=timezone.localdate
    )
    reasons = forms.CharField(
        label=_("Reasons"),
        help_text=_("Always required: why this was decided, also when nothing changes."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    field_order = ["outcome", "decided_by", "decided_on", "reasons"]
