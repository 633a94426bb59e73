"""Pages for givers (form, status by reply code) and for staff (inbox, handling)."""

from __future__ import annotations

from collections.abc import Iterable

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_http_methods

from osallisuus.analysis.corrections import gold_lines, latest_corrections
from osallisuus.authorization import permission_required
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
from .models import Feedback, ReplyTemplate
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
    IntakeError,
    add_note,
    assign_feedback,
    correct_labels,
    move_feedback,
    move_group,
    next_steps,
    reply_to_feedback,
)

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


def _with_theme_labels(items: Iterable[Feedback]) -> None:
    labels = dict(theme_label_choices())
    for item in items:
        item.theme_labels = [labels.get(theme, theme) for theme in item.themes or ()]  # type: ignore[attr-defined]


@permission_required("feedback.view_inbox")
def inbox(request: HttpRequest) -> HttpResponse:
    """The morning view of a unit manager: filtered, counted, urgent and overdue first."""
    form, filters, query = _inbox_filters(request)
    items = inbox_for(request.user, filters)
    counts = inbox_counts(items)
    number = page_param(request.GET)
    page = InboxPaginator(items, INBOX_PAGE_SIZE, page=number, counted=counts).get_page(number)
    _with_theme_labels(page)
    return render(
        request,
        "feedback/inbox.html",
        {"form": form, "page": page, "counts": counts, "query": query},
    )


@permission_required("feedback.view_inbox")
@require_http_methods(["GET", "POST"])
def inbox_groups(request: HttpRequest) -> HttpResponse:
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
        except IntakeError as error:
            for field, problems in error.errors.items():
                for problem in problems:
                    group_form.add_error(field if field in group_form.fields else None, problem)
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
@require_http_methods(["GET", "POST"])
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One feedback item: read it, reply, move it along, assign, correct labels, add notes."""
    feedback = access_feedback(user=request.user, pk=pk, path=request.path)
    action = request.POST.get("action", "")
    post = request.POST if request.method == "POST" else None
    templates = list(reply_templates_for(feedback))
    reply_form = ReplyForm(
        post if action == "reply" else None, templates=templates, auto_id="reply-%s"
    )
    move_form = MoveForm(
        post if action == "move" else None, steps=next_steps(feedback.status), auto_id="move-%s"
    )
    note_form = NoteForm(post if action == "note" else None, auto_id="note-%s")
    candidates = assignment_candidates(feedback.unit)
    assign_form = AssignForm(
        post if action == "assign" else None,
        candidates=candidates,
        initial={"assigned_to": feedback.assigned_to_id},
        auto_id="assign-%s",
    )
    label_form = LabelForm(
        post if action == "labels" else None,
        initial={
            "themes": feedback.themes,
            "sentiment": feedback.sentiment,
            "urgent": feedback.urgent,
        },
        auto_id="labels-%s",
    )
    if action == "use_template":
        # Without JavaScript: fill the reply with the chosen template, in the giver's language.
        reply_form = _reply_from_template(request, feedback, templates)
    forms_by_action: dict[str, forms.Form] = {
        "reply": reply_form,
        "move": move_form,
        "note": note_form,
        "assign": assign_form,
        "assign_me": assign_form,
        "labels": label_form,
    }
    try:
        done = _handle(request, feedback, action, forms_by_action)
    except IntakeError as error:
        form = forms_by_action.get(action, note_form)
        for field, problems in error.errors.items():
            for problem in problems:
                if not form.is_bound:  # a one-button action ("assign to me") has no fields
                    messages.error(request, problem)
                    continue
                form.add_error(field if field in form.fields else None, problem)
    else:
        if done:
            messages.success(request, done)
            return redirect(feedback)
    return render(
        request,
        "feedback/detail.html",
        {
            "feedback": feedback,
            "contact": contact_of(feedback),
            "reply_form": reply_form,
            "move_form": move_form,
            "note_form": note_form,
            "assign_form": assign_form,
            # Coordinators and administrators handle every unit but are not its handlers.
            "may_take_it": candidates.filter(pk=request.user.pk).exists(),
            "label_form": label_form,
            "template_texts": {str(t.pk): t.text(feedback.language) for t in templates},
            "theme_labels": [
                label for theme, label in theme_label_choices() if theme in (feedback.themes or ())
            ],
            "response_days": settings.FEEDBACK_RESPONSE_DAYS,
        },
    )


def _reply_from_template(
    request: HttpRequest, feedback: Feedback, templates: list[ReplyTemplate]
) -> ReplyForm:
    chosen = {str(t.pk): t for t in templates}.get(request.POST.get("template", ""))
    if chosen is None:
        form = ReplyForm(request.POST, templates=templates, auto_id="reply-%s")
        form.is_valid()
        form.errors.clear()
        form.add_error("template" if templates else None, _("Choose a template first."))
        return form
    return ReplyForm(
        initial={"template": str(chosen.pk), "text": chosen.text(feedback.language)},
        templates=templates,
        auto_id="reply-%s",
    )


def _handle(
    request: HttpRequest, feedback: Feedback, action: str, forms_: dict[str, forms.Form]
) -> str:
    """Run the posted action; returns the success message, or "" when nothing was done."""
    user = request.user
    form = forms_.get(action)
    if action == "assign_me":
        assign_feedback(feedback=feedback, to=user, by=user)
        return _("The feedback is now yours to handle.")
    if form is None or not form.is_valid():
        return ""
    data = form.cleaned_data
    if action == "reply":
        reply_to_feedback(feedback=feedback, by=user, text=data["text"])
        return _("Reply saved. The giver sees it by the reply code.")
    if action == "move":
        move_feedback(feedback=feedback, by=user, **data)
        return _("Status changed.")
    if action == "note":
        add_note(feedback=feedback, by=user, **data)
        return _("Note saved.")
    if action == "assign":
        assign_feedback(feedback=feedback, to=data["assigned_to"], by=user)
        return _("Handler changed.")
    if action == "labels":
        correct_labels(feedback=feedback, by=user, **data)
        return _("Labels corrected. The correction is kept as evaluation data.")
    return ""


@permission_required("feedback.export_label_corrections")
def label_corrections_csv(request: HttpRequest) -> HttpResponse:
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
