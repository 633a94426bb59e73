"""Forms of observation visits; the rules themselves are in services."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from osallisuus.uploads import UploadValidator
from osallisuus.widgets import DateInput

from .models import Category, Finding, Severity

if TYPE_CHECKING:
    from osallisuus.accounts.types import User


class TemplateForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    categories = forms.MultipleChoiceField(
        label=_("Categories"), choices=Category.choices, widget=forms.CheckboxSelectMultiple
    )
    guidance = forms.CharField(
        label=_("What to look for"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class RevisionForm(TemplateForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["name"]


class ObserverChoice(forms.ModelMultipleChoiceField["User"]):
    def label_from_instance(self, obj: User) -> str:
        return obj.get_full_name() or obj.username


class VisitForm(forms.Form):
    unit: forms.ModelChoiceField[Any] = forms.ModelChoiceField(label=_("Unit"), queryset=None)
    visit_date = forms.DateField(label=_("Date of the visit"), widget=DateInput)
    template: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Template"), queryset=None
    )
    observers = ObserverChoice(
        label=_("Observers"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Experts on a started quality-monitor assignment with a signed contract."),
    )
    answer_due = forms.DateField(
        label=_("The unit answers by"),
        widget=DateInput,
        required=False,
        help_text=_("Leave empty for 30 days after the visit."),
    )
    follow_up_of: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Follow-up of the visit"),
        queryset=None,
        required=False,
        empty_label=_("Not a follow-up"),
    )

    def __init__(self, *args: Any, choices: dict[str, Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, queryset in choices.items():
            self.fields[name].queryset = queryset  # type: ignore[attr-defined]


class FindingForm(forms.Form):
    category = forms.ChoiceField(label=_("Category"), choices=())
    severity = forms.ChoiceField(
        label=_("Severity"), choices=Severity.choices, widget=forms.RadioSelect
    )
    description = forms.CharField(
        label=_("Description"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What you saw or heard. No names, phone numbers or identity codes."),
    )
    recommendation = forms.CharField(
        label=_("Recommendation"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    photo = forms.FileField(
        label=_("Photo (optional)"),
        required=False,
        validators=[UploadValidator(kinds=("png", "jpeg"))],
        help_text=_("PNG or JPEG. The place, time and camera details are removed."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg"}),
    )

    def __init__(self, *args: Any, categories: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [  # type: ignore[attr-defined]
            (code, label) for code, label in Category.choices if code in categories
        ]


class AnswerForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Answer with"), choices=Finding.Answer.choices, widget=forms.RadioSelect
    )
    action_title = forms.CharField(
        label=_("Action (when answering with an action)"), max_length=200, required=False
    )
    action_due = forms.DateField(label=_("Action due by"), widget=DateInput, required=False)
    reasons = forms.CharField(
        label=_("Reasons why nothing changes (when answering with reasons)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ChangeForm(forms.Form):
    visit = forms.IntegerField(widget=forms.HiddenInput)
    change = forms.ChoiceField(
        label=_("Did it change?"), choices=Finding.Change.choices, widget=forms.RadioSelect
    )
