"""Django application config for the text analysis app."""

from __future__ import annotations

import os
import threading

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnalysisConfig(AppConfig):
    name = "osallisuus.analysis"
    label = "analysis"
    verbose_name = _("Text analysis")

    def ready(self) -> None:
        from django.core.checks import register

        from . import permissions  # noqa: F401  (registers the permission rules)
        from .morphology import voikko_check

        register(voikko_check)

        # `make run` sets this: the dev server answers at once while the dictionaries load
        # beside it. gunicorn loads them before forking instead (bench/gunicorn_conf.py).
        if os.environ.get("ANALYSIS_WARM_UP") == "background":
            from .pipeline import warm_up

            threading.Thread(target=warm_up, name="analysis-warm-up", daemon=True).start()
