"""Forms of the dialogue floor; the rules themselves are in services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

from osallisuus.organisation.models import DecisionBody, Municipality, Producer, Service, Unit
from osallisuus.widgets import DateInput, DateTimeInput, TimeInput

from .models import (
    LANGUAGES,
    AgeBand,
    GroupKind,
    Influence,
    Meeting,
    Member,
    MemberKind,
    MemberRole,
    Origin,
    OwnerKind,
    SeatHolderKind,
    Topic,
)


class GroupForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=GroupKind.choices)
    name_fi = forms.CharField(label=_("Name in Finnish"), max_length=200)
    name_sv = forms.CharField(label=_("Name in Swedish"), max_length=200, required=False)
    name_en = forms.CharField(label=_("Name in English"), max_length=200, required=False)
    owner_kind = forms.ChoiceField(
        label=_("Run by"), choices=OwnerKind.choices, widget=forms.RadioSelect
    )
    producer = forms.ModelChoiceField(
        label=_("Producer"), queryset=Producer.objects.order_by("name_fi"), required=False
    )
    service = forms.ModelChoiceField(
        label=_("Service"),
        queryset=Service.objects.order_by("name_fi"),
        required=False,
        help_text=_("For a producer's panel: the service it is for."),
    )
    partner_name = forms.CharField(label=_("Partner organisation"), max_length=200, required=False)
    drawn_by_lot = forms.BooleanField(
        label=_("Members are drawn by lot from volunteers"),
        required=False,
        help_text=_("Residents sign up, and the draw is published with its seed."),
    )
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    term_starts = forms.DateField(label=_("Term starts"), widget=DateInput)
    term_ends = forms.DateField(label=_("Term ends"), widget=DateInput, required=False)
    decided_on = forms.DateField(
        label=_("Date of the board decision"), widget=DateInput, required=False
    )
    decision_section = forms.CharField(
        label=_("Section (§) of the minutes"), max_length=20, required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner_kind"].initial = OwnerKind.COUNTY


PUBLISH_CHOICES = [
    ("", _("As by default: yes for adults, no for members under 18")),
    ("yes", _("Yes, the member agreed")),
    ("no", _("No")),
]


class MemberForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    role = forms.ChoiceField(label=_("Role"), choices=MemberRole.choices, initial="member")
    origin = forms.ChoiceField(label=_("Origin"), choices=Origin.choices)
    member_kind = forms.ChoiceField(label=_("Kind of member"), choices=MemberKind.choices)
    represents = forms.CharField(
        label=_("Represents"),
        max_length=200,
        required=False,
        help_text=_("The municipal body or organisation the member comes from, if any."),
    )
    age_band = forms.ChoiceField(
        label=_("Age band"),
        choices=AgeBand.choices,
        initial=AgeBand.UNKNOWN,
        help_text=_("An age band only, never a date of birth."),
    )
    municipality = forms.ModelChoiceField(
        label=_("Municipality"), queryset=Municipality.objects.order_by("name_fi"), required=False
    )
    language = forms.ChoiceField(
        label=_("Language"),
        choices=[("fi", "suomi"), ("sv", "svenska"), ("se", "sámegiella"), ("en", "English")],
    )
    publish = forms.ChoiceField(
        label=_("May the name be published?"),
        choices=PUBLISH_CHOICES,
        required=False,
        widget=forms.RadioSelect,
    )
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    username = forms.CharField(
        label=_("Account (user name)"),
        max_length=150,
        required=False,
        help_text=_("Link the seat to the member's account, if they have one."),
    )

    def publish_name(self) -> bool | None:
        return {"yes": True, "no": False}.get(self.cleaned_data.get("publish") or "")


class MeetingForm(forms.Form):
    starts_at = forms.DateTimeField(label=_("Starts at"), widget=DateTimeInput)
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    remote_link = forms.URLField(label=_("Remote link"), required=False, assume_scheme="https")
    agenda = forms.CharField(
        label=_("Agenda"), widget=forms.Textarea(attrs={"rows": 6}), required=False
    )
    agenda_published = forms.BooleanField(label=_("Publish the agenda"), required=False)


class MeetingRuleForm(forms.Form):
    """A recurring-meetings rule: the months, the day and the time the group meets."""

    description = forms.CharField(
        label=_("The rule in words"),
        max_length=200,
        help_text=_("For example: twice a year, in spring and in autumn."),
    )
    months = forms.TypedMultipleChoiceField(
        label=_("Months"),
        choices=list(MONTHS.items()),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )
    day = forms.IntegerField(
        label=_("Day of the month"),
        min_value=1,
        max_value=28,
        initial=15,
        help_text=_("From 1 to 28, so that every month has it."),
    )
    time = forms.TimeField(label=_("Time"), widget=TimeInput)
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    remote_link = forms.URLField(label=_("Remote link"), required=False, assume_scheme="https")


class MinutesForm(forms.Form):
    minutes = forms.CharField(
        label=_("Minutes"), widget=forms.Textarea(attrs={"rows": 10}), required=False
    )
    present: forms.ModelMultipleChoiceField[Member] = forms.ModelMultipleChoiceField(
        label=_("Present"),
        queryset=Member.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    approve = forms.BooleanField(label=_("Approve the minutes"), required=False)

    def __init__(self, *args: Any, members: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["present"].queryset = members  # type: ignore[attr-defined]


class QuestionForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Your unit"), queryset=Unit.objects.none())
    topic = forms.ChoiceField(label=_("Topic"), choices=Topic.choices, widget=forms.RadioSelect)
    title = forms.CharField(label=_("Your question"), max_length=200)
    background = forms.CharField(
        label=_("Background"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        help_text=_("What the panel needs to know to answer. No client's personal data."),
    )
    answer_wanted_by = forms.DateField(label=_("Answer wanted by"), widget=DateInput)

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]


class TakeUpForm(forms.Form):
    meeting = forms.ModelChoiceField(
        label=_("How the panel takes it up"),
        queryset=Meeting.objects.none(),
        required=False,
        empty_label=_("Open it online for members' views"),
    )

    def __init__(self, *args: Any, meetings: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = meetings  # type: ignore[attr-defined]


class PostForm(forms.Form):
    text = forms.CharField(label=_("Your view"), widget=forms.Textarea(attrs={"rows": 4}))


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("The panel's answer"), widget=forms.Textarea(attrs={"rows": 6})
    )


class CloseForm(forms.Form):
    outcome = forms.CharField(
        label=_("What did you do with the answer?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_(
            "The effect, or the reasons why nothing changes. The panel sees what you write."
        ),
    )


class InfluenceForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Did you feel your views had an effect?"),
        choices=Influence.choices,
        widget=forms.RadioSelect,
    )


class InitiativeForm(forms.Form):
    service = forms.ModelChoiceField(
        label=_("Service"),
        queryset=Service.objects.order_by("name_fi"),
        help_text=_("The service the panel raises the need to; it answers the panel."),
    )
    title = forms.CharField(label=_("Development need"), max_length=200)
    background = forms.CharField(
        label=_("Background"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        help_text=_("What the panel has seen and why it matters. No client's personal data."),
    )
    answer_wanted_by = forms.DateField(label=_("Answer wanted by"), widget=DateInput)


class InitiativeAnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("The service's answer"), widget=forms.Textarea(attrs={"rows": 6})
    )


class VolunteerForm(forms.Form):
    age_band = forms.ChoiceField(
        label=_("Your age band"),
        choices=[(k, v) for k, v in AgeBand.choices if k != AgeBand.UNKNOWN],
        widget=forms.RadioSelect,
    )
    municipality = forms.ModelChoiceField(
        label=_("Your municipality"), queryset=Municipality.objects.none()
    )
    language = forms.ChoiceField(label=_("Your language"), choices=LANGUAGES)

    def __init__(self, *args: Any, municipalities: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities  # type: ignore[attr-defined]


class DrawForm(forms.Form):
    seed = forms.CharField(
        label=_("Seed"),
        max_length=64,
        help_text=_(
            "Published with the draw: anyone can repeat the draw with it. Choose it before "
            "the draw, for example from a public lottery result, or keep the one offered."
        ),
    )
    size = forms.IntegerField(label=_("Members to draw"), min_value=1)


class AnnualReportForm(forms.Form):
    year = forms.IntegerField(label=_("Year reported on"), min_value=2023, max_value=2100)
    due_on = forms.DateField(label=_("Due to the board"), widget=DateInput)
    submitted_on = forms.DateField(
        label=_("Submitted"),
        widget=DateInput,
        required=False,
        help_text=_("Leave empty until the report is submitted to the regional board."),
    )


# --- User seats on the county's decision-making bodies (#16 item 5) ---------------------------


class UserSeatForm(forms.Form):
    body = forms.ModelChoiceField(label=_("Body"), queryset=DecisionBody.objects.none())
    holder_kind = forms.ChoiceField(
        label=_("Seat held by"), choices=SeatHolderKind.choices, widget=forms.RadioSelect
    )
    holder_name = forms.CharField(label=_("Name of the holder"), max_length=200, required=False)
    expert_username = forms.CharField(
        label=_("User name of the expert's account"),
        max_length=150,
        required=False,
        help_text=_("For an expert by experience: their profile in the pool is linked."),
    )
    pay_fees = forms.BooleanField(
        label=_("Invite the expert to a pool assignment for the seat, to claim fees and travel"),
        required=False,
        initial=True,
    )
    proposed_by = forms.CharField(
        label=_("Proposed by"),
        max_length=200,
        required=False,
        help_text=_("For example an association of service users or the disability council."),
    )
    support_person = forms.CharField(label=_("Support person"), max_length=200, required=False)
    term_starts = forms.DateField(label=_("Term starts"), widget=DateInput)
    term_ends = forms.DateField(label=_("Term ends"), widget=DateInput, required=False)

    def __init__(self, *args: Any, bodies: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = bodies  # type: ignore[attr-defined]


class SeatAttendanceForm(forms.Form):
    held_on = forms.DateField(label=_("Meeting date"), widget=DateInput)
    present = forms.MultipleChoiceField(
        label=_("Present"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, seats: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["present"].choices = [  # type: ignore[attr-defined]
            (str(seat.pk), seat.holder_name) for seat in seats
        ]
