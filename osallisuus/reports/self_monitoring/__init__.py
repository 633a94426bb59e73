"""Four-monthly self-monitoring summaries (Act 741/2023 §§ 26–27): the feedback part of each
unit's self-monitoring follow-up, prepared by the platform and published by the unit."""
