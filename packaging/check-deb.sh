#!/usr/bin/env bash
# Build the .deb from a build folder, check it with lintian (no errors), then
# unpack it into a temporary root and run the unpacked binary from another
# folder, with no source tree in reach: a headless ransomware drill from the
# packaged model answer, then its scorecard. With --install, also installs
# the package with apt (resolving its Depends) and runs /usr/bin/tabletop.
# Usage: packaging/check-deb.sh BUILD_DIR [--install]
set -euo pipefail
build=$(cd "$1" && pwd)
(cd "$build" && cpack -G DEB >/dev/null)
deb=$(ls "$build"/tabletop_*.deb | head -n 1)
echo "package: $deb"
dpkg-deb -f "$deb" Depends
lintian --fail-on error "$deb"

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root/root"
mkdir "$root/elsewhere"
cd "$root/elsewhere"
env -u TABLETOP_SCENARIOS HOME="$root" XDG_DATA_HOME="$root/data" \
  "$root/root/usr/bin/tabletop" run ransomware \
  --script "$root/root/usr/share/tabletop/scenarios/answers/ransomware/model.yaml" \
  --ui none --journal "$root/j.yaml" --scorecard "$root/card.html" >/dev/null
grep -q "path: \"$root/root/usr/share/tabletop/scenarios/ransomware.lua\"" "$root/j.yaml"
test -s "$root/card.html"
# Packed relative relocations (DT_RELR) need glibc 2.36's loader: a file
# that asks for GLIBC_ABI_DT_RELR (a version, not a symbol: dpkg-shlibdeps
# does not see it) must come with that libc6 in Depends, or the package
# installs where the program cannot start.
for f in "$root/root/usr/bin/tabletop" "$root"/root/usr/lib/tabletop/modules/*.so; do
  if readelf -V "$f" | grep -q GLIBC_ABI_DT_RELR &&
     ! dpkg-deb -f "$deb" Depends | grep -qE 'libc6 \(>= 2\.(3[6-9]|[4-9][0-9])'; then
    echo "$f needs GLIBC_ABI_DT_RELR (glibc 2.36) but Depends does not say libc6 (>= 2.36)" >&2
    exit 1
  fi
done
# The program maps no SDL2/X11/audio, libwebsockets, libpq, Graphviz,
# readline, SQLite or zlib: those are in the modules
# (lib/tabletop/modules/*.so), which it finds beside itself.
if readelf -d "$root/root/usr/bin/tabletop" | grep NEEDED |
   grep -E 'SDL2|X11|asound|pulse|websockets|libpq|gvc|libcrypto|readline|sqlite|libz\.'; then
  echo "the program links a library that belongs in a module" >&2
  exit 1
fi
# Lua is linked into the program (statically where liblua5.4.a is installed):
# a module must need no Lua library of its own, and every Lua function it
# calls must be one the program exports (one copy of Lua per process). The
# same for jansson where the program holds it (statically where
# libjansson.a is installed: then the program needs no libjansson either).
exported=$(nm -D --defined-only "$root/root/usr/bin/tabletop" | awk '{print $3}')
own_jansson=0
if ! readelf -d "$root/root/usr/bin/tabletop" | grep NEEDED | grep -q libjansson; then
  own_jansson=1
fi
for mod in "$root"/root/usr/lib/tabletop/modules/*.so; do
  if readelf -d "$mod" | grep NEEDED | grep -q liblua; then
    echo "$mod links its own Lua library" >&2
    exit 1
  fi
  if [ "$own_jansson" = 1 ] && readelf -d "$mod" | grep NEEDED | grep -q libjansson; then
    echo "$mod links its own jansson, the program holds one" >&2
    exit 1
  fi
  pattern='^luaL?_'
  if [ "$own_jansson" = 1 ]; then
    pattern='^(luaL?_|json_)'
  fi
  for sym in $(nm -D --undefined-only "$mod" | awk '{print $2}' | grep -E "$pattern" || true); do
    if ! grep -qx "$sym" <<<"$exported"; then
      echo "$mod needs $sym, which the program does not export" >&2
      exit 1
    fi
  done
done
env -u TABLETOP_SCENARIOS HOME="$root" XDG_DATA_HOME="$root/data" \
  "$root/root/usr/bin/tabletop" run ransomware \
  --script "$root/root/usr/share/tabletop/scenarios/answers/ransomware/model.yaml" \
  --snapshot "$root/board.png" --at 30m --size 640x360 >/dev/null
test -s "$root/board.png"
echo "unpacked package runs from $root/elsewhere (dashboard module too): ok"

if [ "${2:-}" = --install ]; then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
  $SUDO apt-get install -y --no-install-recommends "$deb" >/dev/null
  cd /
  env -u TABLETOP_SCENARIOS HOME="$root" XDG_DATA_HOME="$root/data" \
    tabletop run ransomware --script /usr/share/tabletop/scenarios/answers/ransomware/model.yaml \
    --ui none --no-scorecard >/dev/null
  tabletop --version
  echo "installed package runs from /: ok"
fi
