# SPDX-License-Identifier: GPL-2.0
#
# Extended regular expression matching the kernel log lines that mark a
# splat: warnings, BUGs, oopses, panics, sanitizer, lockdep and kmemleak
# reports, RCU stalls and hung tasks. Sourced by the guest library (lib.sh,
# busybox sh) and by the host runner (run-vm.sh, bash) so both agree on what
# a splat is.

# shellcheck shell=dash disable=SC2034
KB_SPLAT_RE='WARNING:|BUG:|BUG |kernel BUG|Oops|Kernel panic|general protection'
KB_SPLAT_RE=$KB_SPLAT_RE'|KASAN|UBSAN|kmemleak|refcount_t|Call Trace'
KB_SPLAT_RE=$KB_SPLAT_RE'|lockdep|possible circular locking|INFO: possible'
KB_SPLAT_RE=$KB_SPLAT_RE'|INFO: task .* blocked|detected stall'
