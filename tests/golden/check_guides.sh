#!/bin/sh
# Every scenario has a facilitator guide (docs/scenarios/ID.md) whose
# generated block matches the scenario file (tools/scenario_guide.lua --check).
# Fails, never skips, when lua5.4 is missing.
set -u
root=${1:?usage: check_guides.sh SOURCE_DIR}
status=0
for f in "$root"/scenarios/*.lua; do
    id=$(basename "$f" .lua)
    if [ ! -f "$root/docs/scenarios/$id.md" ]; then
        echo "check_guides: no facilitator guide docs/scenarios/$id.md" >&2
        status=1
        continue
    fi
    lua5.4 "$root/tools/scenario_guide.lua" --check "$root" "$id" || status=1
done
exit $status
