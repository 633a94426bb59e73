"""Settings of the bare bench project: no middleware, one app, PostgreSQL from DATABASE_URL.

bench/run.py passes BARE_CONN_MAX_AGE and BARE_CONN_HEALTH_CHECKS with the product's own values,
so both servers keep their database connections the same way.
"""

import os

import environ

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "bare-bench-only-secret-key-0123456789-abcdefghijklmn")
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
INSTALLED_APPS = ["bench.bare.rows"]
MIDDLEWARE: list[str] = []
ROOT_URLCONF = "bench.bare.urls"
WSGI_APPLICATION = "bench.bare.wsgi.application"
USE_TZ = True
TIME_ZONE = "UTC"
USE_I18N = False
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

DATABASES = {"default": environ.Env.db_url_config(os.environ["DATABASE_URL"])}
_max_age = os.environ.get("BARE_CONN_MAX_AGE", "60")
DATABASES["default"]["CONN_MAX_AGE"] = None if _max_age == "none" else int(_max_age)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = os.environ.get("BARE_CONN_HEALTH_CHECKS") == "1"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "root": {"level": "ERROR"},
}
