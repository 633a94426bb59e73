# The inbox filtered by one theme, in its own order, on PostgreSQL.
#
# A theme holds a few per cent of all items. The GIN index on themes (0005) finds them all, and
# then all of them are sorted for the first page: seconds at 10 M items. Walking the general
# inbox index (feedback_inbox_all) instead reads every other theme's items as well. One partial
# index per theme, in the inbox order (the same expression as feedback_inbox_all), gives the
# first page by reading about one page of that theme's items. A theme added to the taxonomy
# later needs its index in a new migration; until then its filter falls back to the GIN index.

from django.db import migrations

THEMES = (
    "access_waiting",
    "booking_digital",
    "staff_attitude",
    "care_quality",
    "information",
    "continuity_coordination",
    "facilities_accessibility",
    "safety",
    "costs_billing",
    "language_interpretation",
    "participation_influence",
    "outcome_help",
)
INBOX_ORDER = (
    "(CASE WHEN (status IN ('received', 'in_progress') AND urgent) THEN 0 ELSE 1 END), "
    "received_at DESC, id DESC"
)


def add_theme_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for theme in THEMES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS feedback_inbox_theme_{theme} ON feedback_feedback "
            f"({INBOX_ORDER}) WHERE NOT suspected_mashing AND themes @> '[\"{theme}\"]'::jsonb"
        )


def drop_theme_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for theme in THEMES:
        schema_editor.execute(f"DROP INDEX IF EXISTS feedback_inbox_theme_{theme}")


class Migration(migrations.Migration):
    dependencies = [("feedback", "0005_inbox_indexes")]

    operations = [migrations.RunPython(add_theme_indexes, drop_theme_indexes)]
