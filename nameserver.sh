#!/usr/bin/env bash
# Start the Pyro5 name server the replicas and clients use.
#   PYRO_NS_HOST  address to bind (default 127.0.0.1)
#   PYRO_NS_PORT  port (default 9090)
#   CONTACTS_NS_DIR  where its registrations are stored (sql: storage, survives restarts;
#                    default ~/.local/share/contacts/nameserver)
# Extra arguments are passed on to python -m Pyro5.nameserver.
set -euo pipefail
host="${PYRO_NS_HOST:-127.0.0.1}"
port="${PYRO_NS_PORT:-9090}"
data_dir="${CONTACTS_NS_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/contacts/nameserver}"
mkdir -p "$data_dir"
python="${PYTHON:-python3}"
exec "$python" -m Pyro5.nameserver --host "$host" --port "$port" \
    --storage "sql:$data_dir/nameserver.sqlite" --nobc "$@"
