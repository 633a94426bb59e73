"""`python manage.py deliver_outbox`: deliver every outgoing message that is due now."""

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from osallisuus.notifications.tasks import deliver_message, deliverable


class Command(BaseCommand):
    help = (
        "Deliver queued messages whose next attempt is due and messages whose delivery died "
        "mid-send (run every few minutes; retries are normally scheduled by the worker)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        ids = list(deliverable(timezone.now()).order_by("pk").values_list("pk", flat=True))
        results = [deliver_message.call(message_id) for message_id in ids]
        self.stdout.write(f"{results.count('sent')} of {len(ids)} due messages sent.")
