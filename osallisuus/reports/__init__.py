"""Roll-ups, dashboards and exports over feedback (reads feedback selectors only)."""
