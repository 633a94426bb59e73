"""Pages for givers (form, status by reply code) and for staff (inbox, handling)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from osallisuus.audit.services import record_access
from osallisuus.organisation.selectors import public_unit

from .forms import FeedbackForm, InboxFilterForm, MoveForm, NoteForm, ReplyCodeForm, ReplyForm
from .models import Channel, Contact
from .questions import active_question_set
from .rate_limits import over_limit
from .reply_codes import normalise_reply_code
from .selectors import access_feedback, feedback_by_reply_code, inbox_for
from .services import (
    FeedbackInput,
    IntakeError,
    add_note,
    move_feedback,
    reply_to_feedback,
    submit_feedback,
)

STATUS_LOOKUPS_PER_MINUTE = 30


@require_http_methods(["GET", "POST"])
def give_feedback(request: HttpRequest, code: str) -> HttpResponse:
    """The web and QR form: works on a phone without JavaScript and without an account."""
    unit = public_unit(code=code)
    if unit is None:
        raise Http404
    plain = request.GET.get("selko") == "1" or request.POST.get("selko") == "1"
    question_set = active_question_set(unit)
    form = FeedbackForm(request.POST or None, question_set=question_set, plain=plain)
    if request.method == "POST" and over_limit(request, scope="form", limit=20):
        return render(request, "feedback/too_many.html", status=429)
    if form.is_valid():
        language = (get_language() or "fi")[:2]
        try:
            feedback, _created = submit_feedback(
                FeedbackInput(
                    unit=unit,
                    channel=Channel.QR if request.GET.get("qr") else Channel.WEB,
                    language=language,
                    answers=form.answers(),
                    text=form.cleaned_data.get("text", "")
                    or dict(form.answers()).get("comment", ""),
                    idempotency_key=form.cleaned_data["idempotency_key"],
                    contact_email=form.cleaned_data["contact_email"],
                    contact_phone=form.cleaned_data["contact_phone"],
                    publish_consent=form.cleaned_data["publish_consent"],
                )
            )
        except IntakeError as error:
            for messages_ in error.errors.values():
                for message in messages_:
                    form.add_error(None, message)
        else:
            request.session["just_sent"] = feedback.reply_code
            return redirect("feedback:status", code=feedback.reply_code)
    return render(
        request,
        "feedback/form.html",
        {"unit": unit, "form": form, "plain": plain, "question_set": question_set},
    )


def status_lookup(request: HttpRequest) -> HttpResponse:
    form = ReplyCodeForm(request.GET or None)
    if form.is_valid():
        code = normalise_reply_code(form.cleaned_data["code"])
        if code:
            return redirect("feedback:status", code=code)
        form.add_error("code", _("A reply code has eight letters and digits, like ABCD-EFGH."))
    return render(request, "feedback/status_lookup.html", {"form": form})


def status(request: HttpRequest, code: str) -> HttpResponse:
    """Everything that happened to the feedback, in the giver's language."""
    if over_limit(request, scope="reply_code", limit=STATUS_LOOKUPS_PER_MINUTE):
        return render(request, "feedback/too_many.html", status=429)
    feedback = feedback_by_reply_code(code.upper())
    if feedback is None:
        raise Http404
    just_sent = request.session.pop("just_sent", None) == feedback.reply_code
    return render(request, "feedback/status.html", {"feedback": feedback, "just_sent": just_sent})


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("feedback.view_inbox"):
        raise PermissionDenied
    form = InboxFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    items = inbox_for(
        request.user,
        status=filters.get("status", ""),
        theme=filters.get("theme", ""),
        sentiment=filters.get("sentiment", ""),
        urgent=True if filters.get("urgent") == "yes" else None,
        since=filters.get("since"),
        until=filters.get("until"),
    )
    page = Paginator(items, 25).get_page(request.GET.get("page"))
    return render(request, "feedback/inbox.html", {"form": form, "page": page})


@login_required
@require_http_methods(["GET", "POST"])
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One feedback item: read it, reply, move it along, add notes."""
    if not request.user.has_perm("feedback.view_inbox"):
        raise PermissionDenied
    feedback = access_feedback(user=request.user, pk=pk)
    contact = Contact.objects.filter(feedback=feedback).first()
    if contact is not None and request.method == "GET":
        record_access(actor=request.user, obj=contact, path=request.path)
    action = request.POST.get("action")
    reply_form = ReplyForm(request.POST if action == "reply" else None)
    move_form = MoveForm(request.POST if action == "move" else None)
    note_form = NoteForm(request.POST if action == "note" else None)
    try:
        if action == "reply" and reply_form.is_valid():
            reply_to_feedback(feedback=feedback, by=request.user, **reply_form.cleaned_data)
            messages.success(request, _("Reply saved. The giver sees it by the reply code."))
            return redirect(feedback)
        if action == "move" and move_form.is_valid():
            move_feedback(feedback=feedback, by=request.user, **move_form.cleaned_data)
            messages.success(request, _("Status changed."))
            return redirect(feedback)
        if action == "note" and note_form.is_valid():
            add_note(feedback=feedback, by=request.user, **note_form.cleaned_data)
            messages.success(request, _("Note saved."))
            return redirect(feedback)
    except IntakeError as error:
        form = {"reply": reply_form, "move": move_form}.get(action or "", note_form)
        for field, problems in error.errors.items():
            for problem in problems:
                form.add_error(field if field in form.fields else None, problem)
    return render(
        request,
        "feedback/detail.html",
        {
            "feedback": feedback,
            "contact": contact,
            "reply_form": reply_form,
            "move_form": move_form,
            "note_form": note_form,
        },
    )
