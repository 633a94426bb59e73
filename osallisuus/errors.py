"""The platform's one error for a rule the user broke, and its rendering on a form.

Services refuse bad input or a step that is not allowed by raising `DomainError` (or an app's
named subclass of it: `IntakeError`, `PublicationError`, `CodevelopmentError`...) with a
translated message and, when the message belongs to one input, the name of that field. Nothing
has been stored when it is raised. It reaches the person in one of two ways, in the same words:

- a view catches `DomainError` and calls `add_to_form(form, error)`: the message appears beside
  the field (or at the top, for the whole form) and in the form's error summary;
- an API view lets it go: `osallisuus.security.api_exception_handler` answers `400` with
  `api_body(error)`, the shape DRF gives a serializer's errors (`{"field": ["message"]}`,
  `non_field_errors` for the whole request).

A refusal because of who asks is not a DomainError: that is `authorization.NotPermitted` (404).
(The pattern is Zulip's `JsonableError`: one exception type that knows how it is shown.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Self

from django.forms import BaseForm
from django.utils.functional import Promise
from rest_framework.settings import api_settings

# A message is translated when raised (gettext) or when shown (gettext_lazy).
Message = str | Promise


@dataclass(frozen=True)
class Problem:
    """One thing wrong: its message, the field it belongs to (None: the whole form), a code."""

    message: Message
    field: str | None = None
    code: str | None = None


class DomainError(Exception):
    """A rule the user broke; `field` names the input it belongs to (None: the whole form).

    Most refusals are one problem: `DomainError(_("Write the note."), field="text")`. Input
    checked as a whole may name several at once: `DomainError.of([Problem(...), ...])`.
    """

    def __init__(
        self, message: Message, *, field: str | None = None, code: str | None = None
    ) -> None:
        super().__init__(message)
        self.problems: tuple[Problem, ...] = (Problem(message, field, code),)

    @classmethod
    def of(cls, problems: Iterable[Problem]) -> Self:
        """One error for several problems, found in one pass over the input (at least one)."""
        found = tuple(problems)
        if not found:
            raise ValueError("a DomainError needs at least one problem")
        error = cls(found[0].message, field=found[0].field, code=found[0].code)
        error.problems = found
        return error

    @property
    def message(self) -> str:
        """The first problem's message, in the active language."""
        return str(self.problems[0].message)

    @property
    def field(self) -> str | None:
        return self.problems[0].field

    @property
    def code(self) -> str | None:
        return self.problems[0].code

    @property
    def messages(self) -> list[str]:
        """Every problem's message, in order."""
        return [str(problem.message) for problem in self.problems]

    def by_field(self) -> dict[str | None, list[str]]:
        """The messages grouped by field (None: the whole form), in order."""
        grouped: dict[str | None, list[str]] = {}
        for problem in self.problems:
            grouped.setdefault(problem.field, []).append(str(problem.message))
        return grouped

    def __str__(self) -> str:
        return "; ".join(self.messages)


def add_to_form(form: BaseForm, error: DomainError) -> None:
    """Show the error on the form: beside the field it names if the form has that field,
    otherwise as an error of the whole form. The error summary (form_errors.html) lists both."""
    for problem in error.problems:
        field = problem.field if problem.field in form.fields else None
        form.add_error(field, str(problem.message))


def api_body(error: DomainError) -> dict[str, list[str]]:
    """The `400` body: the messages by field, as DRF gives a serializer's validation errors."""
    return {
        field if field is not None else api_settings.NON_FIELD_ERRORS_KEY: messages
        for field, messages in error.by_field().items()
    }


def attempt(form: BaseForm, write: Callable[[], object]) -> bool:
    """Run one service call for a form; a refusal becomes the form's error. True: it was done."""
    try:
        write()
    except DomainError as error:
        add_to_form(form, error)
        return False
    return True
