"""The feedback form, built from the unit's question set; staff handling forms."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import QuestionSet, QuestionType, Sentiment, Status

AGREEMENT_LABELS = [
    (1, _("Strongly disagree")),
    (2, _("Disagree")),
    (3, _("Neither agree nor disagree")),
    (4, _("Agree")),
    (5, _("Strongly agree")),
]
EXPERIENCE_LABELS = [
    (1, _("Very poor")),
    (2, _("Poor")),
    (3, _("Neither good nor poor")),
    (4, _("Good")),
    (5, _("Very good")),
]
FACES = {1: "😞", 2: "🙁", 3: "😐", 4: "🙂", 5: "😀"}


class FacesWidget(forms.RadioSelect):
    template_name = "feedback/widgets/faces.html"


class FeedbackForm(forms.Form):
    """One field per question, then the comment, contact details and consents."""

    idempotency_key = forms.CharField(widget=forms.HiddenInput, max_length=100)

    def __init__(self, *args: Any, question_set: QuestionSet | None, plain: bool, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.question_keys: list[str] = []
        if not self.is_bound:
            self.initial["idempotency_key"] = uuid.uuid4().hex
        questions = list(question_set.questions.all()) if question_set else []
        for question in questions:
            name = f"q_{question.key}"
            label = question.text(plain=plain)
            if question.type == QuestionType.SCALE5:
                labels = EXPERIENCE_LABELS if question.key == "overall" else AGREEMENT_LABELS
                field: forms.Field = forms.TypedChoiceField(
                    label=label,
                    choices=[(v, f"{FACES[v]} {text}") for v, text in labels],
                    coerce=int,
                    widget=FacesWidget,
                    required=question.required,
                )
            elif question.type == QuestionType.NPS:
                field = forms.TypedChoiceField(
                    label=label,
                    choices=[(n, str(n)) for n in range(11)],
                    coerce=int,
                    widget=forms.RadioSelect(attrs={"class": "nps"}),
                    required=question.required,
                    help_text=_("0 = not at all likely, 10 = extremely likely"),
                )
            elif question.type == QuestionType.YESNO:
                field = forms.ChoiceField(
                    label=label,
                    choices=[("yes", _("Yes")), ("no", _("No"))],
                    widget=forms.RadioSelect,
                    required=question.required,
                )
            elif question.type == QuestionType.CHOICE:
                field = forms.ChoiceField(
                    label=label,
                    choices=[(o["value"], question.option_label(o)) for o in question.options],
                    widget=forms.RadioSelect,
                    required=question.required,
                )
            else:
                field = forms.CharField(
                    label=label,
                    widget=forms.Textarea(attrs={"rows": 5}),
                    max_length=2000,
                    required=question.required,
                )
            self.fields[name] = field
            self.question_keys.append(question.key)
        if "comment" not in self.question_keys:
            self.fields["text"] = forms.CharField(
                label=_("Anything else you want to tell?"),
                widget=forms.Textarea(attrs={"rows": 5}),
                max_length=5000,
                required=False,
            )
        self.fields["contact_email"] = forms.EmailField(
            label=_("E-mail (optional)"),
            required=False,
            help_text=_("Only if you want the answer by e-mail. It is never shown publicly."),
            widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        )
        self.fields["contact_phone"] = forms.RegexField(
            regex=r"^\+?[0-9 ()-]{6,20}$",
            label=_("Mobile number (optional)"),
            required=False,
            help_text=_("Only if you want the answer by text message."),
            error_messages={"invalid": _("Write the number with digits, e.g. 040 123 4567.")},
            widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        )
        self.fields["publish_consent"] = forms.BooleanField(
            label=_("My comment may be published without my personal details."),
            required=False,
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        answered = [k for k in self.question_keys if data.get(f"q_{k}") not in (None, "")]
        if not answered and not (data.get("text") or "").strip():
            raise forms.ValidationError(_("Answer at least one question or write a comment."))
        return data

    def answers(self) -> list[tuple[str, Any]]:
        return [
            (key, self.cleaned_data[f"q_{key}"])
            for key in self.question_keys
            if self.cleaned_data.get(f"q_{key}") not in (None, "")
        ]


class ReplyCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Reply code"), max_length=12, help_text=_("For example ABCD-EFGH")
    )


class ReplyForm(forms.Form):
    text = forms.CharField(label=_("Reply to the giver"), widget=forms.Textarea(attrs={"rows": 5}))


class MoveForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=Status.choices)
    public_text = forms.CharField(
        label=_("What the giver reads about this step"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Internal note (never shown to the giver)"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def theme_choices() -> list[tuple[str, str]]:
    from django.utils.translation import get_language

    from osallisuus.analysis.taxonomy import theme_ids, theme_label

    language = (get_language() or "fi")[:2]
    return [("", str(_("All")))] + [(t, theme_label(t, language)) for t in theme_ids()]


class InboxFilterForm(forms.Form):
    theme = forms.ChoiceField(label=_("Themes"), choices=theme_choices, required=False)
    sentiment = forms.ChoiceField(
        label=_("Sentiment"), choices=[("", _("All"))] + list(Sentiment.choices), required=False
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("All"))] + list(Status.choices), required=False
    )
    urgent = forms.ChoiceField(
        label=_("Urgency"),
        choices=[("", _("All")), ("yes", _("Urgent only"))],
        required=False,
    )
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
