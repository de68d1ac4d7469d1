# SPDX-License-Identifier: GPL-2.0
#
# The kernel's function symbols for "make bench" (busybox sh; booted with
# nokaslr, so they are where they will be in the counting VM): one line
# "ksym,ADDRESS,NAME" each on the results channel, then "ksym-end,ADDRESS"
# for the end of the kernel image (_end).

# shellcheck shell=dash
# shellcheck source-path=SCRIPTDIR source=../../tests/vm/guest/lib.sh
. /kbind/lib.sh

awk 'NF == 3 && $2 ~ /^[tTwW]$/ { print "ksym," $1 "," $3 }
     NF == 3 && $3 == "_end" { end = $1 }
     END { print "ksym-end," end }' /proc/kallsyms >"$KB_RESULTS"
