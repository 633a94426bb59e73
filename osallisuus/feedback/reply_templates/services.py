"""Writes of reply templates."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction

from osallisuus.authorization import require

from ..models import ReplyTemplate

if TYPE_CHECKING:
    from osallisuus.accounts.types import User


@transaction.atomic
def save_reply_template(*, template: ReplyTemplate, by: User) -> ReplyTemplate:
    """Store a new or changed template. Its unit and service were checked against what `by` may
    write for (forms.ReplyTemplateForm); a changed one was fetched from what they may edit."""
    require(by, "feedback.manage_reply_templates")
    template.save()
    return template
