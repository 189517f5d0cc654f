#!/usr/bin/env bash
# The numbers of docs/scale.md: starts a private PostgreSQL (durable defaults: fsync and
# synchronous_commit on) and a mosquitto with a password file (plus an anonymous listener for
# `bench bus`), both on 127.0.0.1 in a temporary directory, then measures
#   1. PostgreSQL's capacity: pgbench TPC-B-like (1 and 4 clients) and an insert-only script;
#   2. mosquitto's capacity: `vivarium bench bus --broker` (1 publisher, 4 subscribers, 200 B);
#   3. `vivarium bench cluster` against both (registry, broker mix, memory, coordination).
# Stops both and deletes the directory at the end. Prints the commands' own lines.
#
# usage: bench/cluster-scale.sh      BENCH_SECONDS=5 (per setting)  PGBENCH_SECONDS=10
# Needs Debian's postgresql (initdb, pg_ctl, pgbench) and mosquitto (mosquitto, mosquitto_passwd).
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
cd "$here"
seconds=${BENCH_SECONDS:-5}
pgseconds=${PGBENCH_SECONDS:-10}
command -v mosquitto_passwd >/dev/null || { echo "cluster-scale.sh: needs mosquitto (apt-get install mosquitto)" >&2; exit 1; }
# shellcheck source=bench/private-postgres.sh
. "$here/bench/private-postgres.sh"
[ -x "$pgbin/pgbench" ] || { echo "cluster-scale.sh: needs pgbench (Debian's postgresql)" >&2; exit 1; }
mqport=$(free_port); mqopen=$(free_port)
export VIVARIUM_BUS_PASSWORD=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
mq_pid=""
cleanup() {
  [ -n "$mq_pid" ] && kill "$mq_pid" 2>/dev/null || true
  private_postgres_stop
}
trap cleanup EXIT

# -- PostgreSQL ------------------------------------------------------------------------------
$psql -d postgres -c "CREATE DATABASE bench LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0"
$psql -d postgres -c "CREATE DATABASE pgbench"
echo "postgresql $("$pgbin/postgres" --version | awk '{print $3}') fsync=$($psql -d bench -tAc 'SHOW fsync') synchronous_commit=$($psql -d bench -tAc 'SHOW synchronous_commit')"
echo "load_at_start $(cut -d' ' -f1 /proc/loadavg) load"

pgb="$pgbin/pgbench -h 127.0.0.1 -p $pgport -U vivarium"
$pgb -i -s 10 -q pgbench >/dev/null 2>&1
for c in 1 4; do
  tps=$($pgb -c $c -j $((c < 2 ? c : 2)) -T "$pgseconds" pgbench 2>/dev/null | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
  echo "pgbench_tpcb_${c}c_tps $tps tx/s"
done
$psql -d pgbench -c "CREATE TABLE ins (id bigserial PRIMARY KEY, agent text, step bigint, name text, value double precision, time_ms bigint)"
printf '%s\n' "INSERT INTO ins (agent, step, name, value, time_ms) VALUES ('a0001', 1, 'return', 0.5, 1);" > "$dir/insert.sql"
for c in 1 4; do
  tps=$($pgb -n -c $c -j $((c < 2 ? c : 2)) -T "$pgseconds" -f "$dir/insert.sql" pgbench 2>/dev/null | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
  echo "pgbench_insert_${c}c_tps $tps tx/s"
done

# -- mosquitto -------------------------------------------------------------------------------
touch "$dir/mq.passwd" && chmod 600 "$dir/mq.passwd"
mosquitto_passwd -b "$dir/mq.passwd" bench "$VIVARIUM_BUS_PASSWORD"
[ "$(id -u)" = 0 ] && chown 65534:65534 "$dir/mq.passwd"
cat > "$dir/mq.conf" <<CONF
per_listener_settings true
listener $mqport 127.0.0.1
allow_anonymous false
password_file $dir/mq.passwd
listener $mqopen 127.0.0.1
allow_anonymous true
persistence false
log_dest none
CONF
"${as_server[@]}" mosquitto -c "$dir/mq.conf" & mq_pid=$!
sleep 1
echo "mosquitto $(mosquitto -h 2>/dev/null | sed -n 's/^mosquitto version //p')"

./vivarium bench bus --broker "tcp://127.0.0.1:$mqopen" --seconds "$seconds" | sed -n 's/^delivered_per_second_\(qos[01]\): \(.*\)/mosquitto_bench_bus_delivered_per_second_\1 \2 msg\/s/p'
./vivarium bench cluster --registry "postgresql://vivarium@127.0.0.1:$pgport/bench" \
  --broker "tcp://127.0.0.1:$mqport" --broker-user bench --seconds "$seconds"
echo "load_at_end $(cut -d' ' -f1 /proc/loadavg) load"
