#!/bin/bash
# Entry point of the locally built PostgreSQL image: the part of the official image's contract that
# deploy/stack.yml uses, so the stack runs unchanged on either image. On an empty $PGDATA it runs
# initdb (superuser $POSTGRES_USER, password from $POSTGRES_PASSWORD_FILE), then every
# /docker-entrypoint-initdb.d/*.sh and *.sql against a server that listens on its socket only,
# then starts PostgreSQL for real, listening on all addresses with scram-sha-256 passwords.
set -euo pipefail

if [ "${1:-}" != 'postgres' ]; then
  exec "$@"
fi

: "${POSTGRES_USER:=postgres}"
: "${PGDATA:=/var/lib/postgresql/data}"
export POSTGRES_USER PGDATA

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  if [ -n "${POSTGRES_PASSWORD_FILE:-}" ]; then
    POSTGRES_PASSWORD="$(< "$POSTGRES_PASSWORD_FILE")"
  fi
  if [ -z "${POSTGRES_PASSWORD:-}" ]; then
    echo 'postgres: set POSTGRES_PASSWORD_FILE (or POSTGRES_PASSWORD) for the superuser' >&2
    exit 1
  fi
  mkdir -p "$PGDATA"
  chmod 0700 "$PGDATA"
  # A failed initialisation must not leave a half-made cluster that the next start would take
  # as ready: empty the directory again, so the restarted task starts over.
  trap 'echo "postgres: initialisation failed, emptying $PGDATA" >&2; pg_ctl -D "$PGDATA" -m immediate stop >/dev/null 2>&1 || true; rm -rf "${PGDATA:?}"/*' ERR
  initdb --username="$POSTGRES_USER" --pwfile=<(printf '%s\n' "$POSTGRES_PASSWORD") \
    --encoding=UTF8 --locale=C.UTF-8 --auth-local=trust --auth-host=scram-sha-256 ${POSTGRES_INITDB_ARGS:-}
  printf 'host all all all scram-sha-256\n' >> "$PGDATA/pg_hba.conf"

  pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start
  for script in /docker-entrypoint-initdb.d/*; do
    case "$script" in
      *.sh)
        echo "postgres: running $script"
        if [ -x "$script" ]; then "$script"; else . "$script"; fi
        ;;
      *.sql)
        echo "postgres: running $script"
        psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres -f "$script"
        ;;
    esac
  done
  pg_ctl -D "$PGDATA" -m fast -w stop
  trap - ERR
  echo 'postgres: initialised'
fi

exec "$@" -c listen_addresses='*'
