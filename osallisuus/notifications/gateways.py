"""Delivery adapters: Django's e-mail backend, and an HTTP SMS gateway taking JSON by POST."""

from __future__ import annotations

import json
import urllib.request
from http import HTTPStatus

from django.conf import settings
from django.core.mail import EmailMessage

from .models import OutboxMessage


class NotConfiguredError(Exception):
    """The channel has no gateway in this installation."""


def deliver_email(message: OutboxMessage) -> None:
    email = EmailMessage(subject=message.subject, body=message.body, to=[message.recipient])
    for attachment in message.attachments:
        email.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
    email.send(fail_silently=False)


def deliver_sms(message: OutboxMessage) -> None:
    if not settings.SMS_GATEWAY_URL:
        raise NotConfiguredError
    request = urllib.request.Request(  # noqa: S310 (the URL is the operator's own setting)
        settings.SMS_GATEWAY_URL,
        data=json.dumps({"to": message.recipient, "text": message.body}).encode(),
        headers={
            "Content-Type": "application/json",
            "Authorization": f"Bearer {settings.SMS_GATEWAY_TOKEN}",
        },
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=15) as response:  # noqa: S310  the URL is the configured https gateway
        if response.status >= HTTPStatus.MULTIPLE_CHOICES:  # not a 2xx success
            raise OSError(f"SMS gateway answered {response.status}")


DELIVERERS = {OutboxMessage.Channel.EMAIL: deliver_email, OutboxMessage.Channel.SMS: deliver_sms}
