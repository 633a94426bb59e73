"""The staff-entry door: staff type in feedback that came by phone or on paper."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from osallisuus.accounts.selectors import units_handled_by
from osallisuus.authorization import permission_required
from osallisuus.errors import DomainError, add_to_form

from ..questions import active_question_set
from ..services import submit_feedback
from .forms import StaffEntryForm, StaffUnitChoiceForm


@permission_required("feedback.view_inbox")
@require_http_methods(["GET", "POST"])
def staff_entry(request: HttpRequest) -> HttpResponse:
    """Staff type in feedback that came by phone or on paper, for units they handle only."""
    units = units_handled_by(request.user).filter(active=True).order_by("name_fi")
    code = str(request.GET.get("unit", "")).strip().upper()
    if code:
        unit = units.filter(code=code).first()
        if unit is None:
            raise Http404
    else:
        choices = list(units[:2])
        if len(choices) != 1:
            picker = StaffUnitChoiceForm(units=units)
            return render(request, "feedback/staff_entry.html", {"picker": picker})
        unit = choices[0]
    question_set = active_question_set(unit)
    form = StaffEntryForm(
        request.POST or None,
        question_set=question_set,
        initial={"language": (get_language() or "fi")[:2]},
    )
    if form.is_valid():
        try:
            feedback, _created = submit_feedback(
                form.feedback_input(
                    unit=unit,
                    channel=form.cleaned_data["channel"],
                    language=form.cleaned_data["language"],
                    key_prefix="staff:",
                )
            )
        except DomainError as error:
            add_to_form(form, error)
        else:
            messages.success(
                request,
                _("Feedback saved. The giver's reply code is %(code)s.")
                % {"code": feedback.reply_code},
            )
            return redirect(feedback)
    return render(
        request,
        "feedback/staff_entry.html",
        {
            "unit": unit,
            "form": form,
            "action": reverse("feedback:staff_entry") + f"?unit={unit.code}",
        },
    )
