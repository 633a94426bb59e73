"""Pages for publication: the moderation queue and page (moderators), the public stories page."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from osallisuus.audit.services import record_access
from osallisuus.authorization import permission_required, require
from osallisuus.errors import DomainError, add_to_form
from osallisuus.feedback.models import PublicationDecision
from osallisuus.organisation.selectors import public_service, public_unit, public_units
from osallisuus.query_params import page_param
from osallisuus.trail.public import service_outcomes, unit_outcomes

from .forms import PublishForm, QueueFilterForm, ReasonForm
from .selectors import (
    access_for_moderation,
    moderation_queue,
    proposed_redaction,
    public_min_answers,
    public_story,
    public_trail,
    publication_of,
    published_stories,
    unit_summary,
)
from .services import publish_story, reject_story, unpublish_story

STORIES_PER_PAGE = 10


@permission_required("feedback.moderate_stories")
@require_GET
def moderation_queue_view(request: HttpRequest) -> HttpResponse:
    """Consented comments in the moderator's scope that wait for a decision."""
    form = QueueFilterForm(request.GET or None)
    decision = form.cleaned_data["tila"] if form.is_valid() else ""
    page = Paginator(moderation_queue(request.user, decision=decision), 25).get_page(
        page_param(request.GET)
    )
    return render(
        request,
        "publication/moderation_queue.html",
        {"form": form, "page": page, "decision": decision},
    )


@permission_required("feedback.moderate_stories")
@require_http_methods(["GET", "POST"])
def moderate(request: HttpRequest, pk: int) -> HttpResponse:
    """The original with proposed redactions, the text to publish, and the decision."""
    feedback = access_for_moderation(user=request.user, pk=pk)
    require(request.user, "feedback.moderate_story", feedback)
    publication = publication_of(feedback)
    segments, proposal = proposed_redaction(feedback.text, language=feedback.language)
    action = request.POST.get("action", "")
    publish_form = PublishForm(
        request.POST if action == "publish" else None,
        initial={"text": feedback.redacted_text or proposal},
    )
    reject_form = ReasonForm(request.POST if action == "reject" else None, prefix="reject")
    unpublish_form = ReasonForm(request.POST if action == "unpublish" else None, prefix="down")
    try:
        if action == "publish" and publish_form.is_valid():
            publish_story(
                feedback=feedback,
                by=request.user,
                text=publish_form.cleaned_data["text"],
                confirmed=publish_form.cleaned_data["confirmed"],
            )
            messages.success(request, _("Published. The giver can see it on their status page."))
            return redirect("feedback:moderation_queue")
        if action == "reject" and reject_form.is_valid():
            reject_story(feedback=feedback, by=request.user, **reject_form.cleaned_data)
            messages.success(request, _("Decision saved: not published."))
            return redirect("feedback:moderation_queue")
        if action == "unpublish" and unpublish_form.is_valid():
            unpublish_story(feedback=feedback, by=request.user, **unpublish_form.cleaned_data)
            messages.success(request, _("The story was taken down from the public page."))
            return redirect("feedback:moderation_queue")
    except DomainError as error:
        form = {"publish": publish_form, "reject": reject_form}.get(action, unpublish_form)
        add_to_form(form, error)
    public_replies, public_outcomes = public_trail(feedback)
    # The original text is personal data: every staff view of it is logged.
    record_access(actor=request.user, obj=feedback, path=request.path)
    return render(
        request,
        "publication/moderation.html",
        {
            "feedback": feedback,
            "publication": publication,
            "segments": segments,
            "has_pii": any(s.pii_type for s in segments),
            "publish_form": publish_form,
            "reject_form": reject_form,
            "unpublish_form": unpublish_form,
            "published": publication is not None
            and publication.decision == PublicationDecision.PUBLISHED,
            "public_replies": public_replies,
            "public_outcomes": public_outcomes,
        },
    )


@require_GET
def stories(request: HttpRequest, code: str) -> HttpResponse:
    """A unit's public page: published stories, the service's answers, what changed, figures."""
    unit = public_unit(code=code)
    if unit is None:
        raise Http404
    page = Paginator(published_stories(unit), STORIES_PER_PAGE).get_page(page_param(request.GET))
    return render(
        request,
        "publication/stories.html",
        {
            "unit": unit,
            "page": page,
            "stories": [public_story(feedback) for feedback in page],
            "summary": unit_summary(unit),
            "minimum": public_min_answers(),
            "outcomes": unit_outcomes(unit),
            "plain": request.GET.get("selko") == "1",
        },
    )


@require_GET
def service_page(request: HttpRequest, pk: int) -> HttpResponse:
    """A service's public page: "you said, we did" over all its units, and links to each."""
    service = public_service(pk=pk)
    if service is None:
        raise Http404
    return render(
        request,
        "publication/service.html",
        {
            "service": service,
            "units": public_units(service_id=service.pk),
            "outcomes": service_outcomes(service),
            "plain": request.GET.get("selko") == "1",
        },
    )
