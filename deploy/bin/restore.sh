#!/usr/bin/env bash
# deploy/bin/restore.sh IN_DIR: restores a backup of backup.sh into DATABASE_URL and S3_BUCKET (or, for a disk
# backup, PRIVATE_UPLOAD_DIR and public/uploads), which may be other ones than the backup's.
# Stop every node first (systemctl stop tthc.target): the database is replaced in one transaction.
# The objects are uploaded only after every file of the backup has been checked against its manifest.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
APP_ROOT="${APP_ROOT:-$(cd "$here/../.." && pwd)}"
in="${1:-}"
if [[ -z "$in" || $# -ne 1 || ! -f "$in/database.dump" ]]; then
  echo "usage: restore.sh IN_DIR (a folder written by backup.sh)" >&2
  exit 2
fi
if [[ -z "${DATABASE_URL:-}" || ! "$DATABASE_URL" =~ ^postgres(ql)?:// ]]; then
  echo "restore.sh: DATABASE_URL must be a postgres:// URL" >&2
  exit 2
fi
if [[ -d "$in/bucket" && -z "${S3_BUCKET:-}" ]]; then
  echo "restore.sh: this backup holds a bucket: set S3_BUCKET (and S3_ENDPOINT, keys) to restore into" >&2
  exit 2
fi

echo "restore: checking the backup's files" >&2
(cd "$in" && sha256sum --quiet -c SHA256SUMS)
if [[ -d "$in/bucket" ]]; then node "$here/bucket-copy.js" check "$in/bucket"; fi

echo "restore: database" >&2
# --no-owner/--no-acl: the target's roles need not be the source's. One transaction: on any error, nothing changes.
pg_restore --clean --if-exists --no-owner --no-acl --single-transaction --exit-on-error \
  --dbname "$DATABASE_URL" "$in/database.dump"

# --clean replaces the backup's own tables; tables it does not have stay (a newer version's, or another app's).
extra="$(comm -13 \
  <(pg_restore --list "$in/database.dump" | sed -nE 's/^[0-9]+; [0-9]+ [0-9]+ TABLE ([^ ]+) ([^ ]+) .*/\1.\2/p' | sort -u) \
  <(psql -Atq "$DATABASE_URL" -c "SELECT schemaname || '.' || tablename FROM pg_tables
      WHERE schemaname NOT IN ('pg_catalog', 'information_schema')" | sort -u))"
if [[ -n "$extra" ]]; then
  echo "restore: warning: these tables were already there and are not in the backup (restore into an empty database to avoid them):" >&2
  echo "$extra" | sed 's/^/  /' >&2
fi

if [[ -d "$in/bucket" ]]; then
  echo "restore: objects into bucket $S3_BUCKET" >&2
  node "$here/bucket-copy.js" upload "$in/bucket" --checked
elif [[ -f "$in/files.tar.gz" ]]; then
  private_dir="${PRIVATE_UPLOAD_DIR:-.tmp/private-uploads}"
  [[ "$private_dir" = /* ]] || private_dir="$APP_ROOT/$private_dir"
  staging="$(mktemp -d)"
  trap 'rm -rf "$staging"' EXIT
  tar -C "$staging" -xzf "$in/files.tar.gz"
  mkdir -p "$private_dir" "$APP_ROOT/public/uploads"
  cp -a "$staging/private-uploads/." "$private_dir/"
  chmod 700 "$private_dir"
  cp -a "$staging/uploads/." "$APP_ROOT/public/uploads/"
  echo "restore: files into $private_dir and $APP_ROOT/public/uploads" >&2
fi
echo "restore: done; start the nodes and check /_ready, then the drill in docs/DEPLOYMENT.md" >&2
