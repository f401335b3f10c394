#!/bin/sh
# Entry point of the locally built FerretDB image. tools/ferretdb's wrapper takes flags; this maps
# the environment variables of FerretDB's official image onto them, so deploy/stack.ferretdb.yml
# configures either image the same way. Only the SQLite handler exists in the wrapper.
set -eu

if [ "${FERRETDB_HANDLER:-sqlite}" != 'sqlite' ]; then
  echo "ferretdb: this image has the sqlite handler only, not ${FERRETDB_HANDLER}" >&2
  exit 1
fi

listen="${FERRETDB_LISTEN_ADDR:-:27017}"
sqlite_url="${FERRETDB_SQLITE_URL:-file:/state/}"
# file:/data/db/ -> /data/db (the wrapper builds the URL itself from a directory).
data="${sqlite_url#file:}"
data="${data%%\?*}"

exec /usr/local/bin/ferretdb -listen "$listen" -data "$data"
