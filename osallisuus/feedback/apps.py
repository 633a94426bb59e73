from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "osallisuus.feedback"
    verbose_name = _("Feedback")

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from . import (
            permissions,  # noqa: F401  (registers the permission rules)
            question_cache,  # noqa: F401  (question set changes reset every cache)
        )
        from .models import Feedback
        from .refinement import schedule_refinement

        post_save.connect(schedule_refinement, sender=Feedback, dispatch_uid="feedback-refine")
