"""The intake doors: each shapes what its channel delivers into `services.FeedbackInput` and
stores it through `services.submit_feedback`, so every door lands in the same store.

- web.py           the web and QR form, and the unit's printable QR poster (poster.py)
- kiosk.py         the kiosk's pages (kiosk_urls.py, under /kioski/)
- staff_entry.py   staff type in feedback that came by phone or on paper
- api.py           other systems, the kiosk's queue and the SMS gateway's webhook
- mailbox.py       feedback e-mails from an mbox file or a Maildir folder
                   (`manage.py import_feedback_mailbox`)
- adapters.py      kiosk presses, text messages and e-mails into FeedbackInput
- forms.py         the doors' forms; cache.py: the per-process cache of units and question sets
"""
