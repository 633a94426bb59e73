"""People, their roles scoped to units or services, sign-in with two-factor, and permissions."""
