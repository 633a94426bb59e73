from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "osallisuus.feedback"
    verbose_name = _("Feedback")

    def ready(self) -> None:
        from . import permissions  # noqa: F401  (registers the permission rules)
        from .intake import cache  # noqa: F401  (unit and question set changes reset every cache)
        from .refinement import refine_arrived_feedback
        from .signals import feedback_changed

        feedback_changed.connect(refine_arrived_feedback, dispatch_uid="feedback-refine")

        from osallisuus.trail.services import register_input_kind

        from .trail_kind import FEEDBACK_KIND, refresh_link_places

        register_input_kind(FEEDBACK_KIND)
        feedback_changed.connect(refresh_link_places, dispatch_uid="feedback-link-places")
