#!/usr/bin/env bash
# WebKitGTK 2.50.6 (Debian 12): a page reloaded while WebAssembly.compile runs on a module of about
# 500 KB can leave its web process spinning at 100 % of a CPU for good; no later load, no
# WebDriver command answered. Not run by scripts/test.sh (it hangs a browser on purpose): a
# check of the browser, for when WebKitGTK is updated. The commit that added it has what it found.
#
#   bash tests/webkit-reload-hang/reproduce.sh [rounds] [seconds] [how]
#
# Each round starts MiniBrowser (a fresh profile, a display of Xvfb's) on index.html, which
# reloads itself at each load; a round ends as a hang when no load has come for 15 s, or as none
# after [seconds] (default 45). how=compile (default): each load compiles the module;
# how=fetch: each load only fetches it (the control: no hang expected). The module is the app's
# start-up module from dist/ (any module of that size does; one of 469 B did not hang).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
ROUNDS=${1:-3}; SECS=${2:-45}; HOW=${3:-compile}
MINIBROWSER=${SHIRUBE_MINIBROWSER:-/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser}
WASM=$(ls ../../dist/wasm-*/shirube_bg.wasm 2>/dev/null | head -1) || true
[[ -n $WASM ]] || { echo "no dist/wasm-*/shirube_bg.wasm: build first (bash scripts/build.sh)"; exit 1; }
work=$(mktemp -d)
cp index.html "$work/" && cp "$WASM" "$work/module.wasm"
port=$((20000 + RANDOM % 20000)); display=:$((100 + RANDOM % 400))
node serve.mjs "$work" "$port" > "$work/beats.log" &
server=$!
Xvfb "$display" -screen 0 1280x1024x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $server $xvfb 2>/dev/null; pkill -f "$work/profile" 2>/dev/null; rm -rf "$work"' EXIT
sleep 1
now_ms() { date +%s%3N; }
for round in $(seq 1 "$ROUNDS"); do
  : > "$work/beats.log"; rm -rf "$work/profile"
  # A profile of its own: XDG_* point at the round's folder (MiniBrowser keeps its data there).
  XDG_DATA_HOME="$work/profile" XDG_CACHE_HOME="$work/profile" DISPLAY=$display \
    setsid "$MINIBROWSER" "http://127.0.0.1:$port/index.html?how=$HOW" >/dev/null 2>&1 &
  browser=$!
  start=$(now_ms)
  while sleep 3; do
    loads=$(grep -c load "$work/beats.log" || true)
    last=$(tail -1 "$work/beats.log" | cut -d' ' -f1)
    if [[ -n $last ]] && (( loads > 1 && $(now_ms) - last > 15000 )); then
      busy=$(ps -eo pcpu,args | awk '/[W]ebKitWebProcess/ { print $1 }' | sort -rn | head -1)
      echo "round $round: HANG after $loads loads ($(( (last - start) / 1000 )) s); web process at ${busy:-?} % CPU"
      break
    fi
    if (( $(now_ms) - start > SECS * 1000 )); then
      echo "round $round: no hang, $loads loads in $SECS s"
      break
    fi
  done
  kill -- -"$browser" 2>/dev/null || true; sleep 1
done
