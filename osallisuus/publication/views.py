"""Pages for publication: the moderation queue and page (moderators), the public stories page."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from osallisuus.audit.services import record_access
from osallisuus.authorization import permission_required, require
from osallisuus.errors import attempt
from osallisuus.feedback.models import Feedback, PublicationDecision
from osallisuus.observation.selectors import public_summary
from osallisuus.organisation.selectors import public_service, public_unit, public_units
from osallisuus.query_params import page_param
from osallisuus.reports.selectors import min_group
from osallisuus.trail.public import service_outcomes, unit_outcomes

from .forms import PublishForm, QueueFilterForm, ReasonForm
from .selectors import (
    access_for_moderation,
    moderated_units,
    moderation_queue,
    proposed_redaction,
    proposed_trail,
    public_story,
    publication_of,
    published_stories,
    unit_summary,
)
from .services import publish_story, reject_story, unpublish_story

if TYPE_CHECKING:
    from osallisuus.accounts.types import SignedInRequest

STORIES_PER_PAGE = 10


@permission_required("feedback.moderate_stories")
@require_GET
def moderation_queue_view(request: HttpRequest) -> HttpResponse:
    """Consented comments in the moderator's scope that wait for a decision."""
    form = QueueFilterForm(request.GET or None, units=moderated_units(request.user))
    filters = form.filters()
    decision = filters.get("decision", "")
    page = Paginator(moderation_queue(request.user, **filters), 25).get_page(
        page_param(request.GET)
    )
    return render(
        request,
        "publication/moderation_queue.html",
        {"form": form, "page": page, "decision": decision},
    )


def _moderation_page(
    request: SignedInRequest, feedback: Feedback, **bound: forms.BaseForm
) -> HttpResponse:
    """The moderation page with its forms; `bound` holds the one just posted."""
    publication = publication_of(feedback)
    segments, proposal = proposed_redaction(feedback.text, language=feedback.language)
    staff_texts = proposed_trail(feedback)
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
            "publish_form": PublishForm(
                initial={"text": feedback.redacted_text or proposal}, staff_texts=staff_texts
            ),
            "reject_form": ReasonForm(prefix="reject"),
            "unpublish_form": ReasonForm(prefix="down"),
            **bound,
            "published": publication is not None
            and publication.decision == PublicationDecision.PUBLISHED,
            "staff_texts": staff_texts,
        },
    )


def _moderated(request: SignedInRequest, pk: int) -> Feedback:
    """The comment to decide on, if the user may moderate it (404 otherwise)."""
    feedback = access_for_moderation(user=request.user, pk=pk)
    require(request.user, "feedback.moderate_story", feedback)
    return feedback


def _decide(
    request: SignedInRequest,
    feedback: Feedback,
    *,
    form_name: str,
    form: forms.Form,
    write: Callable[[dict[str, Any]], object],
    done: str,
) -> HttpResponse:
    """Run one decision from its posted form: back to the queue (PRG), or the page with errors."""
    if form.is_valid() and attempt(form, lambda: write(form.cleaned_data)):
        messages.success(request, done)
        return redirect("feedback:moderation_queue")
    return _moderation_page(request, feedback, **{form_name: form})


@permission_required("feedback.moderate_stories")
@require_GET
def moderate(request: SignedInRequest, pk: int) -> HttpResponse:
    """The original with proposed redactions, the text to publish, and the decision."""
    return _moderation_page(request, _moderated(request, pk))


@permission_required("feedback.moderate_stories")
@require_POST
def moderate_publish(request: SignedInRequest, pk: int) -> HttpResponse:
    """Publish the text the moderator confirmed has no personal data."""
    feedback = _moderated(request, pk)
    return _decide(
        request,
        feedback,
        form_name="publish_form",
        form=(form := PublishForm(request.POST, staff_texts=proposed_trail(feedback))),
        write=lambda data: publish_story(
            feedback=feedback,
            by=request.user,
            text=data["text"],
            confirmed=data["confirmed"],
            staff_texts=form.staff_texts(),
        ),
        done=_("Published. The giver can see it on their status page."),
    )


@permission_required("feedback.moderate_stories")
@require_POST
def moderate_reject(request: SignedInRequest, pk: int) -> HttpResponse:
    """Decide not to publish, with an internal reason."""
    feedback = _moderated(request, pk)
    return _decide(
        request,
        feedback,
        form_name="reject_form",
        form=ReasonForm(request.POST, prefix="reject"),
        write=lambda data: reject_story(feedback=feedback, by=request.user, **data),
        done=_("Decision saved: not published."),
    )


@permission_required("feedback.moderate_stories")
@require_POST
def moderate_unpublish(request: SignedInRequest, pk: int) -> HttpResponse:
    """Take a published story down from the public page."""
    feedback = _moderated(request, pk)
    return _decide(
        request,
        feedback,
        form_name="unpublish_form",
        form=ReasonForm(request.POST, prefix="down"),
        write=lambda data: unpublish_story(feedback=feedback, by=request.user, **data),
        done=_("The story was taken down from the public page."),
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
            "minimum": min_group(),
            "outcomes": unit_outcomes(unit),
            "visit_findings": public_summary(unit),
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
