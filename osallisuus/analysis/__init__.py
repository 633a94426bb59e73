"""Offline text analysis of client feedback: language, themes, sentiment, urgency, personal data.

The pipeline works without network access and without machine-learned models: it combines
lemmas (Voikko for Finnish when installed, with compound parts; simplemma otherwise and for
Swedish and English) with hand-written multilingual lexicons, so its decisions can be read and
corrected. Call :func:`osallisuus.analysis.pipeline.analyse` for one comment.
"""
