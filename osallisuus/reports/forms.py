"""The period filter of the dashboards and exports: whole months."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .selectors import Period, add_months

MAX_MONTHS = 36


class MonthField(forms.CharField):
    """A month as YYYY-MM (the browser's month picker sends this; typing it works too)."""

    widget = forms.TextInput(attrs={"type": "month", "placeholder": "2026-01"})
    default_error_messages = {"invalid": _("Give the month as year and month, e.g. 2026-01.")}

    def to_python(self, value: Any) -> date | None:  # type: ignore[override]
        text = super().to_python(value)
        if not text:
            return None
        try:
            year, month = (int(part) for part in text.strip().split("-"))
            return date(year, month, 1)
        except ValueError as error:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from error


class PeriodForm(forms.Form):
    since = MonthField(label=_("From month"), required=False)
    until = MonthField(label=_("To month"), required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        since, until = data.get("since"), data.get("until")
        if since and until and since > until:
            self.add_error("until", _("The last month cannot be before the first."))
        elif since and until and add_months(since, MAX_MONTHS - 1) < until:
            self.add_error("until", _("Choose at most 36 months."))
        return data

    def period(self) -> Period:
        """The chosen period; the last twelve months when nothing (valid) is chosen."""
        default = Period.default()
        if not self.is_bound or not self.is_valid():
            return default
        until = self.cleaned_data.get("until") or default.end
        since = self.cleaned_data.get("since") or add_months(until, -11)
        return Period(since, until)
