"""No class of ours overrides a private part of a Django class (#23 item 6).

Django may rename or change its underscore methods and attributes in any release without
notice, so a subclass that replaces one (as the database cache once replaced `_base_set` and
`_cull`) can break silently on an upgrade. Every class defined in the project is checked: a name
with one leading underscore that it defines must not also be defined by a Django class above it.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from types import ModuleType

import osallisuus

# Names Django's own metaclasses write into every subclass: defined by Django, not by us.
SET_BY_DJANGO = {"_meta"}


def project_modules() -> list[ModuleType]:
    modules = []
    for info in pkgutil.walk_packages(osallisuus.__path__, prefix="osallisuus."):
        parts = info.name.split(".")
        if "tests" in parts or "migrations" in parts or parts[-1] in {"wsgi", "asgi"}:
            continue
        modules.append(importlib.import_module(info.name))
    return modules


def private_overrides(cls: type) -> list[str]:
    """`Class.name` for each private name `cls` defines that a Django class above it defines."""
    found = []
    own = [
        name
        for name in vars(cls)
        if name.startswith("_")
        and not name.startswith("__")
        and not name.endswith("_")  # `_name_`: Python's enum protocol (TextChoices), public
        and name not in SET_BY_DJANGO
    ]
    for name in own:
        for base in cls.__mro__[1:]:
            if base.__module__.split(".")[0] == "django" and name in vars(base):
                found.append(f"{cls.__module__}.{cls.__qualname__}.{name} ({base.__qualname__})")
                break
    return found


def test_no_class_of_ours_overrides_a_private_part_of_a_django_class():
    modules = project_modules()
    assert len(modules) > 50  # the walk reached the apps
    found = []
    for module in modules:
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__:
                found += private_overrides(cls)
    assert found == []


def test_the_check_finds_an_override_of_djangos_private_cache_method():
    from django.core.cache.backends.db import DatabaseCache

    class Culling(DatabaseCache):
        def _cull(self, *args: object) -> None:  # the kind of override this file forbids
            pass

    assert private_overrides(Culling) == [
        f"{__name__}.{Culling.__qualname__}._cull (DatabaseCache)"
    ]
