"""Forms of the intake doors: the feedback form built from the unit's question set, the kiosk's
form without JavaScript, and staff entry of phone and paper feedback."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from osallisuus.organisation.models import Unit

from ..forms import FACES, scale_labels
from ..models import QuestionSet, QuestionType
from ..services import FeedbackInput


class FacesWidget(forms.RadioSelect):
    template_name = "feedback/widgets/faces.html"


class NpsWidget(forms.RadioSelect):
    """0 to 10 in one row with the meaning of both ends under it."""

    template_name = "feedback/widgets/nps.html"

    def get_context(self, name: str, value: Any, attrs: Any) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        context["widget"]["low_label"] = _("0 = not at all likely")
        context["widget"]["high_label"] = _("10 = extremely likely")
        return context


COMMENT_MAX_CHARS = 2000


class CommentField(forms.CharField):
    """Free text up to COMMENT_MAX_CHARS, checked on the server with a clear error.

    The textarea has no `maxlength`: a browser would cut pasted text at the limit without a
    word. Where JavaScript runs, static/js/char-count.js shows a live count from the data-
    attributes; the texts are here so that they are translated with the rest of the form."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 5}))
        kwargs.setdefault(
            "error_messages",
            {
                "max_length": _(
                    "The text is %(show_value)s characters long, and at most %(limit_value)s fit. "
                    "Shorten it and send again: what you wrote is still in the box."
                )
            },
        )
        super().__init__(max_length=COMMENT_MAX_CHARS, **kwargs)

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        attrs["data-char-limit"] = str(self.max_length)
        attrs["data-char-count"] = _("{count} of {limit} characters")
        attrs["data-char-over"] = _("Too many characters: {over}. Shorten the text to send it.")
        return attrs


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
                labels = scale_labels(question.key)
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
                    widget=NpsWidget,
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
                field = CommentField(label=label, required=question.required)
            self.fields[name] = field
            self.question_keys.append(question.key)
        if "comment" not in self.question_keys:
            self.fields["text"] = CommentField(
                label=_("Anything else you want to tell?"), required=False
            )
        self.comment_first = bool(question_set and question_set.comment_first)
        if self.comment_first:
            texts = [n for n, f in self.fields.items() if isinstance(f, CommentField)]
            self.order_fields(["idempotency_key", *texts])
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
        # A field with an error (a text too long) was written: say only what is wrong with it.
        if not self.errors and not answered and not (data.get("text") or "").strip():
            raise forms.ValidationError(_("Answer at least one question or write a comment."))
        return data

    def answers(self) -> list[tuple[str, Any]]:
        return [
            (key, self.cleaned_data[f"q_{key}"])
            for key in self.question_keys
            if self.cleaned_data.get(f"q_{key}") not in (None, "")
        ]

    def feedback_input(
        self, *, unit: Unit, channel: str, language: str, key_prefix: str = ""
    ) -> FeedbackInput:
        """What the valid form says, as the store takes it (the web form and staff entry)."""
        data = self.cleaned_data
        answers = self.answers()
        return FeedbackInput(
            unit=unit,
            channel=channel,
            language=language,
            answers=answers,
            text=data.get("text", "") or str(dict(answers).get("comment", "")),
            idempotency_key=f"{key_prefix}{data['idempotency_key']}",
            contact_email=data["contact_email"],
            contact_phone=data["contact_phone"],
            publish_consent=data["publish_consent"],
        )


class KioskAnswerForm(forms.Form):
    """The kiosk's second step without JavaScript: the chosen face and an optional comment."""

    score = forms.TypedChoiceField(
        choices=[(n, str(n)) for n in range(1, 6)], coerce=int, widget=forms.HiddenInput
    )
    idempotency_key = forms.CharField(widget=forms.HiddenInput, max_length=100)
    text = CommentField(
        label=_("Anything else you want to tell?"),
        widget=forms.Textarea(attrs={"rows": 3}),
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
