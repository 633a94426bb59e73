"""API tokens of our own, and the staff directory's subject on each user.

The tokens of DRF's authtoken app are dropped with its table: they never expired, skipped the
two-factor step and were stored in clear. Their owners make new ones on /tili/tunnukset/. The
drop cannot be undone (reversing leaves the old table gone); everything else reverses.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def forget_authtoken(apps, schema_editor):
    """The authtoken app is no longer installed: its content types and permissions go too."""
    content_type = apps.get_model("contenttypes", "ContentType")
    content_type.objects.using(schema_editor.connection.alias).filter(
        app_label="authtoken"
    ).delete()


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0001_initial'),
        ('auth', '0012_alter_user_first_name_max_length'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.CreateModel(
            name='ApiToken',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=100, verbose_name='name')),
                ('prefix', models.CharField(max_length=8, verbose_name='beginning of the key')),
                ('key_hash', models.CharField(editable=False, max_length=64, unique=True)),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                ('expires_at', models.DateTimeField(verbose_name='expires')),
                ('last_used_at', models.DateTimeField(blank=True, null=True, verbose_name='last used')),
                ('revoked_at', models.DateTimeField(blank=True, null=True, verbose_name='revoked')),
            ],
            options={
                'verbose_name': 'API token',
                'verbose_name_plural': 'API tokens',
                'ordering': ['-created_at'],
            },
        ),
        migrations.AddField(
            model_name='user',
            name='oidc_subject',
            field=models.CharField(blank=True, default='', help_text="The staff directory's identifier (sub) for this person. The first directory sign-in sets it; an administrator may enter it to link an existing account.", max_length=255, verbose_name='directory subject'),
        ),
        migrations.AddConstraint(
            model_name='user',
            constraint=models.UniqueConstraint(condition=models.Q(('oidc_subject', ''), _negated=True), fields=('oidc_subject',), name='unique_oidc_subject'),
        ),
        migrations.AddField(
            model_name='apitoken',
            name='revoked_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='revoked by'),
        ),
        migrations.AddField(
            model_name='apitoken',
            name='user',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='api_tokens', to=settings.AUTH_USER_MODEL, verbose_name='owner'),
        ),
        migrations.AddConstraint(
            model_name='apitoken',
            constraint=models.CheckConstraint(condition=models.Q(('expires_at__gt', models.F('created_at'))), name='api_token_expires_after_creation'),
        ),
        migrations.RunSQL(
            # Present only where the authtoken app was installed before this migration.
            "DROP TABLE IF EXISTS authtoken_token",
            reverse_sql=migrations.RunSQL.noop,
        ),
        migrations.RunSQL(
            "DELETE FROM django_migrations WHERE app = 'authtoken'",
            reverse_sql=migrations.RunSQL.noop,
        ),
        migrations.RunPython(forget_authtoken, migrations.RunPython.noop),
    ]
