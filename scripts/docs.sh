#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Render the API reference of the public headers (bindings/include/kbind/*.h,
# kernel-doc comments converted by scripts/kerneldoc2doxygen) with Doxygen
# into build/docs/html. README.md is the main page when it exists, and
# Documentation/*.md are added as pages.
#
# Prints every warning Doxygen (or the filter) emitted and exits 1 if there
# was any, so that "make docs" doubles as a documentation test.

set -euo pipefail

KBIND_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=$KBIND_ROOT/build/docs
LOG=$OUT/warnings.log

if ! command -v doxygen >/dev/null; then
	"$KBIND_ROOT/scripts/deps.sh"
fi

cd "$KBIND_ROOT"
rm -rf "$OUT/html"
mkdir -p "$OUT"
: >"$LOG"

# Settings that depend on what is in the tree; the rest is in the Doxyfile.
extra=(
	"OUTPUT_DIRECTORY = $OUT"
	"WARN_LOGFILE = $LOG"
	"FILTER_PATTERNS = *.h=$KBIND_ROOT/scripts/kerneldoc2doxygen *.md=$KBIND_ROOT/scripts/kerneldoc2doxygen"
)
if [ -f README.md ]; then
	extra+=("INPUT += README.md" "USE_MDFILE_AS_MAINPAGE = README.md")
fi

rc=0
{ cat Documentation/Doxyfile; printf '%s\n' "${extra[@]}"; } |
	doxygen - >"$OUT/doxygen.out" 2>&1 || rc=$?

# Anything on stdout/stderr (the filter's own warnings, errors) counts too.
cat "$OUT/doxygen.out" >>"$LOG"
if [ -s "$LOG" ] || [ "$rc" -ne 0 ]; then
	cat "$LOG" >&2
	n=$(grep -c . "$LOG" || true)
	echo "docs: doxygen exited $rc with $n line(s) of warnings, see $LOG" >&2
	exit 1
fi
echo "docs: $OUT/html/index.html"
