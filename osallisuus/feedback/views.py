"""Pages for givers (form, status by reply code) and for staff (inbox, handling)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from osallisuus.analysis.corrections import gold_lines, latest_corrections
from osallisuus.authorization import permission_required
from osallisuus.complaints.selectors import flag_of, flags_among
from osallisuus.errors import DomainError, add_to_form
from osallisuus.organisation.selectors import answer_promise
from osallisuus.query_params import page_param
from osallisuus.rate_limits import over_limit
from osallisuus.spreadsheets import CSV_CONTENT_TYPE, CsvWriter, download

from .forms import (
    AssignForm,
    EraseForm,
    GroupMoveForm,
    InboxFilterForm,
    LabelForm,
    MoveForm,
    NoteForm,
    ReplyCodeForm,
    ReplyForm,
    theme_label_choices,
)
from .models import Feedback, Sentiment, Status
from .reply_codes import normalise_reply_code
from .reply_templates.selectors import reply_templates_for
from .retention import erase_at_givers_request, giver_data
from .selectors import (
    GROUPING_LIMIT,
    InboxFilters,
    InboxPaginator,
    access_feedback,
    assignment_candidates,
    contact_of,
    feedback_by_reply_code,
    feedback_groups,
    feedback_in_scope,
    inbox_counts,
    inbox_filter_choices,
    inbox_for,
    label_corrections_visible_to,
)
from .services import (
    add_note,
    assign_feedback,
    correct_labels,
    move_feedback,
    move_group,
    next_steps,
    praise_closing_text,
    reply_and_move,
    steps_with_reply,
)

if TYPE_CHECKING:
    from osallisuus.accounts.types import SignedInRequest

STATUS_LOOKUPS_PER_MINUTE = 30
INBOX_PAGE_SIZE = 25


# How a reply code looks, told with every refusal of one (translated where it is used).
CODE_SHAPE = gettext_noop("A reply code has eight letters and digits, like ABCD-EFGH.")


def status_lookup(request: HttpRequest) -> HttpResponse:
    form = ReplyCodeForm(request.GET or None)
    if form.is_valid():
        code = normalise_reply_code(form.cleaned_data["code"])
        if code:
            return redirect("feedback:status", code=code)
        form.add_error("code", _(CODE_SHAPE))
    return render(request, "feedback/status_lookup.html", {"form": form})


def status(request: HttpRequest, code: str) -> HttpResponse:
    """Everything that happened to the feedback, in the giver's language."""
    if over_limit(request, scope="reply_code", limit=STATUS_LOOKUPS_PER_MINUTE):
        return render(request, "feedback/too_many.html", status=429)
    feedback = feedback_by_reply_code(code.upper())
    if feedback is None:
        # A mistyped code: the form again with a hint, not an error page (still a 404 status).
        form = ReplyCodeForm({"code": code})
        form.is_valid()
        form.add_error("code", f"{_('We found no feedback with this code.')} {_(CODE_SHAPE)}")
        return render(request, "feedback/status_lookup.html", {"form": form}, status=404)
    just_sent = request.session.pop("just_sent", None) == feedback.reply_code
    promise = answer_promise(service_id=feedback.unit.service_id)
    return render(
        request,
        "feedback/status.html",
        {"feedback": feedback, "just_sent": just_sent, "promise": promise},
    )


def _givers_feedback(request: HttpRequest, code: str) -> Feedback | HttpResponse:
    if over_limit(request, scope="reply_code", limit=STATUS_LOOKUPS_PER_MINUTE):
        return render(request, "feedback/too_many.html", status=429)
    feedback = feedback_by_reply_code(code.upper())
    if feedback is None:
        raise Http404
    return feedback


def status_data(request: HttpRequest, code: str) -> HttpResponse:
    """The giver downloads everything stored about their feedback, by its reply code."""
    feedback = _givers_feedback(request, code)
    if isinstance(feedback, HttpResponse):
        return feedback
    response = JsonResponse(giver_data(feedback), json_dumps_params={"ensure_ascii": False})
    response["Content-Disposition"] = f'attachment; filename="palaute-{feedback.reply_code}.json"'
    return response


@require_http_methods(["GET", "POST"])
def status_erase(request: HttpRequest, code: str) -> HttpResponse:
    """The giver erases their contact details, words and published story; figures stay."""
    feedback = _givers_feedback(request, code)
    if isinstance(feedback, HttpResponse):
        return feedback
    form = EraseForm(request.POST or None)
    if form.is_valid():
        erase_at_givers_request(feedback)
        messages.success(request, _("Your contact details and your words have been erased."))
        return redirect("feedback:status", code=feedback.reply_code)
    return render(request, "feedback/erase.html", {"feedback": feedback, "form": form})


def _inbox_filters(request: HttpRequest) -> tuple[InboxFilterForm, InboxFilters, str]:
    """The filter form from the query string, the filters it gives, and the query to keep."""
    units, services = inbox_filter_choices(request.user)
    form = InboxFilterForm(request.GET or None, units=units, services=services)
    query = request.GET.copy()
    query.pop("page", None)
    return form, InboxFilters(**form.filters()), query.urlencode()


def _theme_labels(feedback: Feedback, labels: dict[str, str]) -> list[str]:
    """The item's themes by name, those the analysis is unsure of tagged "uncertain"."""
    unsure = set(feedback.uncertain_themes or ())
    return [
        _("%(theme)s (uncertain)") % {"theme": labels.get(theme, theme)}
        if theme in unsure
        else labels.get(theme, theme)
        for theme in feedback.themes or ()
    ]


def _with_theme_labels(items: Iterable[Feedback]) -> None:
    labels = dict(theme_label_choices())
    for item in items:
        item.theme_labels = _theme_labels(item, labels)  # type: ignore[attr-defined]


@permission_required("feedback.view_inbox")
def inbox(request: SignedInRequest) -> HttpResponse:
    """The morning view of a unit manager: filtered, counted, urgent and overdue first."""
    form, filters, query = _inbox_filters(request)
    items = inbox_for(request.user, filters)
    counts = inbox_counts(items)
    number = page_param(request.GET)
    page = InboxPaginator(items, INBOX_PAGE_SIZE, page=number, counted=counts).get_page(number)
    _with_theme_labels(page)
    # Items that read like a complaint and wait for their handler's choice (#18).
    flagged = set(flags_among(item.pk for item in page))
    return render(
        request,
        "feedback/inbox.html",
        {"form": form, "page": page, "counts": counts, "query": query, "flagged": flagged},
    )


@permission_required("feedback.view_inbox")
@require_http_methods(["GET", "POST"])
def inbox_groups(request: SignedInRequest) -> HttpResponse:
    """The filtered comments grouped by issue; a whole group can take one handling step."""
    form, filters, query = _inbox_filters(request)
    items = inbox_for(request.user, filters)
    group_form = GroupMoveForm(request.POST or None)
    if group_form.is_valid():
        members = feedback_in_scope(request.user, group_form.cleaned_data["members"])
        try:
            moved, skipped = move_group(
                items=members,
                by=request.user,
                status=group_form.cleaned_data["status"],
                public_text=group_form.cleaned_data["public_text"],
            )
        except DomainError as error:
            add_to_form(group_form, error)
        else:
            messages.success(
                request,
                _(
                    "Status changed for %(moved)s feedback items; "
                    "%(skipped)s could not take this step."
                )
                % {"moved": len(moved), "skipped": len(skipped)},
            )
            return redirect(f"{reverse('feedback:inbox_groups')}?{query}")
    groups, not_grouped = feedback_groups(items)
    for group in groups:
        _with_theme_labels(group.members)
    return render(
        request,
        "feedback/inbox_groups.html",
        {
            "form": form,
            "groups": groups,
            "not_grouped": not_grouped,
            "query": query,
            "group_form": group_form,
            "posted_members": request.POST.getlist("members"),
            "status_choices": GroupMoveForm.base_fields["status"].choices,  # type: ignore[attr-defined]
            "grouping_limit": GROUPING_LIMIT,
        },
    )


@permission_required("feedback.view_inbox")
@require_GET
def detail(request: SignedInRequest, pk: int) -> HttpResponse:
    """One feedback item: read it; each handling step below posts to a view of its own."""
    feedback = access_feedback(user=request.user, pk=pk, path=request.path)
    return _detail_page(request, feedback)


def _detail_page(request: HttpRequest, feedback: Feedback, **bound: forms.Form) -> HttpResponse:
    """The detail page with every handling form; `bound` holds the one just posted."""
    templates = list(reply_templates_for(feedback))
    candidates = assignment_candidates(feedback.unit)
    page_forms: dict[str, forms.Form] = {
        "reply_form": _reply_form(feedback, templates),
        "move_form": MoveForm(steps=next_steps(feedback.status), auto_id="move-%s"),
        "note_form": NoteForm(auto_id="note-%s"),
        "assign_form": AssignForm(
            candidates=candidates,
            initial={"assigned_to": feedback.assigned_to_id},
            auto_id="assign-%s",
        ),
        "label_form": LabelForm(
            initial={
                "themes": feedback.themes,
                "sentiment": feedback.sentiment,
                "urgent": feedback.urgent,
            },
            auto_id="labels-%s",
        ),
        **bound,
    }
    return render(
        request,
        "feedback/detail.html",
        {
            "feedback": feedback,
            # The step that failed: its errors are summarised at the top of the page, with links
            # to the fields, as well as beside each field (GOV.UK error summary).
            "failed_form": next((form for form in bound.values() if form.errors), None),
            "contact": contact_of(feedback),
            "complaint_flag": flag_of(feedback.pk),
            **page_forms,
            # Coordinators and administrators handle every unit but are not its handlers.
            "may_take_it": candidates.filter(pk=request.user.pk).exists(),
            "template_texts": {str(t.pk): t.text(feedback.language) for t in templates},
            "theme_labels": _theme_labels(feedback, dict(theme_label_choices())),
            "response_days": settings.FEEDBACK_RESPONSE_DAYS,
            # Praise closes with one click and a ready reason (#15 item 4).
            "praise_text": praise_closing_text(feedback.language)
            if feedback.sentiment == Sentiment.POSITIVE
            and Status.CLOSED in next_steps(feedback.status)
            else "",
        },
    )


def _refused(request: HttpRequest, form: forms.Form | None, error: DomainError) -> None:
    """A service's refusal beside the form's field; a one-button step (no form) as a message."""
    if form is not None:
        add_to_form(form, error)
        return
    for problem in error.messages:
        messages.error(request, problem)


def _handling_step(
    request: HttpRequest,
    feedback: Feedback,
    *,
    form_name: str,
    form: forms.Form,
    write: Callable[[dict[str, Any]], object],
    done: str,
) -> HttpResponse:
    """Run one step from its posted form: back to the page (PRG), or the page with the errors."""
    if form.is_valid():
        try:
            write(form.cleaned_data)
        except DomainError as error:
            _refused(request, form, error)
        else:
            messages.success(request, done)
            return redirect(feedback)
    return _detail_page(request, feedback, **{form_name: form})


def _reply_form(feedback: Feedback, templates: list[Any], *args: Any, **kwargs: Any) -> ReplyForm:
    """The reply form, its status step offering what may follow a reply."""
    return ReplyForm(
        *args,
        templates=templates,
        steps=steps_with_reply(feedback.status),
        auto_id="reply-%s",
        **kwargs,
    )


@permission_required("feedback.view_inbox")
@require_POST
def reply(request: SignedInRequest, pk: int) -> HttpResponse:
    """Reply to the giver, who reads it by the reply code, and record the step it goes with
    if one is chosen: one POST, one transaction (a refused step stores no reply either)."""
    feedback = access_feedback(user=request.user, pk=pk, path=request.path)
    templates = list(reply_templates_for(feedback))
    return _handling_step(
        request,
        feedback,
        form_name="reply_form",
        form=_reply_form(feedback, templates, request.POST),
        write=lambda data: reply_and_move(
            feedback=feedback,
            by=request.user,
            text=data["text"],
            status=data["status"],
            public_text=data["public_text"],
        ),
        done=_("Reply saved. The giver sees it by the reply code."),
    )


@permission_required("feedback.view_inbox")
@require_POST
def use_template(request: SignedInRequest, pk: int) -> HttpResponse:
    """Without JavaScript: fill the reply with the chosen template, in the giver's language."""
    feedback = access_feedback(user=request.user, pk=pk, path=request.path)
    templates = list(reply_templates_for(feedback))
    chosen = {str(t.pk): t for t in templates}.get(request.POST.get("template", ""))
    if chosen is None:
        form = _reply_form(feedback, templates, request.POST)
        form.is_valid()
        form.errors.clear()
        form.add_error("template" if templates else None, _("Choose a template first."))
    else:
        form = _reply_form(
            feedback,
            templates,
            initial={
                "template": str(chosen.pk),
                "text": chosen.text(feedback.language),
                # What was chosen for the step stays chosen.
                "status": request.POST.get("status", ""),
                "public_text": request.POST.get("public_text", ""),
            },
        )
    return _detail_page(request, feedback, reply_form=form)


@permission_required("feedback.view_inbox")
@require_POST
def move(request: SignedInRequest, pk: int) -> HttpResponse:
    """Move the item to its next status, with the text the giver reads about the step."""
    feedback = access_feedback(user=request.user, pk=pk, path=request.path)
    return _handling_step(
        request,
        feedback,
        form_name="move_form",
        form=MoveForm(request.POST, steps=next_steps(feedback.status), auto_id="move-%s"),
        write=lambda data: move_feedback(feedback=feedback, by=request.user, **data),
        done=_("Status changed."),
    )


@permission_required("feedback.view_inbox")
@require_POST
def note(request: SignedInRequest, pk: int) -> HttpResponse:
    """An internal note, never shown to the giver."""
    feedback = access_feedback(user=request.user, pk=pk, path=request.path)
    return _handling_step(
        request,
        feedback,
        form_name="note_form",
        form=NoteForm(request.POST, auto_id="note-%s"),
        write=lambda data: add_note(feedback=feedback, by=request.user, **data),
        done=_("Note saved."),
    )


@permission_required("feedback.view_inbox")
@require_POST
def assign(request: SignedInRequest, pk: int) -> HttpResponse:
    """Choose the handler: a person whose scope covers the unit, or nobody."""
    feedback = access_feedback(user=request.user, pk=pk, path=request.path)
    candidates = assignment_candidates(feedback.unit)
    return _handling_step(
        request,
        feedback,
        form_name="assign_form",
        form=AssignForm(request.POST, candidates=candidates, auto_id="assign-%s"),
        write=lambda data: assign_feedback(
            feedback=feedback, to=data["assigned_to"], by=request.user
        ),
        done=_("Handler changed."),
    )


@permission_required("feedback.view_inbox")
@require_POST
def assign_me(request: SignedInRequest, pk: int) -> HttpResponse:
    """Take the item: a single button, so a refusal is shown as a message."""
    feedback = access_feedback(user=request.user, pk=pk, path=request.path)
    try:
        assign_feedback(feedback=feedback, to=request.user, by=request.user)
    except DomainError as error:
        _refused(request, None, error)
        return _detail_page(request, feedback)
    messages.success(request, _("The feedback is now yours to handle."))
    return redirect(feedback)


@permission_required("feedback.view_inbox")
@require_POST
def labels(request: SignedInRequest, pk: int) -> HttpResponse:
    """Correct the text analysis labels; the correction is kept as evaluation data."""
    feedback = access_feedback(user=request.user, pk=pk, path=request.path)
    return _handling_step(
        request,
        feedback,
        form_name="label_form",
        form=LabelForm(request.POST, auto_id="labels-%s"),
        write=lambda data: correct_labels(feedback=feedback, by=request.user, **data),
        done=_("Labels corrected. The correction is kept as evaluation data."),
    )


@permission_required("feedback.export_label_corrections")
def label_corrections_csv(request: SignedInRequest) -> HttpResponse:
    """Label corrections as evaluation data (gold format, redacted text): coordinators only."""
    response = download(filename="label-corrections.csv", content_type=CSV_CONTENT_TYPE)
    writer = CsvWriter(response)
    writer.writerow(["id", "text", "lang", "themes", "sentiment", "urgent"])
    for line in gold_lines(latest_corrections(label_corrections_visible_to(request.user))):
        writer.writerow(
            [
                line["id"],
                line["text"],
                line["lang"],
                ";".join(line["themes"]),
                line["sentiment"],
                "true" if line["urgent"] else "false",
            ]
        )
    return response
