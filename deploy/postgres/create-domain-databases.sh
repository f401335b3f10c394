#!/bin/bash
# Runs once, when the PostgreSQL volume is empty (the official image's /docker-entrypoint-initdb.d).
# For every <DOMAIN>_DATABASE_URL_FILE in the environment (a secret: the very URL that domain
# connects with) it creates the URL's user as a role with the URL's password and the URL's
# database owned by that role, closed to everyone else. The password thus lives in one secret.
#
# It creates only what is missing, so for a domain added to a running stack it is run again by
# hand in the PostgreSQL task (deploy/README.md, "Add a domain to a running stack").
#
# The URL's password must be URL-safe or percent-encoded: `openssl rand -hex 24` makes one.
set -euo pipefail

create_domain_database() {
  local variable="$1" url user password database
  url="$(< "${!variable}")"
  url="${url%$'\n'}"
  if [[ ! "$url" =~ ^postgres(ql)?://([^:@/]+):([^@/]+)@[^/]+/([^/?]+) ]]; then
    echo "create-domain-databases: ${variable} must name a URL postgres://<user>:<password>@<host>/<database>" >&2
    exit 1
  fi
  user="${BASH_REMATCH[2]}"
  password="$(printf '%b' "${BASH_REMATCH[3]//%/\\x}")"
  database="${BASH_REMATCH[4]}"
  echo "create-domain-databases: role ${user}, database ${database} (from ${variable})"
  # psql variables quote the names and the password: nothing from the URL is spliced into SQL.
  psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname postgres \
    -v user="$user" -v password="$password" -v database="$database" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'user', :'password')
  WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'user') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'database', :'user')
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'database') \gexec
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
SQL
}

found=0
for variable in $(compgen -e); do
  [[ "$variable" =~ ^[A-Z0-9_]+_DATABASE_URL_FILE$ ]] || continue
  create_domain_database "$variable"
  found=$((found + 1))
done
if [ "$found" -eq 0 ]; then
  echo 'create-domain-databases: no <DOMAIN>_DATABASE_URL_FILE variable: no domain database created' >&2
  exit 1
fi
