"""Forms of the developer-group pages: a group, its next step, a request shared among members."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from osallisuus.accounts.models import Role, User
from osallisuus.widgets import DateInput

from .models import DeveloperGroup, ExpertProfile, ExpertRequest, GroupOwner, ProfileStatus, Stage


def _person(user: User) -> str:
    return str(user.get_full_name() or user.get_username())


class GroupForm(forms.ModelForm[DeveloperGroup]):
    class Meta:
        model = DeveloperGroup
        fields = [
            "name",
            "owner_kind",
            "owner_name",
            "home_base",
            "coordinator",
            "support_person",
            "members",
        ]
        widgets = {"owner_kind": forms.RadioSelect, "members": forms.CheckboxSelectMultiple}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner_kind"].choices = GroupOwner.choices  # type: ignore[attr-defined]
        coordinators = User.objects.filter(role_assignments__role=Role.COORDINATOR).distinct()
        for name in ("coordinator", "support_person"):
            field = self.fields[name]
            field.queryset = coordinators  # type: ignore[attr-defined]
            field.label_from_instance = _person  # type: ignore[attr-defined]
        members = self.fields["members"]
        members.queryset = ExpertProfile.objects.filter(  # type: ignore[attr-defined]
            status=ProfileStatus.ACTIVE, erased_at=None
        ).select_related("user")
        members.label_from_instance = lambda profile: profile.name  # type: ignore[attr-defined]


class StepForm(forms.Form):
    stage = forms.ChoiceField(label=_("Step"), choices=Stage.choices)
    reached_on = forms.DateField(label=_("Date"), widget=DateInput())
    notes = forms.CharField(
        label=_("Notes"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, next_step: str | None, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "step")
        kwargs.setdefault("initial", {"stage": next_step, "reached_on": timezone.localdate()})
        super().__init__(*args, **kwargs)


class ShareForm(forms.Form):
    request = forms.ModelChoiceField(label=_("Request"), queryset=ExpertRequest.objects.none())
    members = forms.ModelMultipleChoiceField(
        label=_("Members who share the work"),
        queryset=ExpertProfile.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, group: DeveloperGroup, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "share")
        super().__init__(*args, **kwargs)
        request = self.fields["request"]
        request.queryset = ExpertRequest.objects.filter(  # type: ignore[attr-defined]
            status=ExpertRequest.Status.OPEN, group=None
        ).order_by("starts_at")
        members = self.fields["members"]
        members.queryset = group.members.select_related("user")  # type: ignore[attr-defined]
        members.label_from_instance = lambda profile: profile.name  # type: ignore[attr-defined]
