#!/usr/bin/env bash
# Say at the end of `make test` which suites were skipped because a Debian package was missing.
if [[ -s var/skipped-suites.txt ]]; then
  echo "== Summary: some suites were skipped =="
  cat var/skipped-suites.txt
else
  echo "== Summary: lint, SQLite suite with browser tests, and PostgreSQL suite all ran =="
fi
