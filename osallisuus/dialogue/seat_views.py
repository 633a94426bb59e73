"""Pages of user seats on the county's decision-making bodies (#16 item 5, Act 611/2021 § 29):
the register of bodies with their user seats and attendance, a new seat, a meeting's
attendance."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from osallisuus.authorization import permission_required
from osallisuus.errors import attempt
from osallisuus.trail.matters.selectors import decision_bodies

from . import selectors, services
from .forms import SeatAttendanceForm, UserSeatForm

if TYPE_CHECKING:
    from osallisuus.accounts.types import SignedInRequest


@require_GET
@permission_required("dialogue.view_user_seats")
def seat_register(request: HttpRequest) -> HttpResponse:
    """Which bodies have user seats, who holds them, and their attendance per meeting."""
    return render(
        request,
        "dialogue/seats.html",
        {"register": selectors.user_seat_register(today=timezone.localdate())},
    )


@require_http_methods(["GET", "POST"])
@permission_required("dialogue.manage_user_seats")
def seat_create(request: SignedInRequest) -> HttpResponse:
    form = UserSeatForm(request.POST or None, bodies=decision_bodies())
    if form.is_valid():
        data = dict(form.cleaned_data)
        username = data.pop("expert_username").strip()
        expert = selectors.expert_by_username(username) if username else None
        if username and expert is None:
            form.add_error("expert_username", _("No expert in the pool has this user name."))
        elif attempt(
            form, lambda: services.create_user_seat(by=request.user, expert=expert, **data)
        ):
            messages.success(request, _("User seat added."))
            return redirect("dialogue:seats")
    return render(request, "dialogue/seat_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
@permission_required("dialogue.manage_user_seats")
def seat_attendance(request: SignedInRequest, pk: int) -> HttpResponse:
    """Mark which user seats were present at one meeting of the body."""
    body = selectors.access_seat_body(pk=pk)
    seats = list(body.user_seats.order_by("term_starts", "pk"))
    form = SeatAttendanceForm(request.POST or None, seats=seats)
    if form.is_valid():
        present = [seat for seat in seats if str(seat.pk) in form.cleaned_data["present"]]
        if attempt(
            form,
            lambda: services.record_seat_attendance(
                by=request.user, body=body, held_on=form.cleaned_data["held_on"], present=present
            ),
        ):
            messages.success(request, _("Attendance recorded."))
            return redirect("dialogue:seats")
    return render(request, "dialogue/seat_attendance.html", {"body": body, "form": form})
