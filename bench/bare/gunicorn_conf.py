"""gunicorn settings of the bare project: those of the product's bench server (bench/
gunicorn_conf.py) but its hook, which warms up the product's text analysis."""

from bench.gunicorn_conf import keepalive, preload_app, timeout, worker_class

__all__ = ["keepalive", "preload_app", "timeout", "worker_class"]
