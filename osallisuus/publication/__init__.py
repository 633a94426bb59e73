"""Publication and moderation: moderators publish a consented comment's confirmed redacted text
as a public story; the unit's public page shows the stories, answers and score summaries.

The tables (Publication, PublicationEvent) stay in the feedback app until a later migration moves
them; this app reads and writes them through `osallisuus.feedback.models`.
"""
