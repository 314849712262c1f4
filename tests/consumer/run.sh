#!/usr/bin/env bash
# Prove that an installed hearsay works in another project: configure and build hearsay in a
# temporary directory, `cmake --install` it to a temporary prefix, build tests/consumer against that
# prefix with find_package(hearsay), run both consumers (compiled and header-only) and the installed
# `hearsay analyze --format json`, and check their output. Exits non-zero on the first failure.
#
#   tests/consumer/run.sh [--cxx COMPILER] [--jobs N] [--shared] [--keep] [--from-build DIR]
#                         [--article FILE]
#
#   --cxx COMPILER    C++ compiler for both builds (default: cmake's choice, or $CXX)
#   --jobs N          parallel build jobs (default 2)
#   --shared          build hearsay as a shared library (BUILD_SHARED_LIBS=ON)
#   --keep            keep the temporary directory (its path is printed)
#   --from-build DIR  install from an existing, already built hearsay build directory instead of
#                     configuring and building a fresh one (faster; used from CTest)
#   --article FILE    the text for `hearsay analyze` (default: ../shared/seed/article.txt next to
#                     the source tree if present, else data/sample/article.txt)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source_dir=$(cd "$here/../.." && pwd)
cxx=${CXX:-}
jobs=2
keep=0
shared=OFF
from_build=
article=

while [[ $# -gt 0 ]]; do
  case $1 in
    --cxx) cxx=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    --shared) shared=ON; shift ;;
    --from-build) from_build=$2; shift 2 ;;
    --article) article=$2; shift 2 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
if [[ -z $article ]]; then
  for candidate in "$(dirname "$source_dir")/shared/seed/article.txt" "$source_dir/data/sample/article.txt"; do
    if [[ -f $candidate ]]; then article=$candidate; break; fi
  done
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/hearsay-consumer.XXXXXX")
cleanup() {
  if [[ $keep == 1 ]]; then echo "run.sh: kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
prefix=$work/prefix
compiler_args=()
if [[ -n $cxx ]]; then compiler_args=(-DCMAKE_CXX_COMPILER="$cxx"); fi
step() { echo "== $*"; }
fail() { echo "run.sh: FAILED: $*" >&2; exit 1; }

# Nothing from the environment or the user's package registry may stand in for the install.
unset CMAKE_PREFIX_PATH hearsay_DIR hearsay_ROOT
isolate=(-DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF -DCMAKE_FIND_USE_SYSTEM_PACKAGE_REGISTRY=OFF)

if [[ -n $from_build ]]; then
  build=$from_build
  step "installing from the existing build $build"
else
  build=$work/build
  step "configuring and building hearsay in $build"
  cmake -S "$source_dir" -B "$build" -DCMAKE_BUILD_TYPE=Release "${compiler_args[@]}" \
    -DHEARSAY_BUILD_TESTS=OFF -DHEARSAY_BUILD_PYTHON=OFF -DHEARSAY_BUILD_BENCH=OFF \
    -DHEARSAY_INSTALL=ON -DHEARSAY_BUILD_CLI=ON -DBUILD_SHARED_LIBS=$shared \
    -DCMAKE_INSTALL_PREFIX="$prefix" >"$work/configure.log" \
    || { cat "$work/configure.log"; fail "configuring hearsay"; }
  cmake --build "$build" -j"$jobs" >"$work/build.log" 2>&1 \
    || { tail -n 50 "$work/build.log"; fail "building hearsay"; }
fi

step "cmake --install to $prefix"
cmake --install "$build" --prefix "$prefix" >"$work/install.log" 2>&1 \
  || { cat "$work/install.log"; fail "cmake --install"; }
for f in include/hearsay/hearsay.hpp include/hearsay/detail/builtin_lexicon.hpp bin/hearsay; do
  [[ -e $prefix/$f ]] || fail "the install lacks $f"
done
config=$(find "$prefix" -name hearsay-config.cmake | head -n 1)
[[ -n $config ]] || fail "the install lacks hearsay-config.cmake"
[[ -n $(find "$prefix" -name hearsay-config-version.cmake) ]] || fail "the install lacks hearsay-config-version.cmake"

step "configuring and building the consumer against $prefix"
cmake -S "$here" -B "$work/consumer" -DCMAKE_BUILD_TYPE=Release "${compiler_args[@]}" \
  -DCMAKE_PREFIX_PATH="$prefix" "${isolate[@]}" >"$work/consumer-configure.log" 2>&1 \
  || { cat "$work/consumer-configure.log"; fail "configuring the consumer (find_package(hearsay))"; }
grep "Found hearsay" "$work/consumer-configure.log"
grep -q "Found hearsay .* in $prefix/" "$work/consumer-configure.log" \
  || fail "find_package(hearsay) did not find the install in $prefix"
cmake --build "$work/consumer" -j"$jobs" >"$work/consumer-build.log" 2>&1 \
  || { tail -n 50 "$work/consumer-build.log"; fail "building the consumer"; }

check_json() {  # name, file
  grep -q '"claims"' "$2" || { cat "$2"; fail "$1 printed no \"claims\""; }
  grep -q '"sentences"' "$2" || { cat "$2"; fail "$1 printed no \"sentences\""; }
  if command -v python3 >/dev/null; then
    python3 -c 'import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    if line.strip(): json.loads(line)' "$2" || fail "$1 printed invalid JSON"
  fi
  echo "$1: ok ($(wc -c <"$2") bytes of JSON)"
}

for exe in consumer consumer_header_only; do
  step "running $exe"
  "$work/consumer/$exe" >"$work/$exe.json" || fail "$exe exited with status $?"
  check_json "$exe" "$work/$exe.json"
done
cmp -s "$work/consumer.json" "$work/consumer_header_only.json" \
  || fail "the compiled and header-only consumers disagree"

if [[ -n $article && -f $article ]]; then
  step "running the installed hearsay analyze --format json $article"
  "$prefix/bin/hearsay" analyze --format json "$article" >"$work/article.json" \
    || fail "hearsay analyze exited with status $?"
  check_json "hearsay analyze" "$work/article.json"
else
  echo "run.sh: no article to analyse; skipped the installed program"
fi
echo "run.sh: install consumer test passed"
