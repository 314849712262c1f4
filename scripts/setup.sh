#!/usr/bin/env bash
# Install what hearsay needs on Debian 12 (apt), then configure and build it.
#   scripts/setup.sh            install, build
#   scripts/setup.sh --sample   ... and show the analysis of the bundled sample article (text view)
#   scripts/setup.sh --test     ... and run the whole test suite (C++ and Python)
# One Python interpreter is used everywhere: Debian's /usr/bin/python3, which owns the
# pybind11, pytest and Dask packages installed here.
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-}"
build_dir="${HEARSAY_BUILD_DIR:-build}"
packages=(build-essential cmake pkg-config git libicu-dev libpugixml-dev libstemmer-dev libboost-test-dev
          nlohmann-json3-dev libcli11-dev pybind11-dev python3-dev python3-pytest python3-venv
          python3-pip python3-setuptools python3-wheel python3-dask python3-distributed
          python3-hypothesis python3-jsonschema python3-tqdm clang-format)
# The browser test of the HTML view (--test only): Debian's chromium, headless.
if [ "${1:-}" = "--test" ]; then packages+=(chromium); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  echo "setup: installing ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}"
fi

case "$mode" in
  --sample | --test | "") ;;
  *) echo "setup: unknown option $mode (use --sample or --test)" >&2; exit 2 ;;
esac

jobs="$(nproc 2>/dev/null || echo 2)"
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release -DPython_EXECUTABLE=/usr/bin/python3 \
  -DHEARSAY_WERROR=ON
if [ "$mode" = "--sample" ]; then
  cmake --build "$build_dir" -j "$jobs" --target hearsay_cli   # the program is all it needs
  # The text view (coloured on a terminal); --format json, html or xml for the other views.
  "$build_dir/hearsay" analyze --format text data/sample/article.txt
else
  cmake --build "$build_dir" -j "$jobs"
fi
if [ "$mode" = "--test" ]; then
  # The whole suite, including the wheel built offline and installed into a fresh venv.
  HEARSAY_TEST_WHEEL=1 ctest --test-dir "$build_dir" --output-on-failure -j "$jobs"
fi
