"""Forms of evaluations; the rules themselves are in services."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from osallisuus.widgets import DateInput

from .models import SCALE_MAX, SCALE_MIN

if TYPE_CHECKING:
    from osallisuus.accounts.types import User

SCORES = [("", "—")] + [(str(n), str(n)) for n in range(SCALE_MIN, SCALE_MAX + 1)]


class PersonChoice(forms.ModelMultipleChoiceField["User"]):
    def label_from_instance(self, obj: User) -> str:
        return obj.get_full_name() or obj.username


class EvaluationForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    project: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Co-development project"), queryset=None, required=False
    )
    service: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Service"),
        queryset=None,
        required=False,
        help_text=_("Choose a service when the evaluation is not of a project."),
    )
    criteria = forms.CharField(
        label=_("Criteria"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One a line. Leave empty to copy the project's evaluation criteria."),
    )
    evaluators = PersonChoice(
        label=_("Evaluators"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Staff, or experts on an active evaluator assignment with a signed contract."),
    )
    observers = PersonChoice(
        label=_("Observing clients"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Clients on an active observer assignment with a signed contract."),
    )
    meeting_date = forms.DateField(
        label=_("Date of the joint evaluation meeting"), widget=DateInput, required=False
    )

    def __init__(
        self,
        *args: Any,
        projects: Any,
        services: Any,
        people: Any,
        watchers: Any,
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = projects  # type: ignore[attr-defined]
        self.fields["service"].queryset = services  # type: ignore[attr-defined]
        self.fields["evaluators"].queryset = people  # type: ignore[attr-defined]
        self.fields["observers"].queryset = watchers  # type: ignore[attr-defined]


class EditEvaluationForm(forms.Form):
    """The evaluation's title, criteria, people and meeting date; the criteria field is locked
    (shown, not editable) once an assessment has been filed."""

    title = EvaluationForm.base_fields["title"]
    criteria = forms.CharField(
        label=_("Criteria"), widget=forms.Textarea(attrs={"rows": 5}), help_text=_("One a line.")
    )
    evaluators = EvaluationForm.base_fields["evaluators"]
    observers = EvaluationForm.base_fields["observers"]
    meeting_date = EvaluationForm.base_fields["meeting_date"]

    def __init__(
        self, *args: Any, evaluation: Any, people: Any, watchers: Any, locked: bool, **kwargs: Any
    ):
        kwargs.setdefault(
            "initial",
            {
                "title": evaluation.title,
                "criteria": "\n".join(c.text for c in evaluation.criteria.all()),
                "evaluators": list(evaluation.evaluators.all()),
                "observers": list(evaluation.observers.all()),
                "meeting_date": evaluation.meeting_date,
            },
        )
        super().__init__(*args, **kwargs)
        self.fields["evaluators"].queryset = people  # type: ignore[attr-defined]
        self.fields["observers"].queryset = watchers  # type: ignore[attr-defined]
        if locked:
            self.fields["criteria"].disabled = True
            self.fields["criteria"].help_text = _(
                "Locked: assessments have been filed on these criteria. "
                "You can still add evaluators."
            )


class AssessmentForm(forms.Form):
    """One score and text field per criterion, named c<criterion id>-score / -text."""

    def __init__(self, *args: Any, criteria: Any, own: dict[int, Any], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            earlier = own.get(criterion.pk)
            self.fields[f"c{criterion.pk}-score"] = forms.TypedChoiceField(
                label=_("Score for: %(criterion)s") % {"criterion": criterion.text},
                choices=SCORES,
                coerce=int,
                empty_value=None,
                required=False,
                initial=str(earlier.score) if earlier else "",
                help_text=_("1 = poor, 5 = very good."),
            )
            self.fields[f"c{criterion.pk}-text"] = forms.CharField(
                label=_("Your assessment of: %(criterion)s") % {"criterion": criterion.text},
                required=False,
                initial=earlier.text if earlier else "",
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for criterion in self.criteria:
            if data.get(f"c{criterion.pk}-text", "").strip() and not data.get(
                f"c{criterion.pk}-score"
            ):
                self.add_error(f"c{criterion.pk}-score", _("Give a score with your assessment."))
        return data

    def answers(self) -> dict[int, tuple[int, str]]:
        data = self.cleaned_data
        return {
            criterion.pk: (data[f"c{criterion.pk}-score"], data.get(f"c{criterion.pk}-text", ""))
            for criterion in self.criteria
            if data.get(f"c{criterion.pk}-score")
        }


class ConclusionForm(forms.Form):
    meeting_date = forms.DateField(
        label=_("Date of the joint evaluation meeting"), widget=DateInput
    )
    conclusion = forms.CharField(
        label=_("Conclusion of the joint evaluation meeting"),
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Your observation of the trial"), widget=forms.Textarea(attrs={"rows": 4})
    )
