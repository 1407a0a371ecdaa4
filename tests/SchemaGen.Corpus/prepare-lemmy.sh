#!/usr/bin/env bash
# Turns Lemmy's diesel migrations (migrations/<timestamp>_<name>/up.sql, AGPL-3.0, not kept in this repository)
# into SchemaGen SQL-file migrations: Migrations/NNNN_<name>.sql, numbered in diesel's order (the folder names sort
# by timestamp), names in snake_case. The corpus tests skip while Migrations/ is empty.
#
#   bash tests/SchemaGen.Corpus/prepare-lemmy.sh /path/to/lemmy          # a checkout
#   bash tests/SchemaGen.Corpus/prepare-lemmy.sh /path/to/lemmy.git      # or a git directory (its HEAD)
#
# The history stops before the migration named by the second argument (default smoosh_tables_together): from it on,
# Lemmy needs PostgreSQL 16 (a FROM subquery without an alias), and the tests' server is Debian 12's PostgreSQL 15.
# Pass "" to take them all on a newer server.
set -euo pipefail

source=${1:?usage: prepare-lemmy.sh <lemmy checkout or git directory> [first migration name to leave out]}
stop_before=${2-smoosh_tables_together}
here=$(cd "$(dirname "$0")" && pwd)
target="$here/Migrations"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ -d "$source/migrations" ]; then
  cp -r "$source/migrations" "$work/"
else
  git --git-dir="$source" archive HEAD migrations | tar -x -C "$work"
fi

rm -rf "$target"
mkdir -p "$target"
number=0
for folder in $(cd "$work/migrations" && ls -d */ | sort); do
  folder=${folder%/}
  [ -f "$work/migrations/$folder/up.sql" ] || continue
  name=$(echo "${folder#*_}" | tr 'A-Z' 'a-z' | sed -E 's/[^a-z0-9]+/_/g; s/^_+|_+$//g')
  if [ -n "$stop_before" ] && [ "$name" = "$stop_before" ]; then
    break
  fi
  number=$((number + 1))
  printf -v file '%04d_%s.sql' "$number" "$name"
  cp "$work/migrations/$folder/up.sql" "$target/$file"
done

git --git-dir="$source" log -1 --format='%H' > "$target/SOURCE" 2>/dev/null || echo "checkout at $source" > "$target/SOURCE"
echo "Prepared $number migrations in $target"
