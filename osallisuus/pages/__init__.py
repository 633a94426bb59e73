"""The site shell: home page, statutory pages (accessibility, privacy) and the health check."""
