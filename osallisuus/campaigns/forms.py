"""The campaign form: title in three languages, question set, units and period."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from osallisuus.widgets import DateInput

from .models import Campaign
from .selectors import campaign_units_for, question_sets

if TYPE_CHECKING:
    from osallisuus.accounts.types import User
    from osallisuus.feedback.models import QuestionSet
    from osallisuus.organisation.models import Unit


class CampaignForm(forms.Form):
    title_fi = forms.CharField(label=_("Title in Finnish"), max_length=200)
    title_sv = forms.CharField(label=_("Title in Swedish"), max_length=200, required=False)
    title_en = forms.CharField(label=_("Title in English"), max_length=200, required=False)
    question_set: forms.ModelChoiceField[QuestionSet] = forms.ModelChoiceField(
        label=_("Question set"),
        queryset=None,
        empty_label=_("Choose a question set"),
        help_text=_(
            "The answers given through this question set at the chosen units during the period "
            "are the campaign's results. Make it the units' question set for the period."
        ),
    )
    units: forms.ModelMultipleChoiceField[Unit] = forms.ModelMultipleChoiceField(
        label=_("Units"), queryset=None, widget=forms.CheckboxSelectMultiple
    )
    starts_on = forms.DateField(label=_("First day"), widget=DateInput())
    ends_on = forms.DateField(label=_("Last day"), widget=DateInput())

    def __init__(self, *args: Any, user: User, campaign: Campaign | None = None, **kwargs: Any):
        if campaign is not None and not args and "initial" not in kwargs:
            kwargs["initial"] = {
                "title_fi": campaign.title_fi,
                "title_sv": campaign.title_sv,
                "title_en": campaign.title_en,
                "question_set": campaign.question_set_id,
                "units": [unit.pk for unit in campaign.units.all()],
                "starts_on": campaign.starts_on,
                "ends_on": campaign.ends_on,
            }
        super().__init__(*args, **kwargs)
        self.fields["question_set"].queryset = question_sets()  # type: ignore[attr-defined]
        self.fields["units"].queryset = campaign_units_for(user)  # type: ignore[attr-defined]

    def as_service_kwargs(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "title_fi": data["title_fi"],
            "title_sv": data.get("title_sv", ""),
            "title_en": data.get("title_en", ""),
            "question_set": data["question_set"],
            "units": list(data["units"]),
            "starts_on": data["starts_on"],
            "ends_on": data["ends_on"],
        }
