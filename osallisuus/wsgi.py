"""WSGI entry point for gunicorn: `gunicorn osallisuus.wsgi`.

The anonymous public JSON API paths take a shorter middleware stack (osallisuus/api_lane.py).
"""

import os

from django.core.wsgi import get_wsgi_application

from osallisuus.api_lane import with_api_lane

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "osallisuus.settings")
application = with_api_lane(get_wsgi_application())
