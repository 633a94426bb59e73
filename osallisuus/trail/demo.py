"""The trail's demo data (picked up by `manage.py seed_demo`, after feedback and reports)."""

from .briefings import demo as briefings_demo


def seed_demo_data() -> None:
    briefings_demo.seed_demo_data()
