"""The search page's form: words and the filters, read from the query string (a GET form)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from osallisuus.analysis.taxonomy import load_themes
from osallisuus.errors import DomainError, add_to_form
from osallisuus.trail.kinds import InputQuery, kind_choices
from osallisuus.widgets import DateInput

from .selectors import (
    check_search,
    search_query,
    searchable_services,
    searchable_units,
    status_choices,
)

if TYPE_CHECKING:
    from osallisuus.accounts.types import User


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Words"),
        max_length=200,
        help_text=_("A word also finds its inflected forms and compounds that start with it."),
    )
    kind = forms.ChoiceField(label=_("Kind of input"), required=False, choices=())
    unit: forms.ModelChoiceField = forms.ModelChoiceField(  # type: ignore[type-arg]
        label=_("Unit"), queryset=None, required=False, empty_label=_("All units")
    )
    service: forms.ModelChoiceField = forms.ModelChoiceField(  # type: ignore[type-arg]
        label=_("Service"), queryset=None, required=False, empty_label=_("All services")
    )
    theme = forms.ChoiceField(label=_("Theme"), required=False, choices=())
    status = forms.ChoiceField(label=_("Status"), required=False, choices=())
    since = forms.DateField(label=_("From"), required=False, widget=DateInput())
    until = forms.DateField(label=_("To"), required=False, widget=DateInput())

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        language = (get_language() or "fi")[:2]
        every = [("", _("All"))]
        self.fields["kind"].choices = every + kind_choices()  # type: ignore[attr-defined]
        self.fields["unit"].queryset = searchable_units(user)  # type: ignore[attr-defined]
        self.fields["service"].queryset = searchable_services(user)  # type: ignore[attr-defined]
        self.fields["theme"].choices = every + [  # type: ignore[attr-defined]
            (theme.id, theme.label(language)) for theme in load_themes()
        ]
        self.fields["status"].choices = every + status_choices()  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "q" in data:
            try:
                check_search(words=data["q"], since=data.get("since"), until=data.get("until"))
            except DomainError as error:
                add_to_form(self, error)
        return data

    def query(self) -> InputQuery:
        data = self.cleaned_data
        return search_query(
            words=data["q"],
            unit=data.get("unit"),
            service=data.get("service"),
            theme=data.get("theme", ""),
            since=data.get("since"),
            until=data.get("until"),
            status=data.get("status", ""),
        )

    def kinds(self) -> list[str] | None:
        kind = self.cleaned_data.get("kind")
        return [kind] if kind else None
