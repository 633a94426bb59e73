"""The pool of experts by experience and developer clients: profiles, requests, contracts, fees."""
