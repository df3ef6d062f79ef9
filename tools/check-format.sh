#!/usr/bin/env bash
# Checks that every tracked C++ file is formatted as .clang-format says; with --fix, rewrites
# the files that are not. Exits 1 when a file needs formatting (and --fix was not given).
# Usage: tools/check-format.sh [--fix] [SOURCE_DIR]
set -euo pipefail

fix=false
if [ "${1:-}" = "--fix" ]; then
  fix=true
  shift
fi
cd "${1:-$(dirname "$0")/..}"

clang_format=${CLANG_FORMAT:-}
if [ -z "$clang_format" ]; then
  for candidate in clang-format clang-format-14; do
    if command -v "$candidate" >/dev/null; then
      clang_format=$candidate
      break
    fi
  done
fi
if [ -z "$clang_format" ]; then
  echo "check-format: clang-format not found (tools/install-deps.sh installs it)" >&2
  exit 2
fi

mapfile -d '' files < <(git ls-files -z -- '*.h' '*.cc' '*.cpp' '*.hpp')
if $fix; then
  "$clang_format" -i --style=file "${files[@]}"
  echo "check-format: formatted ${#files[@]} files"
elif "$clang_format" --dry-run --Werror --style=file "${files[@]}"; then
  echo "check-format: ${#files[@]} files formatted"
else
  echo "check-format: the files above need formatting; run tools/check-format.sh --fix" >&2
  exit 1
fi
