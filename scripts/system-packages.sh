#!/usr/bin/env bash
# Make sure the Debian packages the tests need are here: PostgreSQL (initdb, pg_ctl) and Chromium,
# and Voikko (Finnish morphology for the text analysis; without it Finnish falls back to
# simplemma). As root with apt-get they are installed; otherwise the missing ones are named and
# their tests are skipped (the summary at the end of `make test` says so).
# `scripts/system-packages.sh voikko` (make run) only sees to Voikko.
set -u
missing=()
if [[ ${1:-} != voikko ]]; then
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
  [[ -x /usr/bin/chromium ]] || missing+=(chromium)
  command -v msgfmt >/dev/null 2>&1 || missing+=(gettext)
fi
compgen -G "/usr/lib/*/libvoikko.so.1" >/dev/null || [[ -e /usr/lib/libvoikko.so.1 ]] \
  || missing+=(libvoikko1)
[[ -d /usr/lib/voikko || -d /usr/share/voikko ]] || missing+=(voikko-fi)
mkdir -p var
if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null && apt-get install -y -qq "${missing[@]}" >/dev/null \
      || echo "apt-get could not install: ${missing[*]}"
  else
    echo "Missing Debian packages: ${missing[*]} (install them with: sudo apt-get install ${missing[*]})"
  fi
fi
[[ ${1:-} == voikko ]] && exit 0
: > var/skipped-suites.txt
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 \
  || echo "PostgreSQL suite skipped: install the Debian package postgresql" >> var/skipped-suites.txt
[[ -x /usr/bin/chromium ]] \
  || echo "Browser tests skipped: install the Debian package chromium" >> var/skipped-suites.txt
exit 0
