"""The append-only log of staff access to personal data: who, what, when and why."""
