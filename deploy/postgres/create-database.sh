#!/usr/bin/env bash
# Creates the login role and the database the assistant uses on an existing PostgreSQL server.
# Run as a user that can connect as a superuser, e.g. on the database host:  sudo -u postgres ./create-database.sh
# Settings (environment): DB_NAME (assistant), DB_ROLE (assistant), DB_PASSWORD (asked for when empty),
# and the usual PGHOST / PGPORT / PGUSER for where to connect.
set -euo pipefail

DB_NAME=${DB_NAME:-assistant}
DB_ROLE=${DB_ROLE:-assistant}
if [ -z "${DB_PASSWORD:-}" ]; then
  read -r -s -p "Password for role ${DB_ROLE}: " DB_PASSWORD
  echo
fi
[ -n "$DB_PASSWORD" ] || { echo "A password is required." >&2; exit 1; }

psql -v ON_ERROR_STOP=1 -v role="$DB_ROLE" -v password="$DB_PASSWORD" -v dbname="$DB_NAME" --dbname=postgres <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'role', :'password')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', :'role', :'password') \gexec
SELECT format('CREATE DATABASE %I OWNER %I ENCODING ''UTF8'' TEMPLATE template0', :'dbname', :'role')
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'dbname') \gexec
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'dbname') \gexec
SQL

echo "Database '${DB_NAME}' is ready for role '${DB_ROLE}'. Connection string:"
echo "  Host=${PGHOST:-localhost};Port=${PGPORT:-5432};Database=${DB_NAME};Username=${DB_ROLE};Password=…"
