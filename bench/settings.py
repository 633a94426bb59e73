"""Settings for benchmark servers only: the production settings plus /bench/insert/ (an insert
inside the product's middleware, reported as "product middleware only").

Selected with DJANGO_SETTINGS_MODULE=bench.settings by bench/run.py and bench/faults.py, so the
bare view (bench/urls.py) never exists in a deployment, which uses osallisuus.settings.
"""

from osallisuus.settings import *  # noqa: F403  the bench settings extend the project's

ROOT_URLCONF = "bench.urls"

# The project's own static folder (site.css, favicon) is not an app's: without this line
# collectstatic misses it and every page fails with DEBUG off. Asked to be added to
# osallisuus/settings.py; kept here until it is, so the figures are those of a working site.
if not globals().get("STATICFILES_DIRS"):
    STATICFILES_DIRS = [BASE_DIR / "osallisuus" / "static"]  # noqa: F405  a name from the project's settings
