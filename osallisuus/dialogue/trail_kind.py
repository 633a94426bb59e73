"""A professional's question to a client panel, and the panel's own initiative to a service, as
input kinds of the trail (trail/kinds.py)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from django.utils import timezone
from django.utils.translation import gettext as _

from osallisuus.trail.kinds import InputItem, InputQuery, within_days
from osallisuus.trail.text_search import matching_words

from .models import Initiative, InitiativeStatus, Question, QuestionStatus
from .services import INITIATIVE_KIND, QUESTION_KIND

if TYPE_CHECKING:
    from osallisuus.accounts.types import User

EXCERPT_CHARS = 300


def _item(question: Question) -> InputItem:
    text = f"{question.title}: {question.answer}" if question.answer else question.title
    return InputItem(
        kind=QUESTION_KIND,
        pk=question.pk,
        excerpt=text[:EXCERPT_CHARS] + ("…" if len(text) > EXCERPT_CHARS else ""),
        date=timezone.localdate(question.asked_at),
        language=question.language,
        unit_id=question.unit_id,
        service_id=question.unit.service_id,
        url=question.get_absolute_url(),
        has_giver=True,  # the asker, and through the answer the panel
    )


def _visible(user: User) -> Any:
    from .selectors import questions_visible_to

    return questions_visible_to(user)


class PanelQuestionKind:
    name = QUESTION_KIND

    def label(self) -> str:
        return _("question to a panel")

    def visible_ids(self, user: User) -> Any:
        return _visible(user).values_list("pk", flat=True)

    def items(self, pks: Iterable[int], user: User) -> list[InputItem]:
        found = _visible(user).filter(pk__in=list(pks)).select_related("unit")
        return [_item(question) for question in found.order_by("-asked_at", "pk")]

    def summaries(self, pks: Iterable[int]) -> list[InputItem]:
        found = Question.objects.filter(pk__in=list(pks)).select_related("unit")
        return [_item(question) for question in found.order_by("-asked_at", "pk")]

    def search_ids(self, user: User, query: InputQuery) -> Any:
        """Questions the user may see, matched on the question, its background and the panel's
        answer (written for the asker, with no member's name)."""
        found = matching_words(_visible(user), query.words, "title", "background", "answer")
        if query.unit_id:
            found = found.filter(unit_id=query.unit_id)
        if query.service_id:
            found = found.filter(unit__service_id=query.service_id)
        if query.theme:  # questions carry a topic, not the feedback themes
            return found.none().values_list("pk", "asked_at")
        found = within_days(found, "asked_at", query.since, query.until)
        if query.status == "open":
            found = found.exclude(status=QuestionStatus.CLOSED)
        elif query.status == "handled":
            found = found.filter(status=QuestionStatus.CLOSED)
        return found.order_by("-asked_at", "-pk").values_list("pk", "asked_at")

    def received_ids(self, units: Any, start: date, end: date) -> Any:
        from .selectors import questions_asked_at

        return questions_asked_at(units=units, start=start, end=end).values_list("pk", flat=True)

    def tell_giver(self, pk: int, texts: dict[str, str]) -> bool:
        """E-mail the asker a step on the trail, in their language (their one message a day)."""
        from osallisuus.notifications.services import send_batched

        question = Question.objects.filter(pk=pk).select_related("asked_by").first()
        if question is None or not question.asked_by.email:
            return False
        language = question.asked_by.preferred_language or "fi"
        text = texts.get(language) or texts.get("fi") or next(iter(texts.values()), "")
        if not text:
            return False
        send_batched(
            channel="email",
            to=question.asked_by.email,
            subject=question.title,
            part=text,
            daily=question.asked_by.notify_daily,
        )
        return True


PANEL_QUESTION_KIND = PanelQuestionKind()


# --- The panel's own initiatives to a service ---------------------------------------------------


def _initiative_item(initiative: Initiative) -> InputItem:
    text = initiative.title
    if initiative.answer:
        text = f"{text}: {initiative.answer}"
    return InputItem(
        kind=INITIATIVE_KIND,
        pk=initiative.pk,
        excerpt=text[:EXCERPT_CHARS] + ("…" if len(text) > EXCERPT_CHARS else ""),
        date=timezone.localdate(initiative.raised_at),
        language=initiative.language,
        unit_id=None,  # raised to a whole service
        service_id=initiative.service_id,
        url=initiative.get_absolute_url(),
        has_giver=True,  # the panel
        extra={"answer_wanted_by": initiative.answer_wanted_by.isoformat()},
    )


def _visible_initiatives(user: User) -> Any:
    from .selectors import initiatives_visible_to

    return initiatives_visible_to(user)


class PanelInitiativeKind:
    """The development needs a panel raises to a service; the panel is told of the answer and
    of every later step on the trail."""

    name = INITIATIVE_KIND

    def label(self) -> str:
        return _("panel's initiative")

    def visible_ids(self, user: User) -> Any:
        return _visible_initiatives(user).values_list("pk", flat=True)

    def items(self, pks: Iterable[int], user: User) -> list[InputItem]:
        found = _visible_initiatives(user).filter(pk__in=list(pks))
        return [_initiative_item(i) for i in found.order_by("-raised_at", "pk")]

    def summaries(self, pks: Iterable[int]) -> list[InputItem]:
        found = Initiative.objects.filter(pk__in=list(pks))
        return [_initiative_item(i) for i in found.order_by("-raised_at", "pk")]

    def search_ids(self, user: User, query: InputQuery) -> Any:
        """Initiatives the user may see, matched on the need, its background and the answer."""
        found = matching_words(
            _visible_initiatives(user), query.words, "title", "background", "answer"
        )
        if query.unit_id:
            found = found.filter(service__units__pk=query.unit_id)
        if query.service_id:
            found = found.filter(service_id=query.service_id)
        if query.theme:  # initiatives carry no feedback themes
            return found.none().values_list("pk", "raised_at")
        found = within_days(found, "raised_at", query.since, query.until)
        if query.status == "open":
            found = found.exclude(status=InitiativeStatus.ANSWERED)
        elif query.status == "handled":
            found = found.filter(status=InitiativeStatus.ANSWERED)
        return found.order_by("-raised_at", "-pk").values_list("pk", "raised_at")

    def received_ids(self, units: Any, start: date, end: date) -> Any:
        from .selectors import initiatives_raised_at

        return initiatives_raised_at(units=units, start=start, end=end).values_list("pk", flat=True)

    def tell_giver(self, pk: int, texts: dict[str, str]) -> bool:
        """Tell the panel (its members with an e-mail address) a step on the trail."""
        from .services import tell_panel

        initiative = Initiative.objects.filter(pk=pk).select_related("group").first()
        if initiative is None:
            return False
        return tell_panel(initiative, texts=texts) > 0

    def overdue_answers(self, *, service_ids: list[int] | None, today: date) -> list[InputItem]:
        """Initiatives past their answer date, for a body's briefing (briefings/selectors.py)."""
        from .selectors import overdue_initiatives

        return [
            _initiative_item(i)
            for i in overdue_initiatives(service_ids=service_ids, today=today)[:30]
        ]


PANEL_INITIATIVE_KIND = PanelInitiativeKind()
