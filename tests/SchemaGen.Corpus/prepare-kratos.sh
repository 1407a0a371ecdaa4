#!/usr/bin/env bash
# A second real history for the corpus tests: Ory Kratos's pop migrations (persistence/sql/migrations/sql, Apache-2.0, not
# kept in this repository), 346 of them, as SchemaGen SQL-file migrations in Migrations/ (replacing what is there).
# For each migration it takes the PostgreSQL file (NAME.postgres[.autocommit].up.sql), else the dialect-free one; an
# autocommit one becomes non-transactional. Names repeat in Kratos's history, so each gets its number as a suffix.
#
#   bash tests/SchemaGen.Corpus/prepare-kratos.sh /path/to/kratos          # a checkout
#   bash tests/SchemaGen.Corpus/prepare-kratos.sh /path/to/kratos.git      # or a git directory (its HEAD)
set -euo pipefail

source=${1:?usage: prepare-kratos.sh <kratos checkout or git directory>}
here=$(cd "$(dirname "$0")" && pwd)
target="$here/Migrations"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ -d "$source/persistence" ]; then
  cp -r "$source/persistence/sql/migrations/sql" "$work/sql"
else
  git --git-dir="$source" archive HEAD persistence/sql/migrations/sql | tar -x -C "$work"
  mv "$work/persistence/sql/migrations/sql" "$work/sql"
fi

rm -rf "$target"
mkdir -p "$target"
cd "$work/sql"
number=0
for base in $(ls | grep -E '\.up\.sql$' | sed -E 's/(\.(postgres|mysql|sqlite3|sqlite|cockroach))?(\.autocommit)?\.up\.sql$//' | sort -u); do
  file=""
  for candidate in "$base.postgres.up.sql" "$base.postgres.autocommit.up.sql" "$base.up.sql" "$base.autocommit.up.sql"; do
    if [ -f "$candidate" ]; then file=$candidate; break; fi
  done
  [ -n "$file" ] || continue
  number=$((number + 1))
  name=$(echo "${base#*_}" | tr 'A-Z' 'a-z' | sed -E 's/[^a-z0-9]+/_/g; s/^_+|_+$//g')
  printf -v out '%04d_%s_v%04d.sql' "$number" "${name:0:50}" "$number"
  if [[ "$file" == *autocommit* ]]; then
    { echo "-- transactional: false"; cat "$file"; } > "$target/$out"
  else
    cp "$file" "$target/$out"
  fi
done

git --git-dir="$source" log -1 --format='%H' > "$target/SOURCE" 2>/dev/null || echo "checkout at $source" > "$target/SOURCE"
echo "Prepared $number migrations in $target"
