#!/usr/bin/env bash
# Back up a PostgreSQL database with pg_dump, restore it into a fresh database and compare:
# the row count of every table and a sample of rows (the first and last 1000 by primary key).
# Usage: scripts/backup-restore-check.sh [SOURCE_URL]   (default: $DATABASE_URL)
# The restored copy is dropped afterwards. Exit status 0 only if everything is equal.
set -euo pipefail
source_url=${1:-${DATABASE_URL:?DATABASE_URL or an argument must name a PostgreSQL database}}
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
psql=("$bindir/psql" -X -q -v ON_ERROR_STOP=1 -A -t)
source_db=${source_url##*/}
source_db=${source_db%%\?*}
restore_db="${source_db}_restore_check"
restore_url="${source_url%/*}/$restore_db"
dump=$(mktemp /tmp/osallisuus-backup.XXXXXX)
cleanup() {
  rm -f "$dump"
  "${psql[@]}" "$source_url" -c "DROP DATABASE IF EXISTS \"$restore_db\"" >/dev/null 2>&1 || true
}
trap cleanup EXIT

started=$(date +%s)
"$bindir/pg_dump" --format=custom --no-owner --file="$dump" "$source_url"
"${psql[@]}" "$source_url" -c "DROP DATABASE IF EXISTS \"$restore_db\"" >/dev/null
"${psql[@]}" "$source_url" -c "CREATE DATABASE \"$restore_db\"" >/dev/null
"$bindir/pg_restore" --no-owner --exit-on-error --dbname="$restore_url" "$dump"
echo "Backup $(du -h "$dump" | cut -f1) restored in $(( $(date +%s) - started )) s into $restore_db"

# One line per table: name, row count, checksum of the first and last 1000 rows by the first
# column (the primary key in every Django table).
fingerprint_sql=$(cat <<'SQL'
DO $$
DECLARE t record; n bigint; head text; tail text;
BEGIN
  CREATE TEMP TABLE fingerprint (name text, rows bigint, head text, tail text);
  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename LOOP
    EXECUTE format('SELECT count(*) FROM %I', t.tablename) INTO n;
    EXECUTE format('SELECT md5(coalesce(string_agg(s::text, %L), %L)) FROM '
                   '(SELECT * FROM %I ORDER BY 1 LIMIT 1000) s', '|', '', t.tablename) INTO head;
    EXECUTE format('SELECT md5(coalesce(string_agg(s::text, %L), %L)) FROM '
                   '(SELECT * FROM %I ORDER BY 1 DESC LIMIT 1000) s', '|', '', t.tablename) INTO tail;
    INSERT INTO fingerprint VALUES (t.tablename, n, head, tail);
  END LOOP;
END $$;
SELECT name || ' ' || rows || ' ' || head || ' ' || tail FROM fingerprint ORDER BY name;
SQL
)
before=$("${psql[@]}" "$source_url" -c "$fingerprint_sql")
after=$("${psql[@]}" "$restore_url" -c "$fingerprint_sql")
tables=$(wc -l <<<"$before")
rows=$(awk '{s += $2} END {print s}' <<<"$before")
if [[ "$before" != "$after" ]]; then
  echo "Backup/restore check FAILED: these tables differ (name rows head tail):"
  diff <(echo "$before") <(echo "$after") || true
  exit 1
fi
feedback=$(awk '$1 == "feedback_feedback" {print $2}' <<<"$before")
echo "Backup/restore check passed: $tables tables, $rows rows (feedback: ${feedback:-0})," \
  "counts and sampled rows equal"
