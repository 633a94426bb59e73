"""Links that leave the site (e-mails, text messages, PDFs, calendar files, QR codes) must be
absolute: one place joins the site's public address (settings.SITE_URL) and a path."""

from django.conf import settings


def absolute_url(path: str) -> str:
    return str(settings.SITE_URL).rstrip("/") + path
