"""Staff handling forms, the giver's erasure form, and the answer labels every door shares.

The forms of the intake doors are in intake/forms.py."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from osallisuus.widgets import DateInput

from .models import Channel, Sentiment, Status

if TYPE_CHECKING:
    from osallisuus.accounts.types import User

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


def scale_labels(question_key: str) -> list[tuple[int, Any]]:
    """The answer labels of a five-point question: "overall" asks about the experience (very
    poor … very good), every other statement about agreement (disagree … agree)."""
    return EXPERIENCE_LABELS if question_key == "overall" else AGREEMENT_LABELS


class ReplyCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Reply code"), max_length=12, help_text=_("For example ABCD-EFGH")
    )


class ReplyForm(forms.Form):
    """The reply to the giver and, optionally, the status step it goes with (#21 item 6: one
    form, one POST); a template can fill the text (a button without JavaScript)."""

    template = forms.ChoiceField(label=_("Reply template"), required=False)
    text = forms.CharField(
        label=_("Reply to the giver"), widget=forms.Textarea(attrs={"rows": 6}), required=False
    )
    status = forms.ChoiceField(
        label=_("Change the status too"),
        help_text=_("A reply marks new feedback answered. Choose a further step if it applies."),
        required=False,
    )
    public_text = forms.CharField(
        label=_("What the giver reads about this step"),
        help_text=_("Required with a status step. For “no change”, tell the reasons."),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )

    def __init__(
        self, *args: Any, templates: Any = (), steps: list[str] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.templates = {str(t.pk): t for t in templates}
        cast(forms.ChoiceField, self.fields["template"]).choices = [("", _("No template"))] + [
            (pk, t.title) for pk, t in self.templates.items()
        ]
        if not self.templates:
            del self.fields["template"]
        cast(forms.ChoiceField, self.fields["status"]).choices = [("", _("No further step"))] + [
            (s, Status(s).label) for s in steps or ()
        ]

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


class PersonChoiceField(forms.ModelChoiceField["User"]):
    """People by their full name (the user name if none is set)."""

    def label_from_instance(self, obj: User) -> str:
        return str(obj.get_full_name() or obj.username)


class AssignForm(forms.Form):
    """Who handles the item: a person whose scope covers its unit, or nobody."""

    assigned_to: PersonChoiceField = PersonChoiceField(
        label=_("Handler"), queryset=None, required=False, empty_label=_("Nobody")
    )

    def __init__(self, *args: Any, candidates: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(PersonChoiceField, self.fields["assigned_to"]).queryset = candidates


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
        label=_("Channel"), choices=[("", _("All")), *list(Channel.choices)], required=False
    )
    score = forms.ChoiceField(
        label=_("Score"),
        choices=[
            ("", _("All")),
            ("low", _("Poor (1–2)")),
            ("high", _("Good (4–5)")),
            # Lazy, so each page shows the labels in its own language (#21 item 8).
            *[
                (str(value), format_lazy("{} – {}", value, label))
                for value, label in EXPERIENCE_LABELS
            ],
            ("none", _("No score")),
        ],
        required=False,
    )
    theme = forms.ChoiceField(label=_("Theme"), choices=theme_choices, required=False)
    sentiment = forms.ChoiceField(
        label=_("Sentiment"), choices=[("", _("All")), *list(Sentiment.choices)], required=False
    )
    urgent = forms.ChoiceField(
        label=_("Urgency"),
        choices=[("", _("All")), ("yes", _("Urgent only")), ("no", _("Not urgent"))],
        required=False,
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("All")), ("open", _("Not answered yet")), *list(Status.choices)],
        required=False,
    )
    assigned = forms.ChoiceField(
        label=_("Handler"),
        choices=[("", _("Anyone")), ("me", _("Assigned to me")), ("nobody", _("Unassigned"))],
        required=False,
    )
    since = forms.DateField(label=_("From"), required=False, widget=DateInput())
    until = forms.DateField(label=_("To"), required=False, widget=DateInput())
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)
    changed = forms.BooleanField(label=_("Led to a change"), required=False)
    mashing = forms.BooleanField(label=_("Show suspected button-mashing"), required=False)

    def __init__(self, *args: Any, units: Any, services: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, queryset in (("unit", units), ("service", services)):
            cast(forms.ModelChoiceField[Any], self.fields[name]).queryset = queryset

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
            "changed": bool(data.get("changed")),
            "include_mashing": bool(data.get("mashing")),
        }


class EraseForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Yes, erase my contact details and what I wrote"),
        error_messages={"required": _("Tick the box to confirm the erasure.")},
    )
