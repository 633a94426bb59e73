"""gunicorn settings for `make bench` and `make faults` (and a model for production).

The text analysis loads simplemma's dictionaries on first use, which takes seconds (tens of
seconds on a busy machine). Loaded lazily in each worker, the first comment a worker sees can
outlast the worker timeout, the worker is killed, and its replacement starts over. So the app is
loaded once in the master (preload_app) and the dictionaries are loaded there before the
workers fork; the workers share them.
"""

preload_app = True
timeout = 60
keepalive = 5
worker_class = "sync"


def when_ready(server):  # gunicorn's hook signature
    from osallisuus.analysis.pipeline import warm_up

    warm_up()
