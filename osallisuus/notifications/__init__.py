"""The outbox: e-mail and SMS messages, sent by background tasks after the write commits."""
