"""On PostgreSQL the database itself refuses to change or delete an audit log entry.

The model refuses it in the application (osallisuus/audit/models.py); this trigger also stops raw
SQL, a stray queryset and anyone with the application's database credentials. Nothing in the
product updates or deletes entries, retention included (docs/operations.md, "Audit log").
INSERT is untouched, and so is TRUNCATE, which only the table's owner may run (the test
database is emptied with it).
"""

from django.db import migrations

FUNCTION = "audit_accesslog_append_only"


def create_trigger(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = schema_editor.quote_name(apps.get_model("audit", "AccessLog")._meta.db_table)
    # params=None: the function's "%" is PL/pgSQL's placeholder, not the driver's.
    schema_editor.execute(
        f"""
        CREATE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'The audit log is append-only: % refused.', TG_OP
                USING ERRCODE = 'insufficient_privilege';
        END;
        $$
        """,
        params=None,
    )
    schema_editor.execute(
        f"CREATE TRIGGER {FUNCTION} BEFORE UPDATE OR DELETE ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION {FUNCTION}()"
    )


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = schema_editor.quote_name(apps.get_model("audit", "AccessLog")._meta.db_table)
    schema_editor.execute(f"DROP TRIGGER IF EXISTS {FUNCTION} ON {table}")
    schema_editor.execute(f"DROP FUNCTION IF EXISTS {FUNCTION}()")


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [migrations.RunPython(create_trigger, drop_trigger, elidable=False)]
