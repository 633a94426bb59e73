#!/usr/bin/env bash
# Run the SQLite suite and the PostgreSQL suite at the same time; fail if either fails.
# The PostgreSQL suite's output goes to var/test-postgres.log and is printed when it ends,
# so the two never interleave.
set -uo pipefail
mkdir -p var
log=var/test-postgres.log
make --no-print-directory test-postgres >"$log" 2>&1 &
pg=$!
make --no-print-directory test-sqlite
sqlite_rc=$?
wait "$pg"
pg_rc=$?
echo "== PostgreSQL suite =="
cat "$log"
if [[ $sqlite_rc -ne 0 || $pg_rc -ne 0 ]]; then
  echo "== Failed: SQLite suite exit $sqlite_rc, PostgreSQL suite exit $pg_rc =="
  exit 1
fi
