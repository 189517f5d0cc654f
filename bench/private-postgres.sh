# Sourced by the cluster benches: starts a private PostgreSQL in a new temporary directory on a
# free 127.0.0.1 port (durable defaults; run as nobody when the caller is root, since initdb
# refuses root), its bootstrap user `vivarium` with a random password. Sets $dir (the
# directory), $pgport, $PGPASSWORD (exported), $as_server (the prefix that runs a command as the
# server's user), $pgbin, $psql and free_port. The caller stops it with private_postgres_stop,
# which also removes $dir.
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$pgbin/initdb" ] || { echo "needs Debian's postgresql (apt-get install postgresql)" >&2; exit 1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
dir=$(mktemp -d)
chmod 755 "$dir"
as_server=()
if [ "$(id -u)" = 0 ]; then
  as_server=(setpriv --reuid=65534 --regid=65534 --clear-groups --)
fi
pgport=$(free_port)
export PGPASSWORD=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
mkdir "$dir/pg" && printf '%s\n' "$PGPASSWORD" > "$dir/pw"
if [ "$(id -u)" = 0 ]; then chown 65534:65534 "$dir/pg" "$dir/pw"; fi
"${as_server[@]}" "$pgbin/initdb" -D "$dir/pg" -U vivarium --pwfile="$dir/pw" --auth=scram-sha-256 \
  --encoding=UTF8 --locale=C >/dev/null
rm -f "$dir/pw"
"${as_server[@]}" "$pgbin/pg_ctl" -D "$dir/pg" -l "$dir/pg/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $pgport -k $dir/pg -c max_connections=200" start >/dev/null
psql="psql -h 127.0.0.1 -p $pgport -U vivarium -q -X"

private_postgres_stop() {
  "${as_server[@]}" "$pgbin/pg_ctl" -D "$dir/pg" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
