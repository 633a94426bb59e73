"""Pages: the signpost to the statutory routes, the objection form and its status page, the
complaints officer's register and record, and the handler's decision on a flagged item."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from osallisuus.accounts.strong_identification import is_strongly_identified
from osallisuus.audit.services import record_access
from osallisuus.authorization import permission_required
from osallisuus.errors import DomainError, add_to_form, attempt
from osallisuus.feedback.reply_codes import normalise_reply_code
from osallisuus.rate_limits import over_limit
from osallisuus.uploads import content_type_of

from .forms import AnswerForm, CodeForm, HandlingForm, ObjectionForm, RedirectForm, TransferForm
from .models import ComplaintStatus
from .selectors import (
    access_complaint,
    access_flag,
    complaint_by_code,
    objection_policy,
    objections_enabled,
    overdue_flags,
    register_for,
    route_texts,
)
from .services import (
    ObjectionInput,
    answer_objection,
    keep_as_feedback,
    record_handling,
    redirect_feedback,
    submit_objection,
    transfer_feedback,
)

if TYPE_CHECKING:
    from osallisuus.accounts.types import SignedInRequest

LOOKUPS_PER_MINUTE = 30


@require_GET
def signpost(request: HttpRequest) -> HttpResponse:
    """What feedback is for, and the statutory routes, in the county's words."""
    language = (get_language() or "fi")[:2]
    texts = [
        {"route": text.route, "title": text.title(language), "body": text.body(language)}
        for text in route_texts()
    ]
    return render(
        request,
        "complaints/signpost.html",
        {"texts": texts, "objections_enabled": objections_enabled()},
    )


def _needs_strong_identification(request: HttpRequest) -> bool:
    policy = objection_policy()
    return bool(
        policy
        and policy.strong_identification
        and settings.RESIDENT_OIDC_ENABLED
        and not is_strongly_identified(request)
    )


@require_http_methods(["GET", "POST"])
def objection(request: HttpRequest) -> HttpResponse:
    """The formal objection form, where the county takes objections electronically."""
    if not objections_enabled():
        raise Http404
    if _needs_strong_identification(request):
        return redirect(f"{reverse('accounts:strong_start')}?{urlencode({'next': request.path})}")
    if request.method == "POST" and over_limit(request, scope="objection", limit=10):
        return render(request, "feedback/too_many.html", status=429)
    initial = {}
    if request.GET.get("unit"):
        initial["unit"] = request.GET["unit"]
    form = ObjectionForm(request.POST or None, request.FILES or None, initial=initial)
    if form.is_valid():
        data = form.cleaned_data
        try:
            complaint, _created = submit_objection(
                ObjectionInput(
                    unit=data["unit"],
                    concern=data["concern"],
                    name=data["name"],
                    address=data["address"],
                    email=data["email"],
                    text=data["text"],
                    language=(get_language() or "fi")[:2],
                    strongly_identified=settings.RESIDENT_OIDC_ENABLED
                    and is_strongly_identified(request),
                    idempotency_key=data["idempotency_key"],
                    attachments=data["attachments"],
                )
            )
        except DomainError as error:
            add_to_form(form, error)
        else:
            request.session["objection_sent"] = complaint.code
            return redirect("complaints:status", code=complaint.code)
    return render(request, "complaints/objection.html", {"form": form})


@require_GET
def status_lookup(request: HttpRequest) -> HttpResponse:
    form = CodeForm(request.GET or None)
    if form.is_valid():
        code = normalise_reply_code(form.cleaned_data["code"])
        if code:
            return redirect("complaints:status", code=code)
        form.add_error("code", _("A code has eight letters and digits, like ABCD-EFGH."))
    return render(request, "complaints/status_lookup.html", {"form": form})


@require_GET
def status(request: HttpRequest, code: str) -> HttpResponse:
    """The sender reads the acknowledgement, the due date and the written answer by code."""
    if over_limit(request, scope="reply_code", limit=LOOKUPS_PER_MINUTE):
        return render(request, "feedback/too_many.html", status=429)
    complaint = complaint_by_code(code.upper())
    if complaint is None:
        form = CodeForm({"code": code})
        form.is_valid()
        form.add_error("code", _("We found no objection with this code."))
        return render(request, "complaints/status_lookup.html", {"form": form}, status=404)
    just_sent = request.session.pop("objection_sent", None) == complaint.code
    return render(
        request, "complaints/status.html", {"complaint": complaint, "just_sent": just_sent}
    )


# --- The complaints officer ----------------------------------------------------------------------


@require_GET
@permission_required("complaints.handle_complaints")
def register(request: HttpRequest) -> HttpResponse:
    status_filter = request.GET.get("tila", "")
    return render(
        request,
        "complaints/register.html",
        {
            "complaints": register_for(request.user, status=status_filter)[:500],
            "statuses": ComplaintStatus.choices,
            "status_filter": status_filter,
        },
    )


def _record_page(
    request: SignedInRequest,
    pk: int,
    *,
    handling_form: HandlingForm | None = None,
    answer_form: AnswerForm | None = None,
    status_code: int = 200,
) -> HttpResponse:
    complaint = access_complaint(user=request.user, pk=pk, path=request.path)
    return render(
        request,
        "complaints/record.html",
        {
            "complaint": complaint,
            "handling_form": handling_form or HandlingForm(),
            "answer_form": answer_form
            or AnswerForm(
                initial={"text": complaint.answer_text} if complaint.answer_text else None
            ),
        },
        status=status_code,
    )


@require_GET
@permission_required("complaints.handle_complaints")
def record(request: SignedInRequest, pk: int) -> HttpResponse:
    """One objection with its sender, handling and answer; every view is audit-logged."""
    return _record_page(request, pk)


@permission_required("complaints.handle_complaints")
@require_POST
def handle(request: SignedInRequest, pk: int) -> HttpResponse:
    complaint = access_complaint(user=request.user, pk=pk, path=request.path)
    form = HandlingForm(request.POST)
    if form.is_valid() and attempt(
        form,
        lambda: record_handling(
            complaint=complaint, by=request.user, text=form.cleaned_data["text"]
        ),
    ):
        messages.success(request, _("The handling step was recorded."))
        return redirect(complaint)
    return _record_page(request, pk, handling_form=form)


@permission_required("complaints.handle_complaints")
@require_POST
def answer(request: SignedInRequest, pk: int) -> HttpResponse:
    complaint = access_complaint(user=request.user, pk=pk, path=request.path)
    form = AnswerForm(request.POST)
    if form.is_valid() and attempt(
        form,
        lambda: answer_objection(
            complaint=complaint,
            by=request.user,
            text=form.cleaned_data["text"],
            answered_on=form.cleaned_data["answered_on"],
        ),
    ):
        messages.success(request, _("The answer was saved; the sender can read it by the code."))
        return redirect(complaint)
    return _record_page(request, pk, answer_form=form)


@require_GET
@permission_required("complaints.handle_complaints")
def attachment(request: SignedInRequest, pk: int, attachment_pk: int) -> HttpResponse:
    complaint = access_complaint(user=request.user, pk=pk, path=request.path)
    item = complaint.attachments.filter(pk=attachment_pk).first()
    if item is None:
        raise Http404
    record_access(actor=request.user, obj=item, path=request.path)
    # At most UPLOAD_MAX_FILE_BYTES, checked on the way in: read whole.
    with item.file.open("rb") as stored:
        content = stored.read()
        kind = content_type_of(stored)
    response = HttpResponse(content, content_type=kind or "application/octet-stream")
    response["Content-Disposition"] = "attachment"
    return response


# --- Feedback that reads like a complaint --------------------------------------------------------


def _flag_page(
    request: HttpRequest,
    pk: int,
    *,
    redirect_form: RedirectForm | None = None,
    transfer_form: TransferForm | None = None,
    status_code: int = 200,
) -> HttpResponse:
    flag = access_flag(user=request.user, pk=pk)
    return render(
        request,
        "complaints/flag.html",
        {
            "flag": flag,
            "feedback": flag.feedback,
            "redirect_form": redirect_form or RedirectForm(),
            "transfer_form": transfer_form or TransferForm(),
            "objections_enabled": objection_policy() is not None,
        },
        status=status_code,
    )


@require_GET
@permission_required("feedback.view_inbox")
def flag(request: HttpRequest, pk: int) -> HttpResponse:
    return _flag_page(request, pk)


def _done(request: HttpRequest, flag_feedback_pk: int, text: str) -> HttpResponse:
    messages.success(request, text)
    return redirect("feedback:detail", pk=flag_feedback_pk)


@permission_required("feedback.view_inbox")
@require_POST
def flag_keep(request: SignedInRequest, pk: int) -> HttpResponse:
    item = access_flag(user=request.user, pk=pk)
    try:
        keep_as_feedback(flag=item, by=request.user)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("feedback:detail", pk=item.feedback_id)
    return _done(request, item.feedback_id, _("Kept as feedback."))


@permission_required("feedback.view_inbox")
@require_POST
def flag_redirect(request: SignedInRequest, pk: int) -> HttpResponse:
    item = access_flag(user=request.user, pk=pk)
    form = RedirectForm(request.POST)
    if form.is_valid() and attempt(
        form,
        lambda: redirect_feedback(flag=item, by=request.user, route=form.cleaned_data["route"]),
    ):
        return _done(request, item.feedback_id, _("The giver was told about the route."))
    return _flag_page(request, pk, redirect_form=form)


@permission_required("feedback.view_inbox")
@require_POST
def flag_transfer(request: SignedInRequest, pk: int) -> HttpResponse:
    item = access_flag(user=request.user, pk=pk)
    form = TransferForm(request.POST)
    if form.is_valid() and attempt(
        form, lambda: transfer_feedback(flag=item, by=request.user, **form.cleaned_data)
    ):
        return _done(request, item.feedback_id, _("Moved to the objection register."))
    return _flag_page(request, pk, transfer_form=form)


@require_GET
@permission_required("complaints.view_overdue_flags")
def overdue(request: HttpRequest) -> HttpResponse:
    """Flags nobody decided in time, for the coordinator to chase."""
    return render(request, "complaints/overdue.html", {"flags": overdue_flags()[:500]})
