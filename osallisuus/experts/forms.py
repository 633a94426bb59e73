"""Forms of the pool: profile, training, request, invitation, contract, claim, feedback."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from osallisuus.accounts.models import Role, User
from osallisuus.organisation.models import Municipality, Unit
from osallisuus.widgets import DateInput, DateTimeInput

from .models import (
    LANGUAGES,
    AssignmentType,
    ExperienceArea,
    ExpertRequest,
    ExpertRole,
    Gathering,
    Mode,
    ProfileStatus,
    Stage,
)
from .services import ProfileData, consent_text

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
# The first bytes of the accepted file types; the name's extension is not trusted.
SIGNATURES = {b"%PDF-": "pdf", b"\xff\xd8\xff": "jpeg", b"\x89PNG\r\n\x1a\n": "png"}


def validate_document(upload: UploadedFile[bytes] | None) -> None:
    """PDF, JPEG or PNG of at most 5 MB, checked by content."""
    if not upload:
        return
    if (upload.size or 0) > MAX_UPLOAD_BYTES:
        raise forms.ValidationError(_("The file is too large: at most 5 MB."))
    head = upload.read(8)
    upload.seek(0)
    if not any(head.startswith(signature) for signature in SIGNATURES):
        raise forms.ValidationError(_("Use a PDF, JPEG or PNG file."))


class ProfileForm(forms.Form):
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    address = forms.CharField(label=_("Postal address"), max_length=300, required=False)
    municipality = forms.ModelChoiceField(
        label=_("Municipality"), queryset=Municipality.objects.all(), required=False
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages"), choices=LANGUAGES, widget=forms.CheckboxSelectMultiple
    )
    roles = forms.MultipleChoiceField(
        label=_("Roles"), choices=ExpertRole.choices, widget=forms.CheckboxSelectMultiple
    )
    available_onsite = forms.BooleanField(label=_("I can take part on site"), required=False)
    available_remote = forms.BooleanField(label=_("I can take part remotely"), required=False)
    unavailable_until = forms.DateField(
        label=_("Not available until"),
        required=False,
        widget=DateInput(),
    )
    availability_notes = forms.CharField(
        label=_("When are you usually available?"), max_length=300, required=False
    )
    last_service_use = forms.DateField(
        label=_("When did you last use the services yourself or as a close one?"),
        required=False,
        widget=DateInput(),
        help_text=_("Sensitive information: stored only with your consent below."),
    )
    travel_needs = forms.CharField(
        label=_("Travel needs"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    experience_areas = forms.ModelMultipleChoiceField(
        label=_("Areas of lived experience"),
        queryset=ExperienceArea.objects.filter(active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Sensitive information: stored only with your consent below."),
    )
    accessibility_needs = forms.CharField(
        label=_("Accessibility needs"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Sensitive information: stored only with your consent below."),
    )
    consent = forms.BooleanField(label=_("I give my consent"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.consent_text = consent_text()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        sensitive = (
            data.get("experience_areas")
            or data.get("accessibility_needs")
            or data.get("last_service_use")
        )
        if sensitive and not data.get("consent"):
            self.add_error("consent", _("Give your consent, or leave the sensitive fields empty."))
        return data

    def profile_data(self) -> ProfileData:
        data = self.cleaned_data
        return ProfileData(
            phone=data["phone"],
            address=data["address"],
            municipality=data["municipality"],
            languages=data["languages"],
            roles=data["roles"],
            accessibility_needs=data["accessibility_needs"],
            travel_needs=data["travel_needs"],
            experience_areas=data["experience_areas"],
            available_onsite=data["available_onsite"],
            available_remote=data["available_remote"],
            unavailable_until=data["unavailable_until"],
            last_service_use=data["last_service_use"],
            availability_notes=data["availability_notes"],
            consent=data["consent"],
        )

    @staticmethod
    def initial_from(profile: Any) -> dict[str, Any]:
        return {
            "phone": profile.phone,
            "address": profile.address,
            "municipality": profile.municipality,
            "languages": profile.language_list,
            "roles": profile.role_list,
            "available_onsite": profile.available_onsite,
            "available_remote": profile.available_remote,
            "unavailable_until": profile.unavailable_until,
            "last_service_use": profile.last_service_use,
            "availability_notes": profile.availability_notes,
            "travel_needs": profile.travel_needs,
            "experience_areas": list(profile.experience_areas.all()),
            "accessibility_needs": profile.accessibility_needs,
            "consent": profile.consents.filter(withdrawn_at__isnull=True).exists(),
        }


class TrainingForm(forms.Form):
    course = forms.CharField(label=_("Course"), max_length=200)
    organiser = forms.CharField(label=_("Organiser"), max_length=200)
    date = forms.DateField(label=_("Date"), widget=DateInput())
    certificate = forms.FileField(
        label=_("Certificate"),
        required=False,
        help_text=_("PDF, JPEG or PNG, at most 5 MB."),
        validators=[validate_document],
    )
    qualifies_for = forms.MultipleChoiceField(
        label=_("Qualifies for these types of assignment"),
        help_text=_("A type that needs a completed course starts only after such a training."),
        choices=AssignmentType.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


class MembershipForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ProfileStatus.choices)
    stage = forms.ChoiceField(label=_("Life-cycle stage"), choices=Stage.choices)
    support_person = forms.ModelChoiceField(
        label=_("Support person"),
        queryset=User.objects.filter(role_assignments__role=Role.COORDINATOR).distinct(),
        required=False,
    )


class PoolFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("All")), *ProfileStatus.choices], required=False
    )
    area = forms.ModelChoiceField(
        label=_("Experience area"), queryset=ExperienceArea.objects.all(), required=False
    )
    language = forms.ChoiceField(
        label=_("Language"), choices=[("", _("All")), *LANGUAGES], required=False
    )
    municipality = forms.ModelChoiceField(
        label=_("Municipality"), queryset=Municipality.objects.all(), required=False
    )
    role = forms.ChoiceField(
        label=_("Role"), choices=[("", _("All")), *ExpertRole.choices], required=False
    )
    stage = forms.ChoiceField(
        label=_("Life-cycle stage"), choices=[("", _("All")), *Stage.choices], required=False
    )


class RequestForm(forms.ModelForm[ExpertRequest]):
    class Meta:
        model = ExpertRequest
        fields = [
            "topic",
            "assignment_type",
            "description",
            "areas",
            "language",
            "starts_at",
            "mode",
            "duration_hours",
            "role",
            "people_needed",
            "unit",
            "municipality",
        ]
        widgets = {
            "areas": forms.CheckboxSelectMultiple,
            "starts_at": DateTimeInput(),
            "description": forms.Textarea(attrs={"rows": 3}),
            "mode": forms.RadioSelect,
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["areas"].queryset = ExperienceArea.objects.filter(active=True)  # type: ignore[attr-defined]
        self.fields["unit"].queryset = Unit.objects.filter(active=True)  # type: ignore[attr-defined]
        self.fields["mode"].choices = Mode.choices  # type: ignore[attr-defined]


class RequestFilterForm(forms.Form):
    tyyppi = forms.ChoiceField(
        label=_("Type of assignment"),
        choices=[("", _("All")), *AssignmentType.choices],
        required=False,
    )


class CancelRequestForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the request cancelled?"),
        help_text=_("Everyone invited gets this text by e-mail."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        error_messages={"required": _("Write why the request is cancelled.")},
    )


class InviteForm(forms.Form):
    profiles = forms.TypedMultipleChoiceField(
        label=_("Invite"), coerce=int, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, choices: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["profiles"].choices = choices  # type: ignore[attr-defined]


class ClaimLineForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DateInput())
    hours = forms.DecimalField(
        label=_("Hours"), min_value=Decimal(0), max_digits=5, decimal_places=2, initial=0
    )
    half_days = forms.IntegerField(label=_("Half days"), min_value=0, max_value=10, initial=0)
    days = forms.IntegerField(label=_("Days"), min_value=0, max_value=10, initial=0)
    km = forms.DecimalField(
        label=_("Kilometres"), min_value=Decimal(0), max_digits=7, decimal_places=1, initial=0
    )


ClaimLineFormSet = forms.formset_factory(ClaimLineForm, extra=1, min_num=1, max_num=10)


class ExpenseForm(forms.Form):
    description = forms.CharField(label=_("Other expense"), max_length=200, required=False)
    amount = forms.DecimalField(
        label=_("Amount (€)"),
        min_value=Decimal("0.01"),
        max_digits=8,
        decimal_places=2,
        required=False,
    )
    receipt = forms.FileField(
        label=_("Receipt"),
        required=False,
        help_text=_("PDF, JPEG or PNG, at most 5 MB."),
        validators=[validate_document],
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        given = [bool(data.get(k)) for k in ("description", "amount", "receipt")]
        if any(given) and not all(given):
            raise forms.ValidationError(
                _("An expense needs a description, an amount and a receipt.")
            )
        return data


# Three blank rows without JavaScript; a row left empty is ignored.
ExpenseFormSet = forms.formset_factory(ExpenseForm, extra=3, max_num=10, validate_max=True)


class DecideClaimForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve")), ("return", _("Return to the expert"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason for returning"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == "return" and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Tell the expert why the claim is returned."))
        return data


class AssignmentFeedbackForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How did it go?"),
        coerce=int,
        choices=[
            (1, _("1 – poorly")),
            (2, "2"),
            (3, "3"),
            (4, "4"),
            (5, _("5 – very well")),
        ],
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label=_("Comments"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class CollectFeedbackForm(forms.Form):
    """One client's feedback as a collector enters it on their phone (#17 item 3)."""

    text = forms.CharField(
        label=_("The client's feedback"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Write down what the client said.")},
    )
    language = forms.ChoiceField(
        label=_("Language of the feedback"),
        choices=[("fi", _("Finnish")), ("sv", _("Swedish")), ("en", _("English"))],
        initial="fi",
    )
    gathering = forms.ChoiceField(
        label=_("Where did you meet the client?"),
        choices=Gathering.choices,
        initial=Gathering.UNIT,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose where you met the client.")},
    )
    contact_email = forms.EmailField(
        label=_("Client's e-mail for a reply (optional)"),
        required=False,
        help_text=_("Only if the client wants a reply. Otherwise no contact details are kept."),
    )
    contact_phone = forms.RegexField(
        label=_("Client's phone number for a reply by text message (optional)"),
        regex=r"^\+?[0-9 ()-]{6,20}$",
        required=False,
        error_messages={"invalid": _("Enter a phone number, e.g. 040 123 4567.")},
    )
    # The service refuses without it, so the message is the same on every way in.
    consent = forms.BooleanField(
        label=_("The client gave oral consent to send this feedback"), required=False
    )
    # One key per entry: a form sent twice (a double tap, a resend) stores one feedback.
    idempotency_key = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)
