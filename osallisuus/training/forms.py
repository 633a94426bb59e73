"""Forms of the course pages: a course, a session, attendance and the course feedback."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from osallisuus.experts.models import AssignmentType
from osallisuus.feedback.questions import SCALE_MIN_MAX
from osallisuus.widgets import DateTimeInput

from .models import Audience, Course, Enrolment


class CourseForm(forms.ModelForm[Course]):
    unlocks = forms.MultipleChoiceField(
        label=_("Completion unlocks these types of assignment"),
        help_text=_("An expert who completes the course may then take these assignments."),
        choices=AssignmentType.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Course
        fields = [
            "title",
            "description",
            "audience",
            "organiser",
            "capacity",
            "sessions_required",
            "question_set",
            "based_on",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "audience": forms.RadioSelect,
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["audience"].choices = Audience.choices  # type: ignore[attr-defined]
        question_sets = self.fields["question_set"]
        question_sets.queryset = question_sets.queryset.filter(active=True)  # type: ignore[attr-defined]

    def as_service_kwargs(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


class SessionForm(forms.Form):
    starts_at = forms.DateTimeField(label=_("Date and time"), widget=DateTimeInput())
    place = forms.CharField(
        label=_("Place"),
        max_length=200,
        required=False,
        help_text=_("Give the place, the remote link or both."),
    )
    remote_link = forms.URLField(label=_("Remote link"), required=False, assume_scheme="https")


class AttendanceForm(forms.Form):
    present = forms.ModelMultipleChoiceField(
        label=_("Present"),
        queryset=Enrolment.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args: Any, holders: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["present"]
        field.queryset = holders  # type: ignore[attr-defined]
        field.label_from_instance = lambda e: e.user.get_full_name() or e.user.get_username()  # type: ignore[attr-defined]


class CourseFeedbackForm(forms.Form):
    """One field per question of the course's question set, in its order."""

    def __init__(self, *args: Any, questions: list[Any], language: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for question in questions:
            label = question.text(language)
            bounds = next((b for t, b in SCALE_MIN_MAX.items() if t == question.type), None)
            if bounds is not None:
                low, high = bounds
                choices: list[tuple[str, Any]] = [(str(n), str(n)) for n in range(low, high + 1)]
            elif question.type == "yesno":
                choices = [("yes", _("Yes")), ("no", _("No"))]
            elif question.type == "choice":
                choices = [
                    (str(o["value"]), question.option_label(o, language)) for o in question.options
                ]
            else:
                self.fields[question.key] = forms.CharField(
                    label=label,
                    required=question.required,
                    max_length=2000,
                    widget=forms.Textarea(attrs={"rows": 3}),
                )
                continue
            self.fields[question.key] = forms.ChoiceField(
                label=label, choices=choices, required=question.required, widget=forms.RadioSelect
            )
