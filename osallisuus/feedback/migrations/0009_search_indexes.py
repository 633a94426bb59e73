# The repository search (osallisuus/search) on PostgreSQL: full-text search over the text
# without personal data, through a GIN index on the very expression the search filters with
# (trail/text_search.py). The 'simple' configuration only splits and lower-cases words, so
# one index serves Finnish, Swedish and English alike; the query carries each word's
# beginnings (analysis/search_terms.py) as prefix queries ('ajanvarau':*), which the index
# answers. Built-in full-text search: no extension to create. SQLite matches without an index.

from django.db import migrations

INDEX = "feedback_search_text"


def add_search_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON feedback_feedback "
        "USING gin (to_tsvector('simple'::regconfig, redacted_text))"
    )


def drop_search_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("feedback", "0008_linked_account")]

    operations = [migrations.RunPython(add_search_index, drop_search_index)]
