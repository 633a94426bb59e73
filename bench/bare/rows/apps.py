from django.apps import AppConfig


class RowsConfig(AppConfig):
    name = "bench.bare.rows"
    label = "bare_rows"
    default_auto_field = "django.db.models.BigAutoField"
