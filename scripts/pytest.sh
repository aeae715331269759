#!/usr/bin/env bash
# The whole suite, every marker included (slow, postgres, browser, shared).
# pytest exits 5 when it collected no tests (e.g. a -k filter that matches nothing):
# report it plainly instead of failing the run.
set -uo pipefail
cd "$(dirname "$0")/.."
.venv/bin/pytest -p no:cacheprovider "$@"
rc=$?
if [ $rc -eq 5 ]; then
  echo "pytest: no tests were collected (exit 5); treating as success" >&2
  exit 0
fi
exit $rc
