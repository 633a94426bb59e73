"""The download of one's own data as a PDF: one headed block per part of the data."""

from __future__ import annotations

import json
from typing import Any

from django.utils.translation import gettext as _

from osallisuus.plain_pdf import plain_pdf


def own_data_pdf(data: dict[str, Any]) -> bytes:
    headings = {
        "account": _("Account"),
        "notification_settings": _("Notification settings"),
        "linked_feedback": _("Feedback I follow"),
        "expert_pool": _("Pool of experts by experience"),
        "codevelopment": _("Co-development groups and meetings"),
    }
    blocks = [
        (str(headings.get(key, key)), json.dumps(value, ensure_ascii=False, indent=1))
        for key, value in data.items()
    ]
    return plain_pdf(_("My participation: my data"), blocks)
