#!/usr/bin/env bash
# Installs, from Debian's packages, what only root can install and what tools/infra cannot
# provide by itself. Each package is installed only when it is missing, so the script is
# cheap on a prepared machine and complete on a bare one. `npm test` runs it first; as a user
# other than root it installs nothing and prints the one command that would.
set -euo pipefail

missing=()

# Redis: tools/infra uses a server on 127.0.0.1:6379 or starts redis-server from PATH.
if ! command -v redis-server >/dev/null 2>&1 && ! (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null; then
  missing+=(redis-server)
fi

# FerretDB (the MongoDB-compatible server) is built from tools/ferretdb with Go; the Go
# module proxy supplies a newer toolchain when Debian's is older than go.mod asks for.
if ! command -v go >/dev/null 2>&1 && [ ! -x /usr/local/go/bin/go ] \
  && ! command -v mongod >/dev/null 2>&1 && ! (exec 3<>/dev/tcp/127.0.0.1/27017) 2>/dev/null; then
  missing+=(golang-go)
fi

# Chromium: the catalog's browser test drives Debian's build through playwright-core (which
# cannot download a browser of its own here).
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  missing+=(chromium)
fi

# Python: `npm run e2e` runs examples/python-consumer on Debian's /usr/bin/python3 with Debian's
# modules (not pip, not a pyenv python that may come first on PATH).
for module_package in redis:python3-redis jsonschema:python3-jsonschema yaml:python3-yaml; do
  if ! /usr/bin/python3 -c "import ${module_package%%:*}" >/dev/null 2>&1; then
    missing+=("${module_package#*:}")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: nothing to install"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "system packages: missing ${missing[*]}; install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "system packages: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get -o DPkg::Lock::Timeout=300 update -qq
apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}"
