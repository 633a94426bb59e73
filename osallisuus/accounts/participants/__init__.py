"""Participants' own way in (#19): sign-up, and one-time codes and links instead of passwords."""
