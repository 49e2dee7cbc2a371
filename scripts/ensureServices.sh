#!/usr/bin/env bash
# Makes sure the machine's PostgreSQL (5432) and Redis (6379) that the tests share are up,
# starting only what is down. Tests never stop these; they start throwaway ones to stop.
set -euo pipefail

if pg_isready -q -h 127.0.0.1 -p 5432; then
  echo "postgresql: already running on 127.0.0.1:5432"
else
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
  echo "postgresql: started on 127.0.0.1:5432"
fi

# Only PONG means ready: compare the reply (not LOADING, not an auth error) rather than the status.
redis_ping() { redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null || true; }
if [ "$(redis_ping)" = PONG ]; then
  echo "redis: already running on 127.0.0.1:6379"
else
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
  # --daemonize returns before the server listens.
  for _ in $(seq 50); do
    [ "$(redis_ping)" = PONG ] && break
    sleep 0.1
  done
  [ "$(redis_ping)" = PONG ] || { echo "redis: did not start, see /var/log/redis/ci.log" >&2; exit 1; }
  echo "redis: started on 127.0.0.1:6379"
fi
