from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "osallisuus.feedback"
    verbose_name = _("Feedback")

    def ready(self) -> None:
        from . import permissions  # noqa: F401  (registers the permission rules)
