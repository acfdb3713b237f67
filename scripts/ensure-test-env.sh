#!/usr/bin/env bash
# Makes this machine ready for the test suite: PostgreSQL (user postgres, trust on loopback) and
# Redis answering on their usual loopback ports, and Debian's Chromium for the browser tests.
# What is missing is installed with one `apt-get update` and one `apt-get install` when we are
# root on Debian/Ubuntu (a fresh machine with only Node needs nothing else); otherwise one line
# says exactly what to install. Services installed but down are started with the machine's own
# commands. Safe to run repeatedly; does nothing (and is quick) when all is already there.
#
# ENSURE_TEST_ENV_PLAN=1 prints what it would do and changes nothing; with the port and
# Chromium overrides below it lets scripts/test/ensure-test-env.test.ts check the decisions
# for a fresh machine on a machine that has everything.
set -euo pipefail

PG_PORT="${ENSURE_TEST_ENV_PG_PORT:-5432}"
REDIS_PORT="${ENSURE_TEST_ENV_REDIS_PORT:-6379}"
CHROMIUM="${ENSURE_TEST_ENV_CHROMIUM:-/usr/bin/chromium}"
PG_ETC="${ENSURE_TEST_ENV_PG_ETC:-/etc/postgresql}"
PLAN="${ENSURE_TEST_ENV_PLAN:-}"

say() { echo "ensure-test-env: $*"; }
have() { command -v "$1" >/dev/null 2>&1; }

# Probed with bash's /dev/tcp rather than pg_isready/redis-cli, so that a server running without
# its client tools (docker, another install) is seen as up rather than installed over.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
pg_up() {
  if have pg_isready; then pg_isready -q -h 127.0.0.1 -p "$PG_PORT" 2>/dev/null; else port_open "$PG_PORT"; fi
}
redis_up() {
  # A PING answered +PONG: something on the port that is not Redis does not count.
  (exec 3<>"/dev/tcp/127.0.0.1/$REDIS_PORT" && printf 'PING\r\n' >&3 && IFS= read -r -t 2 reply <&3 && [[ "$reply" == +PONG* ]]) 2>/dev/null
}
pg_installed() { have pg_ctlcluster && [ -n "$(ls "$PG_ETC" 2>/dev/null)" ]; }

wait_for() { # name check
  for _ in $(seq 1 60); do "$2" && return 0; sleep 0.5; done
  say "$1 did not come up" >&2
  return 1
}

# 1. What is missing.
packages=()
pg_up || pg_installed || packages+=(postgresql)
redis_up || have redis-server || packages+=(redis-server)
[ -x "$CHROMIUM" ] || packages+=(chromium)

if [ ${#packages[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ] || ! have apt-get; then
    # One line, exactly what to install; the script cannot do it here (not root, or not apt).
    say "missing ${packages[*]}; install them (Debian/Ubuntu: sudo apt-get install -y ${packages[*]}, or run npm test as root) or start PostgreSQL (user postgres, trust on 127.0.0.1:$PG_PORT) and Redis (127.0.0.1:$REDIS_PORT) yourself" >&2
    exit 1
  fi
  say "installing ${packages[*]} with apt-get"
  if [ -n "$PLAN" ]; then
    say "plan: apt-get update; apt-get install -y ${packages[*]}"
  else
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
  fi
fi

# 2. PostgreSQL: a cluster we just installed trusts loopback connections (the tests connect as
# postgres without a password); an existing cluster's authentication is left as its owner set it.
if [[ " ${packages[*]} " == *" postgresql "* ]]; then
  if [ -n "$PLAN" ]; then
    say "plan: trust 127.0.0.1 and ::1 in pg_hba.conf of the new cluster"
  else
    for hba in "$PG_ETC"/*/main/pg_hba.conf; do
      sed -i -E 's/^(host[[:space:]]+all[[:space:]]+all[[:space:]]+(127\.0\.0\.1\/32|::1\/128)[[:space:]]+)[a-z0-9-]+/\1trust/' "$hba"
    done
    # The package's own start (invoke-rc.d) may have run with the old rules, or not at all in a container.
    pg_ctlcluster --skip-systemctl-redirect "$(ls "$PG_ETC" | head -1)" main stop 2>/dev/null || true
  fi
fi

if ! pg_up; then
  say "starting PostgreSQL"
  if [ -n "$PLAN" ]; then
    say "plan: pg_ctlcluster <version> main start"
  else
    pg_ctlcluster --skip-systemctl-redirect "$(ls "$PG_ETC" | head -1)" main start
    wait_for PostgreSQL pg_up
  fi
fi

# 3. Redis: tests need no persistence.
if ! redis_up; then
  say "starting Redis"
  if [ -n "$PLAN" ]; then
    say "plan: redis-server --daemonize yes --port $REDIS_PORT"
  else
    mkdir -p /var/lib/redis /var/log/redis
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" --save "" --appendonly no \
      --dir /var/lib/redis --logfile /var/log/redis/ci.log
    wait_for Redis redis_up
  fi
fi
