#!/usr/bin/env bash
# deploy/bin/backup.sh OUT_DIR: a backup of one deployment, taken while it runs.
#   OUT_DIR/database.dump   pg_dump --format=custom of DATABASE_URL
#   OUT_DIR/bucket/         with S3_BUCKET: every object of the bucket (bucket-copy.js: manifest.json + objects/)
#   OUT_DIR/files.tar.gz    without S3_BUCKET (one node on local disk): PRIVATE_UPLOAD_DIR and public/uploads
#   OUT_DIR/backup.json, OUT_DIR/SHA256SUMS
# Reads DATABASE_URL and the S3_* variables as the nodes do: `set -a; . /etc/tthc/node.env; set +a` first.
# APP_ROOT (default: this repository) locates public/uploads and a relative PRIVATE_UPLOAD_DIR.
# The database is dumped before the bucket is copied, so every file a row refers to is in the copy; the files
# added in between are orphans there, which the nodes' sweep removes after a restore.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
APP_ROOT="${APP_ROOT:-$(cd "$here/../.." && pwd)}"
out="${1:-}"
if [[ -z "$out" || $# -ne 1 ]]; then
  echo "usage: backup.sh OUT_DIR" >&2
  exit 2
fi
if [[ -z "${DATABASE_URL:-}" || ! "$DATABASE_URL" =~ ^postgres(ql)?:// ]]; then
  echo "backup.sh: DATABASE_URL must be a postgres:// URL (SQLite: copy the file while the node is stopped)" >&2
  exit 2
fi
if [[ -e "$out" && -n "$(ls -A "$out")" ]]; then
  echo "backup.sh: $out is not empty" >&2
  exit 2
fi
umask 077
mkdir -p "$out"
started="$(date -u +%Y-%m-%dT%H:%M:%SZ)"

echo "backup: database" >&2
pg_dump --format=custom --compress=6 --file "$out/database.dump" "$DATABASE_URL"

if [[ -n "${S3_BUCKET:-}" ]]; then
  mode=s3
  echo "backup: bucket $S3_BUCKET" >&2
  node "$here/bucket-copy.js" download "$out/bucket"
  objects="$(node -e 'console.log(require(process.argv[1]).objects.length)' "$out/bucket/manifest.json")"
else
  mode=disk
  private_dir="${PRIVATE_UPLOAD_DIR:-.tmp/private-uploads}"
  [[ "$private_dir" = /* ]] || private_dir="$APP_ROOT/$private_dir"
  staging="$(mktemp -d)"
  trap 'rm -rf "$staging"' EXIT
  # Two fixed names in the archive, whatever the folders are called here: restore.sh puts them where it is told.
  mkdir -p "$staging/private-uploads" "$staging/uploads"
  [[ -d "$private_dir" ]] && cp -a "$private_dir/." "$staging/private-uploads/"
  [[ -d "$APP_ROOT/public/uploads" ]] && cp -a "$APP_ROOT/public/uploads/." "$staging/uploads/"
  objects="$(find "$staging" -type f | wc -l)"
  echo "backup: $objects files from $private_dir and $APP_ROOT/public/uploads" >&2
  tar -C "$staging" -czf "$out/files.tar.gz" private-uploads uploads
fi

database="$(node -e 'const u=new URL(process.argv[1]);console.log(u.host+u.pathname)' "$DATABASE_URL")"
cat > "$out/backup.json" <<JSON
{
  "format": "tthc-backup/1",
  "startedAt": "$started",
  "finishedAt": "$(date -u +%Y-%m-%dT%H:%M:%SZ)",
  "database": "$database",
  "storage": "$mode",
  "bucket": "${S3_BUCKET:-}",
  "objects": $objects,
  "app": "$(node -p 'require(process.argv[1]).version' "$APP_ROOT/package.json" 2>/dev/null || echo unknown)",
  "commit": "$(git -C "$APP_ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
}
JSON
(cd "$out" && find . -type f ! -name SHA256SUMS ! -path './bucket/objects/*' -printf '%P\n' | sort | xargs -d '\n' sha256sum > SHA256SUMS)
echo "backup: done in $out ($mode, $objects objects)" >&2
