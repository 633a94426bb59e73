"""The feedback form, built from the unit's question set; staff handling forms."""

from __future__ import annotations

import uuid
from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Channel, QuestionSet, QuestionType, Sentiment, Status

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
    """The reply to the giver; a template can fill the text (a button without JavaScript)."""

    template = forms.ChoiceField(label=_("Reply template"), required=False)
    text = forms.CharField(
        label=_("Reply to the giver"), widget=forms.Textarea(attrs={"rows": 6}), required=False
    )

    def __init__(self, *args: Any, templates: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.templates = {str(t.pk): t for t in templates}
        cast(forms.ChoiceField, self.fields["template"]).choices = [("", _("No template"))] + [
            (pk, t.title) for pk, t in self.templates.items()
        ]
        if not self.templates:
            del self.fields["template"]

    def clean_text(self) -> str:
        text = str(self.cleaned_data.get("text") or "").strip()
        if not text:
            raise forms.ValidationError(_("Write the reply."))
        return text


class MoveForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=Status.choices)
    public_text = forms.CharField(
        label=_("What the giver reads about this step"),
        help_text=_("Required for every step the giver sees. For “no change”, tell the reasons."),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )

    def __init__(self, *args: Any, steps: list[str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if steps is not None:
            cast(forms.ChoiceField, self.fields["status"]).choices = [
                (s, Status(s).label) for s in steps
            ]


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


def theme_label_choices() -> list[tuple[str, str]]:
    return theme_choices()[1:]


class PersonChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """People by their full name (the user name if none is set)."""

    def label_from_instance(self, obj: Any) -> str:
        return str(obj.get_full_name() or obj.username)


class AssignForm(forms.Form):
    """Who handles the item: a person whose scope covers its unit, or nobody."""

    assigned_to: PersonChoiceField = PersonChoiceField(
        label=_("Handler"), queryset=None, required=False, empty_label=_("Nobody")
    )

    def __init__(self, *args: Any, candidates: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["assigned_to"]).queryset = candidates


class LabelForm(forms.Form):
    """A person's correction of the text analysis labels."""

    themes = forms.MultipleChoiceField(
        label=_("Themes"),
        choices=theme_label_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    sentiment = forms.ChoiceField(label=_("Sentiment"), choices=Sentiment.choices)
    urgent = forms.BooleanField(label=_("Urgent: someone must act today"), required=False)


class GroupMoveForm(forms.Form):
    """One handling step with one public text for every item of a group of similar comments."""

    members = forms.TypedMultipleChoiceField(coerce=int, widget=forms.MultipleHiddenInput)
    status = forms.ChoiceField(
        label=_("New status for the whole group"),
        choices=[(s, label) for s, label in Status.choices if s != Status.RECEIVED],
    )
    public_text = forms.CharField(
        label=_("What every giver in the group reads about this step"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.is_bound:
            # Any id may be posted; the view keeps only the items in the user's scope.
            members = self.data.getlist("members") if hasattr(self.data, "getlist") else []
            self.fields["members"].choices = [(m, m) for m in members]  # type: ignore[attr-defined]


class InboxFilterForm(forms.Form):
    """The inbox filters; they live in the query string so a filtered view can be shared."""

    unit: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Unit"), queryset=None, required=False, empty_label=_("All")
    )
    service: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Service"), queryset=None, required=False, empty_label=_("All")
    )
    channel = forms.ChoiceField(
        label=_("Channel"), choices=[("", _("All"))] + list(Channel.choices), required=False
    )
    score = forms.ChoiceField(
        label=_("Score"),
        choices=[
            ("", _("All")),
            ("low", _("Poor (1–2)")),
            ("high", _("Good (4–5)")),
            *[(str(value), f"{value} – {label}") for value, label in EXPERIENCE_LABELS],
            ("none", _("No score")),
        ],
        required=False,
    )
    theme = forms.ChoiceField(label=_("Theme"), choices=theme_choices, required=False)
    sentiment = forms.ChoiceField(
        label=_("Sentiment"), choices=[("", _("All"))] + list(Sentiment.choices), required=False
    )
    urgent = forms.ChoiceField(
        label=_("Urgency"),
        choices=[("", _("All")), ("yes", _("Urgent only")), ("no", _("Not urgent"))],
        required=False,
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("All")), ("open", _("Not answered yet"))] + list(Status.choices),
        required=False,
    )
    assigned = forms.ChoiceField(
        label=_("Handler"),
        choices=[("", _("Anyone")), ("me", _("Assigned to me")), ("nobody", _("Unassigned"))],
        required=False,
    )
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)
    mashing = forms.BooleanField(label=_("Show suspected button-mashing"), required=False)

    def __init__(self, *args: Any, units: Any, services: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, queryset in (("unit", units), ("service", services)):
            cast(forms.ModelChoiceField, self.fields[name]).queryset = queryset

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        since, until = data.get("since"), data.get("until")
        if since and until and since > until:
            self.add_error("until", _("The end of the period is before its start."))
        return data

    def filters(self) -> dict[str, Any]:
        """Keyword arguments for selectors.InboxFilters (empty when the form is invalid)."""
        if not self.is_bound or not self.is_valid():
            return {}
        data = self.cleaned_data
        unit, service = data.get("unit"), data.get("service")
        return {
            "unit_id": unit.pk if unit else None,
            "service_id": service.pk if service else None,
            "channel": data.get("channel", ""),
            "score": data.get("score", ""),
            "theme": data.get("theme", ""),
            "sentiment": data.get("sentiment", ""),
            "urgent": {"yes": True, "no": False}.get(data.get("urgent", "")),
            "status": data.get("status", ""),
            "assigned": data.get("assigned", ""),
            "since": data.get("since"),
            "until": data.get("until"),
            "overdue": bool(data.get("overdue")),
            "include_mashing": bool(data.get("mashing")),
        }


class KioskAnswerForm(forms.Form):
    """The kiosk's second step without JavaScript: the chosen face and an optional comment."""

    score = forms.TypedChoiceField(
        choices=[(n, str(n)) for n in range(1, 6)], coerce=int, widget=forms.HiddenInput
    )
    idempotency_key = forms.CharField(widget=forms.HiddenInput, max_length=100)
    text = forms.CharField(
        label=_("Anything else you want to tell?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
    )

    def __init__(self, *args: Any, followup_label: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if followup_label:
            self.fields["text"].label = followup_label
        if not self.is_bound:
            self.initial.setdefault("idempotency_key", uuid.uuid4().hex)


class StaffUnitChoiceForm(forms.Form):
    """Staff entry, first step when the user works for several units: which unit."""

    unit = forms.ChoiceField(label=_("Unit"))

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["unit"]
        if isinstance(field, forms.ChoiceField):
            field.choices = [(u.code, f"{u.name} ({u.code})") for u in units]


class StaffEntryForm(FeedbackForm):
    """Feedback received by phone or on paper, typed in by staff for the giver."""

    def __init__(self, *args: Any, question_set: QuestionSet | None, **kwargs: Any) -> None:
        super().__init__(*args, question_set=question_set, plain=False, **kwargs)
        self.fields["channel"] = forms.ChoiceField(
            label=_("How did the feedback arrive?"),
            choices=[("phone", _("By phone")), ("paper", _("On a paper form"))],
            widget=forms.RadioSelect,
        )
        self.fields["language"] = forms.ChoiceField(
            label=_("Language of the feedback"),
            choices=[("fi", "suomi"), ("sv", "svenska"), ("en", "English")],
        )
        if "text" in self.fields:
            self.fields["text"].label = _("What the giver said, in their words")
        self.fields["contact_email"].help_text = _(
            "Only if the giver wants the answer by e-mail and agrees that it is stored."
        )
        self.fields["contact_phone"].help_text = _(
            "Only if the giver wants the answer by text message and agrees that it is stored."
        )
        self.fields["publish_consent"].label = _(
            "The giver agrees that the comment may be published without personal details."
        )
        self.order_fields(["channel", "language"])


class EraseForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Yes, erase my contact details and what I wrote"),
        error_messages={"required": _("Tick the box to confirm the erasure.")},
    )
