#!/usr/bin/env bash
# deploy/bin/rolling-restart.sh [PORT ...]: restarts this machine's nodes one at a time (default: every tthc@
# instance that is loaded), each only once the previous one answers /_ready again. Run it on each machine in turn.
#   NODE_ADDRESS   where the nodes listen on this machine (default 127.0.0.1; set it when HOST is another address)
#   READY_TIMEOUT  seconds a node has to become ready (default 180); the script stops there if it does not.
#   SETTLE         seconds to wait after a node is ready (default 6): nginx took it out while it restarted and
#                  puts it back only after its fail_timeout (5 s); restarting the next one sooner could leave
#                  nginx with no node.
set -euo pipefail

ports=("$@")
if [[ ${#ports[@]} -eq 0 ]]; then
  mapfile -t ports < <(systemctl list-units 'tthc@*.service' --all --plain --no-legend |
    sed -nE 's/^tthc@([0-9]+)\.service.*/\1/p')
fi
if [[ ${#ports[@]} -eq 0 ]]; then
  echo "rolling-restart: no tthc@ instance found; name the ports" >&2
  exit 2
fi

for port in "${ports[@]}"; do
  echo "rolling-restart: tthc@$port" >&2
  systemctl restart "tthc@$port"
  deadline=$((SECONDS + ${READY_TIMEOUT:-180}))
  until curl -fs -o /dev/null --max-time 3 "http://${NODE_ADDRESS:-127.0.0.1}:$port/_ready"; do
    if ((SECONDS > deadline)); then
      echo "rolling-restart: tthc@$port not ready after ${READY_TIMEOUT:-180} s; stopping here" >&2
      journalctl -u "tthc@$port" -n 30 --no-pager >&2 || true
      exit 1
    fi
    sleep 1
  done
  echo "rolling-restart: tthc@$port ready" >&2
  sleep "${SETTLE:-6}"
done
