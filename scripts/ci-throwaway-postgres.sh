#!/usr/bin/env bash
# Starts a throwaway PostgreSQL on 127.0.0.1:55432 (for CI machines without a server), installing it if missing.
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$bin" ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 postgresql-client-15
  bin=/usr/lib/postgresql/15/bin
fi
dir=$(mktemp -d /tmp/sipas-pg-XXXXXX)
chown postgres:postgres "$dir"
# PostgreSQL refuses to run as root: everything as the postgres user, socket in its own folder.
runuser -u postgres -- "$bin/initdb" -D "$dir/data" -A trust -U postgres --no-sync >/dev/null
runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
  -o "-p 55432 -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" start
