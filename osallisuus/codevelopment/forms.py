"""Forms of co-development; every error is translated and shown next to its field."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from osallisuus.accounts.models import Role, User
from osallisuus.accounts.selectors import units_in_scope
from osallisuus.feedback.models import Feedback
from osallisuus.organisation.models import Service
from osallisuus.trail.matters.selectors import matters_for
from osallisuus.widgets import DateTimeInput

from .models import Column, Decision, GroupRole, Project, Registration, Stage, Workshop
from .services import MIN_REASONS_LENGTH
from .stages import questions_of

MATERIAL_MAX_BYTES = 10 * 1024 * 1024
# Extension → the bytes such a file starts with (office formats are zip files).
MATERIAL_SIGNATURES: dict[str, tuple[bytes, ...]] = {
    ".pdf": (b"%PDF",),
    ".png": (b"\x89PNG",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".docx": (b"PK\x03\x04",),
    ".pptx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
    ".odt": (b"PK\x03\x04",),
    ".odp": (b"PK\x03\x04",),
    ".txt": (b"",),
}
LOCAL_DATETIME = "%Y-%m-%dT%H:%M"


class ProjectForm(forms.ModelForm[Project]):
    feedback_codes = forms.CharField(
        label=_("Reply codes of the feedback that started the project"),
        required=False,
        help_text=_("Separate several codes with spaces or commas."),
    )

    class Meta:
        model = Project
        fields = ["title", "target", "service", "units", "is_public", "public_summary"]
        widgets = {
            "target": forms.Textarea(attrs={"rows": 4}),
            "public_summary": forms.Textarea(attrs={"rows": 4}),
            "units": forms.SelectMultiple(attrs={"size": 8}),
        }

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        # A project is for units in the creator's own scope (every unit for county-wide roles).
        scope = units_in_scope(user)
        cast(Any, self.fields["service"]).queryset = (
            Service.objects.filter(units__in=scope).distinct().order_by("name_fi")
        )
        cast(Any, self.fields["units"]).queryset = scope.filter(active=True).order_by("name_fi")
        if self.instance.pk and not self.is_bound:
            self.initial["feedback_codes"] = " ".join(
                self.instance.feedback.values_list("reply_code", flat=True)
            )

    def clean_feedback_codes(self) -> list[Feedback]:
        raw = self.cleaned_data.get("feedback_codes", "")
        codes = {c.strip().upper() for c in raw.replace(",", " ").split() if c.strip()}
        found = list(Feedback.objects.visible_to(self.user).filter(reply_code__in=codes))
        missing = codes - {f.reply_code for f in found}
        if missing:
            raise forms.ValidationError(
                _("No feedback in your scope has the code %(codes)s."),
                params={"codes": ", ".join(sorted(missing))},
            )
        return found

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("service") and not data.get("units"):
            self.add_error("units", _("Choose the service or at least one unit."))
        return data


class MemberForm(forms.Form):
    person = forms.CharField(label=_("User name or e-mail address"), max_length=254)
    role = forms.ChoiceField(label=_("Role in the group"), choices=GroupRole.choices)

    def clean_person(self) -> User:
        value = self.cleaned_data["person"].strip()
        user = User.objects.filter(
            Q(username__iexact=value) | Q(email__iexact=value), is_active=True
        ).first()
        if user is None:
            raise forms.ValidationError(_("No user has this name or e-mail address."))
        return user


class StageAnswersForm(forms.Form):
    def __init__(self, *args: Any, stage: str, initial_answers: dict[str, str], **kw: Any) -> None:
        super().__init__(*args, **kw)
        for key, question in questions_of(stage):
            self.fields[key] = forms.CharField(
                label=str(question),
                required=False,
                initial=initial_answers.get(key, ""),
                widget=forms.Textarea(attrs={"rows": 3}),
            )


class MoveStageForm(forms.Form):
    stage = forms.ChoiceField(label=_("Move the project to the stage"), choices=Stage.choices)
    matter: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Matter carried to decision making"),
        help_text=_(
            "Who carries the proposal, and to which body or office-holder. Needed from "
            "“change in practice” on, with its decision recorded."
        ),
        queryset=None,
        required=False,
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        matter_field: Any = self.fields["matter"]
        matter_field.queryset = matters_for(user)


class OutcomesForm(forms.ModelForm[Project]):
    class Meta:
        model = Project
        fields = ["solution_models", "trial_plan", "evaluation_criteria", "trial_results"]
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in fields}


class ProposalForm(forms.Form):
    proposal = forms.CharField(
        label=_("Decision proposal"), widget=forms.Textarea(attrs={"rows": 5})
    )
    decision_maker = forms.ModelChoiceField(
        label=_("Decision maker"),
        queryset=User.objects.filter(
            role_assignments__role=Role.DECISION_MAKER, is_active=True
        ).distinct(),
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=Decision.choices, widget=forms.RadioSelect
    )
    reasons = forms.CharField(
        label=_("Reasons, in plain language"),
        required=False,
        help_text=_("Required when the proposal is changed or rejected."),
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (
            data.get("decision") in (Decision.CHANGED, Decision.REJECTED)
            and len(data.get("reasons", "").strip()) < MIN_REASONS_LENGTH
        ):
            self.add_error("reasons", _("Give the reasons in a few sentences."))
        return data


class WorkshopForm(forms.ModelForm[Workshop]):
    preset = forms.ChoiceField(
        label=_("Columns of the shared board"),
        required=False,
        choices=[
            ("timeline", _("Before / now / near future")),
            ("meetings", _("Current state / need for change / solutions")),
            ("", _("No columns yet")),
        ],
    )

    class Meta:
        model = Workshop
        fields = [
            "title",
            "starts_at",
            "ends_at",
            "place",
            "remote_link",
            "agenda",
            "pre_tasks",
            "between_tasks",
            "votes_per_participant",
        ]
        widgets = {
            "starts_at": DateTimeInput(),
            "ends_at": DateTimeInput(),
            "agenda": forms.Textarea(attrs={"rows": 4}),
            "pre_tasks": forms.Textarea(attrs={"rows": 3}),
            "between_tasks": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("starts_at", "ends_at"):
            cast(Any, self.fields[name]).input_formats = [LOCAL_DATETIME, "%Y-%m-%d %H:%M"]
        if self.instance.pk:
            del self.fields["preset"]
        cast(Any, self.fields["votes_per_participant"]).min_value = 1
        cast(Any, self.fields["votes_per_participant"]).max_value = 20

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The workshop must end after it starts."))
        if not data.get("place") and not data.get("remote_link"):
            self.add_error("place", _("Give the place, the remote link or both."))
        return data


class MaterialForm(forms.Form):
    title = forms.CharField(label=_("Title of the material"), max_length=200)
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, Word, PowerPoint, Excel, OpenDocument, text or image; at most 10 MB."),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        suffix = Path(upload.name).suffix.lower()
        if suffix not in MATERIAL_SIGNATURES:
            raise forms.ValidationError(_("This type of file cannot be added."))
        if upload.size > MATERIAL_MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB."))
        head = upload.read(8)
        upload.seek(0)
        if not any(head.startswith(sig) for sig in MATERIAL_SIGNATURES[suffix]):
            raise forms.ValidationError(_("The file's content does not match its type."))
        return upload


class RegistrationForm(forms.ModelForm[Registration]):
    class Meta:
        model = Registration
        fields = ["remote", "accessibility_needs", "dietary_needs"]
        widgets = {
            "accessibility_needs": forms.Textarea(attrs={"rows": 2}),
            "dietary_needs": forms.Textarea(attrs={"rows": 2}),
        }


class NoteForm(forms.Form):
    column = forms.ModelChoiceField(
        label=_("Column"), queryset=Column.objects.none(), empty_label=None
    )
    text = forms.CharField(
        label=_("Your note"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )
    anonymous = forms.BooleanField(
        label=_("Post anonymously (others do not see your name; your role is kept)"),
        required=False,
    )

    def __init__(self, *args: Any, workshop: Workshop, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(Any, self.fields["column"]).queryset = workshop.columns.all()


class NoteEditForm(forms.Form):
    text = forms.CharField(
        label=_("Note"), max_length=1000, widget=forms.Textarea(attrs={"rows": 4})
    )


class MoveNoteForm(forms.Form):
    column = forms.ModelChoiceField(label=_("Move to column"), queryset=Column.objects.none())

    def __init__(self, *args: Any, workshop: Workshop, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(Any, self.fields["column"]).queryset = workshop.columns.all()


class CommentForm(forms.Form):
    text = forms.CharField(label=_("Comment"), max_length=1000)


class ColumnForm(forms.Form):
    title = forms.CharField(label=_("New column"), max_length=100)


class ProjectFilterForm(forms.Form):
    service = forms.ModelChoiceField(
        label=_("Service"), queryset=Service.objects.order_by("name_fi"), required=False
    )
    stage = forms.ChoiceField(
        label=_("Stage"), choices=[("", _("All stages")), *Stage.choices], required=False
    )
    year = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2100)
