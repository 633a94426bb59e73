"""A bare Django project for `make bench`: the baseline every ratio in the report is against.

No middleware, one tiny app (`rows`) with one model, its own settings, URLs and WSGI module.
It uses the same Django, psycopg and gunicorn as the product (the shared virtualenv), the same
PostgreSQL server in the same run (a database of its own), and the same gunicorn worker count
and CONN_MAX_AGE as the product's bench server, which bench/run.py passes in. Nothing under
osallisuus/ imports it, and it imports nothing from osallisuus/.
"""
