#!/usr/bin/env bash
# Makes this machine ready for the test suite: PostgreSQL and Redis answering on loopback
# (started with the machine's own commands when they are down) and Debian's Chromium for the
# browser tests. Safe to run repeatedly; does nothing when all is already there.
set -euo pipefail

pg_up() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }
redis_up() { redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; }

wait_for() { # name check
  for _ in $(seq 1 60); do "$2" && return 0; sleep 0.5; done
  echo "ensure-test-env: $1 did not come up" >&2; return 1
}

if ! pg_up; then
  echo "ensure-test-env: starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start
  wait_for PostgreSQL pg_up
fi

if ! redis_up; then
  echo "ensure-test-env: starting Redis"
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
  wait_for Redis redis_up
fi

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "ensure-test-env: installing Debian chromium for the browser tests"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "ensure-test-env: /usr/bin/chromium is missing; install it (apt-get install chromium) for the browser tests" >&2
    exit 1
  fi
fi
