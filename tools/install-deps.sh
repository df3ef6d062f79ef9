#!/usr/bin/env bash
# Installs the Debian packages tradelint needs to build and test.
# Installs only what is missing, so it is safe to re-run; needs root (or sudo).
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  antlr4 libantlr4-runtime-dev
  nlohmann-json3-dev libre2-dev libfmt-dev libcli11-dev
  libsimdjson-dev libutf8proc-dev libssl-dev libxml2-dev
  # the command line's memory allocator (tools/tradelint/CMakeLists.txt)
  libjemalloc-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  clang libclang-rt-14-dev clang-format
  python3 python3-dev pybind11-dev python3-pytest python3-dask python3-distributed
  nodejs neovim
  # `tradelint serve`: its HTTP library (docs/server.md), and the browser and load generator
  # of its tests and benchmarks
  libcpp-httplib-dev chromium wrk
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
else
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  echo "install-deps: installing ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Test-only tools from the npm registry (tests/node/package.json pins them): the SARIF
# validator, an LSP client library, an OpenAPI validator and a browser driver. The product
# itself never uses them.
node_dir="$(dirname "$0")/../tests/node"
if [ ! -f "$node_dir/node_modules/.package-lock.json" ] \
    || [ "$node_dir/package-lock.json" -nt "$node_dir/node_modules/.package-lock.json" ]; then
  echo "install-deps: installing the test tools in tests/node"
  npm ci --prefix "$node_dir" --no-audit --no-fund --loglevel=error
fi
