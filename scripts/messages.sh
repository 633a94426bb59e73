#!/usr/bin/env bash
# Extract and compile translations. Apps with their own osallisuus/<app>/locale/ keep their own
# catalogue (so parallel work on apps does not collide); everything else is in osallisuus/locale/.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="$PWD/.venv/bin/python"
MAKEMESSAGES=(makemessages -l fi -l sv -l en --no-obsolete --no-location --no-wrap)
ignores=()
for locale in osallisuus/*/locale; do
    app="$(basename "$(dirname "$locale")")"
    ignores+=(--ignore "$app/*")
    (cd "osallisuus/$app" && DEBUG=true "$PY" ../../manage.py "${MAKEMESSAGES[@]}")
done
(cd osallisuus && DEBUG=true "$PY" ../manage.py "${MAKEMESSAGES[@]}" "${ignores[@]}")
(cd osallisuus && DEBUG=true "$PY" ../manage.py compilemessages)
