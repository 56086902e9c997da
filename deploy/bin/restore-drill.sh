#!/usr/bin/env bash
# deploy/bin/restore-drill.sh BACKUP_DIR SOURCE_URL: proves that a backup restores into a system that serves the
# same data. Restores BACKUP_DIR (backup.sh) into a scratch database and bucket, reads every object back, starts one
# node on them, and compares the public API's answers with SOURCE_URL (the live site, or the node backed up).
#   DRILL_DATABASE_URL   scratch database, empty (created beforehand: createdb …)        required
#   DRILL_S3_BUCKET      scratch bucket (created if missing), same store as S3_*         required for a bucket backup
#   DRILL_PORT           port of the drill node on 127.0.0.1 (default 1400)
#   DRILL_PATHS          space-separated paths to compare (default: the public collections, 100 rows each)
# The secrets and S3_* come from the environment as for a node (`set -a; . /etc/tthc/node.env; set +a`).
# The drill node is cut off from everything live: no Redis (it would share the live cache), no mail, no website
# notifications, no daily jobs. Compare right after the backup: what changes on the live site since shows as a
# difference. Exit 0 when every path matches.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
APP_ROOT="${APP_ROOT:-$(cd "$here/../.." && pwd)}"
backup="${1:-}"
source_url="${2:-}"
if [[ $# -ne 2 || ! -f "$backup/database.dump" ]]; then
  echo "usage: restore-drill.sh BACKUP_DIR SOURCE_URL" >&2
  exit 2
fi
: "${DRILL_DATABASE_URL:?set DRILL_DATABASE_URL to an empty scratch database}"
if [[ -d "$backup/bucket" ]]; then : "${DRILL_S3_BUCKET:?set DRILL_S3_BUCKET to a scratch bucket}"; fi
port="${DRILL_PORT:-1400}"
page='sort=createdAt:asc&pagination[pageSize]=100'
paths="${DRILL_PATHS:-/api/articles?$page /api/procedures?$page /api/campaigns?$page /api/legal-documents?$page /api/procedure-fields?$page}"

DATABASE_URL="$DRILL_DATABASE_URL" S3_BUCKET="${DRILL_S3_BUCKET:-}" "$here/restore.sh" "$backup"
if [[ -d "$backup/bucket" ]]; then
  S3_BUCKET="$DRILL_S3_BUCKET" node "$here/bucket-copy.js" verify "$backup/bucket"
fi

log="$(mktemp)"
echo "drill: starting a node on 127.0.0.1:$port (log: $log)" >&2
(
  cd "$APP_ROOT"
  export DATABASE_URL="$DRILL_DATABASE_URL" HOST=127.0.0.1 PORT="$port" DEMO_SEED=off REDIS_URL= SMTP_HOST= \
    WEBSITE_REVALIDATE_URL= FEEDBACK_RETENTION_CRON=off OVERSIGHT_REMINDER_CRON=off
  if [[ -d "$backup/bucket" ]]; then export S3_BUCKET="$DRILL_S3_BUCKET"; fi
  exec node --max-old-space-size=384 node_modules/@strapi/strapi/bin/strapi.js start
) >"$log" 2>&1 &
node_pid=$!
trap 'kill -TERM "$node_pid" 2>/dev/null; wait "$node_pid" 2>/dev/null || true' EXIT

deadline=$((SECONDS + ${DRILL_READY_TIMEOUT:-180}))
until curl -fs -o /dev/null --max-time 3 "http://127.0.0.1:$port/_ready"; do
  if ! kill -0 "$node_pid" 2>/dev/null || ((SECONDS > deadline)); then
    echo "drill: the node did not become ready; its log:" >&2
    tail -n 40 "$log" >&2
    exit 1
  fi
  sleep 1
done

# Each path's `data` (rows in documentId order, keys sorted) and `meta.pagination` from both: equal or not, and the
# first difference.
# shellcheck disable=SC2086
node - "$source_url" "http://127.0.0.1:$port" $paths <<'JS'
const [source, drill, ...paths] = process.argv.slice(2);
const canonical = (value) =>
  Array.isArray(value)
    ? value.map(canonical)
    : value && typeof value === 'object'
      ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical(value[k])]))
      : value;
const read = async (base, path) => {
  const answer = await fetch(base + path, { headers: { accept: 'application/json' } });
  if (!answer.ok) throw new Error(`${base}${path}: HTTP ${answer.status}`);
  const body = await answer.json();
  const data = Array.isArray(body.data)
    ? [...body.data].sort((x, y) => String(x.documentId).localeCompare(String(y.documentId)))
    : body.data;
  return JSON.stringify(canonical({ data, pagination: body.meta?.pagination }));
};
(async () => {
  let differ = 0;
  for (const path of paths) {
    const [a, b] = await Promise.all([read(source, path), read(drill, path)]);
    const rows = JSON.parse(a).data?.length ?? 0;
    if (a === b) console.log(`same       ${path} (${rows} rows)`);
    else {
      differ += 1;
      let i = 0;
      while (a[i] === b[i]) i += 1;
      console.log(`DIFFERENT  ${path}: source …${a.slice(Math.max(i - 60, 0), i + 60)}…\n           drill  …${b.slice(Math.max(i - 60, 0), i + 60)}…`);
    }
  }
  console.log(differ ? `drill: ${differ} of ${paths.length} paths differ` : `drill: all ${paths.length} paths the same`);
  process.exit(differ ? 1 : 0);
})().catch((error) => {
  console.error(`drill: ${error.message}`);
  process.exit(1);
});
JS
