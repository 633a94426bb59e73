"""Writes of reply templates."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from osallisuus.authorization import require

from ..models import ReplyTemplate


@transaction.atomic
def save_reply_template(*, template: ReplyTemplate, by: Any) -> ReplyTemplate:
    """Store a new or changed template. Its unit and service were checked against what `by` may
    write for (forms.ReplyTemplateForm); a changed one was fetched from what they may edit."""
    require(by, "feedback.manage_reply_templates")
    template.save()
    return template
