#!/usr/bin/env bash
# Start the Pyro5 name server the replicas and clients use.
#   PYRO_NS_HOST  address to bind (default 127.0.0.1)
#   PYRO_NS_PORT  port (default 9090)
#   CONTACTS_NS_DIR  where its registrations are stored (sql: storage, survives restarts;
#                    default ~/.local/share/contacts/nameserver)
#   CONTACTS_TLS_DIR TLS with mutual certificates (made by python -m contacts.security.certs): serve with
#                    nameserver.crt, accept only callers with a certificate of the cluster CA
#   PYRO_MAX_MESSAGE_SIZE  largest request accepted (default 1 MiB: name server calls are tiny)
# Extra arguments are passed on to python -m Pyro5.nameserver.
set -euo pipefail
host="${PYRO_NS_HOST:-127.0.0.1}"
port="${PYRO_NS_PORT:-9090}"
data_dir="${CONTACTS_NS_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/contacts/nameserver}"
mkdir -p "$data_dir"
python="${PYTHON:-python3}"
export PYRO_MAX_MESSAGE_SIZE="${PYRO_MAX_MESSAGE_SIZE:-1048576}"
if [ -n "${CONTACTS_TLS_DIR:-}" ]; then
    tls_dir="$(cd "$CONTACTS_TLS_DIR" && pwd)"
    for file in ca.crt nameserver.crt nameserver.key; do
        if [ ! -f "$tls_dir/$file" ]; then
            echo "nameserver.sh: $tls_dir/$file is missing; make it with" \
                 "python -m contacts.security.certs --dir $tls_dir" >&2
            exit 2
        fi
    done
    export PYRO_SSL=true PYRO_SSL_REQUIRECLIENTCERT=true PYRO_SSL_CACERTS="$tls_dir/ca.crt" \
           PYRO_SSL_SERVERCERT="$tls_dir/nameserver.crt" PYRO_SSL_SERVERKEY="$tls_dir/nameserver.key"
    # Pyro5's context also trusts OpenSSL's default CA store: make that the cluster CA alone
    export SSL_CERT_FILE="$tls_dir/ca.crt" SSL_CERT_DIR="$tls_dir"
fi
exec "$python" -m Pyro5.nameserver --host "$host" --port "$port" \
    --storage "sql:$data_dir/nameserver.sqlite" --nobc "$@"
