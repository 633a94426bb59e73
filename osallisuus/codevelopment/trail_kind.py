"""Co-development's inputs on the trail (trail/kinds.py): workshop board notes, and a project's
outcome (its trial results and decision proposal) as one input per project. A group's input is
told back to the group: every member with an address gets an e-mail."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from osallisuus.analysis.personal_data import find_personal_data, redact
from osallisuus.trail.kinds import InputItem, InputQuery, within_days
from osallisuus.trail.text_search import matching_words

from .models import Note, Project, Stage
from .selectors import (
    notes_by_pk,
    notes_given_at,
    notes_visible_to,
    outcomes_given_at,
    project_outcomes_visible_to,
    projects_with_outcomes,
    proposals_awaiting,
)
from .services import tell_group

if TYPE_CHECKING:
    from osallisuus.accounts.types import User

EXCERPT_CHARS = 300
# A project in these stages has been handled: its change is in practice.
HANDLED_STAGES = (Stage.ROOTING, Stage.CONTINUOUS)


def _searched_projects(query: InputQuery) -> QuerySet[Project] | None:
    """The projects a search narrows to by unit, service and status; None: no narrowing.
    Co-development inputs have no themes, so a theme narrows them to nothing."""
    projects = Project.objects.all()
    if query.theme:
        return projects.none()
    narrowed = False
    if query.unit_id:
        projects, narrowed = projects.filter(units=query.unit_id), True
    if query.service_id:
        projects = projects.filter(
            Q(service_id=query.service_id) | Q(units__service_id=query.service_id)
        )
        narrowed = True
    if query.status == "open":
        projects, narrowed = projects.exclude(stage__in=HANDLED_STAGES), True
    elif query.status == "handled":
        projects, narrowed = projects.filter(stage__in=HANDLED_STAGES), True
    return projects if narrowed else None


def _excerpt(text: str) -> str:
    """The text with personal data replaced by placeholders, shortened for a list."""
    text = redact(text, find_personal_data(text))
    return text[:EXCERPT_CHARS] + ("…" if len(text) > EXCERPT_CHARS else "")


def _unit_id(project: Project) -> int | None:
    units = list(project.units.all())
    return units[0].pk if len(units) == 1 else None


def _note_item(note: Note) -> InputItem:
    project = note.workshop.project
    return InputItem(
        kind=WorkshopNoteKind.name,
        pk=note.pk,
        excerpt=_excerpt(note.text),
        date=timezone.localdate(note.created_at),
        language="fi",
        unit_id=_unit_id(project),
        service_id=project.service_id,
        url=reverse("codevelopment:board", kwargs={"pk": note.workshop_id}),
        has_giver=True,
    )


class WorkshopNoteKind:
    name = "workshop_note"

    def label(self) -> str:
        return _("workshop note")

    def visible_ids(self, user: User) -> Any:
        return notes_visible_to(user).values_list("pk", flat=True)

    def items(self, pks: Iterable[int], user: User) -> list[InputItem]:
        found = notes_visible_to(user).filter(pk__in=list(pks))
        found = found.select_related("workshop__project").prefetch_related(
            "workshop__project__units"
        )
        return [_note_item(note) for note in found.order_by("-created_at", "pk")]

    def summaries(self, pks: Iterable[int]) -> list[InputItem]:
        found = notes_by_pk(list(pks)).prefetch_related("workshop__project__units")
        return [_note_item(note) for note in found.order_by("-created_at", "pk")]

    def search_ids(self, user: User, query: InputQuery) -> Any:
        """Notes of the projects the user may see (a board they may open), matched on the note's
        words; boards are small, so no index."""
        found = matching_words(notes_visible_to(user), query.words, "text")
        projects = _searched_projects(query)
        if projects is not None:
            found = found.filter(workshop__project__in=projects.values("pk"))
        found = within_days(found, "created_at", query.since, query.until)
        return found.order_by("-created_at", "-pk").values_list("pk", "created_at")

    def received_ids(self, units: Any, start: date, end: date) -> Any:
        return notes_given_at(units=units, start=start, end=end).values_list("pk", flat=True)

    def tell_giver(self, pk: int, texts: dict[str, str]) -> bool:
        note = notes_by_pk([pk]).first()
        if note is None:
            return False
        url = reverse("codevelopment:board", kwargs={"pk": note.workshop_id})
        return tell_group(project=note.workshop.project, texts=texts, url=url)


def _outcome_item(project: Project) -> InputItem:
    text = "\n\n".join(part for part in (project.trial_results, project.proposal) if part)
    return InputItem(
        kind=ProjectOutcomeKind.name,
        pk=project.pk,
        excerpt=_excerpt(f"{project.title}: {text}"),
        date=timezone.localdate(project.proposal_sent_at or project.created_at),
        language="fi",
        unit_id=_unit_id(project),
        service_id=project.service_id,
        url=reverse("codevelopment:outcomes", kwargs={"pk": project.pk}),
        has_giver=True,
    )


class ProjectOutcomeKind:
    name = "project_outcome"

    def label(self) -> str:
        return _("co-development outcome")

    def visible_ids(self, user: User) -> Any:
        return project_outcomes_visible_to(user).values_list("pk", flat=True)

    def items(self, pks: Iterable[int], user: User) -> list[InputItem]:
        found = project_outcomes_visible_to(user).filter(pk__in=list(pks))
        return [_outcome_item(p) for p in found.prefetch_related("units").order_by("-created_at")]

    def summaries(self, pks: Iterable[int]) -> list[InputItem]:
        found = projects_with_outcomes().filter(pk__in=list(pks)).prefetch_related("units")
        return [_outcome_item(p) for p in found.order_by("-created_at")]

    def awaiting_decision(
        self, *, decider_ids: list[int], service_ids: list[int] | None
    ) -> list[InputItem]:
        """Proposals sent to one of the deciders and waiting for them (a body's briefing)."""
        found = proposals_awaiting(decider_ids=decider_ids, service_ids=service_ids)
        return [_outcome_item(p) for p in found.prefetch_related("units")]

    def search_ids(self, user: User, query: InputQuery) -> Any:
        """Outcomes of the projects the user may see, matched on the title, the trial results
        and the decision proposal."""
        found = matching_words(
            project_outcomes_visible_to(user), query.words, "title", "trial_results", "proposal"
        )
        projects = _searched_projects(query)
        if projects is not None:
            found = found.filter(pk__in=projects.values("pk"))
        found = found.annotate(at=Coalesce("proposal_sent_at", "created_at"))
        found = within_days(found, "at", query.since, query.until)
        return found.order_by("-at", "-pk").values_list("pk", "at")

    def received_ids(self, units: Any, start: date, end: date) -> Any:
        return outcomes_given_at(units=units, start=start, end=end).values_list("pk", flat=True)

    def tell_giver(self, pk: int, texts: dict[str, str]) -> bool:
        project = projects_with_outcomes().filter(pk=pk).first()
        if project is None:
            return False
        url = reverse("codevelopment:outcomes", kwargs={"pk": project.pk})
        return tell_group(project=project, texts=texts, url=url)


WORKSHOP_NOTE_KIND = WorkshopNoteKind()
PROJECT_OUTCOME_KIND = ProjectOutcomeKind()
