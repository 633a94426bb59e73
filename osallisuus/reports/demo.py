"""Demo data for reports: count the demo feedback into the roll-ups (runs after feedback's)."""

from .services import rebuild_rollups


def seed_demo_data() -> None:
    rebuild_rollups()
