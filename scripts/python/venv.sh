#!/usr/bin/env bash
# Makes .venv: a Python >= 3.12 (pynenc's requires-python) with the pinned pynenc of scripts/python/requirements.txt.
# Used by .ci/run and by a developer's first `npm test`. Idempotent: a .venv whose pins match is kept.
set -euo pipefail
cd "$(dirname "$0")/../.."
req=scripts/python/requirements.txt
venv=.venv
stamp="$venv/.requirements"

current() { [ -x "$venv/bin/python" ] && [ -f "$stamp" ] && cmp -s "$req" "$stamp"; }
if current; then exit 0; fi
# One maker at a time (parallel test workers may all find .venv missing); the others wait, then find it made.
exec 9>".venv.lock"
flock 9
if current; then exit 0; fi

# The oracle runs on Python 3.12, pynenc's minimum (requires-python >= 3.12): the machine's python3 is older
# (Debian's 3.11.2, pyenv's 3.11.7), and 3.13 words a few json/fromisoformat errors differently
# (docs/python-oracles.md). PYNENC_BASE_PYTHON names another interpreter.
find_python() {
  local candidate
  for candidate in "${PYNENC_BASE_PYTHON:-}" python3.12 python3 "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.12*/bin/python3; do
    [ -n "$candidate" ] || continue
    command -v "$candidate" >/dev/null 2>&1 || [ -x "$candidate" ] || continue
    if "$candidate" -c 'import sys, venv; sys.exit(0 if sys.version_info[:2] == (3, 12) else 1)' >/dev/null 2>&1 ||
      [ -n "${PYNENC_BASE_PYTHON:-}" ]; then
      echo "$candidate"; return 0
    fi
  done
  return 1
}
base=$(find_python) || {
  echo "scripts/python/venv.sh: no Python 3.12 found (the oracle's pynenc needs >= 3.12); set PYNENC_BASE_PYTHON" >&2
  exit 2
}
rm -rf "$venv"
"$base" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps -r "$req"
"$venv/bin/python" -m pip check >/dev/null
cp "$req" "$stamp"
echo "made $venv with $("$venv/bin/python" --version) and $("$venv/bin/python" -c 'import importlib.metadata as m; print("pynenc", m.version("pynenc"), "pynenc-redis", m.version("pynenc-redis"))')"
