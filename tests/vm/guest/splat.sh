# SPDX-License-Identifier: GPL-2.0
#
# Extended regular expression matching the kernel log lines that mark a
# splat: warnings, BUGs, oopses, panics, sanitizer, lockdep and kmemleak
# reports, RCU stalls, hung tasks, interrupts nobody handled and runtime PM
# usage counts driven below zero. Sourced by the guest library (lib.sh,
# busybox sh) and by the host runner (run-vm.sh, bash) so both agree on what
# a splat is.

# shellcheck shell=dash disable=SC2034
# lockdep reports start with "WARNING:"; kmemleak's and lockdep's own
# start-up lines ("RCU lockdep checking is enabled", "Kernel memory leak
# detector initialized") are not splats.
KB_SPLAT_RE='WARNING:|BUG:|BUG |kernel BUG|Oops|Kernel panic|general protection'
KB_SPLAT_RE=$KB_SPLAT_RE'|KASAN|UBSAN|refcount_t|Call Trace|ODEBUG:'
KB_SPLAT_RE=$KB_SPLAT_RE'|suspected memory leak|unreferenced object'
KB_SPLAT_RE=$KB_SPLAT_RE'|possible circular locking|possible recursive locking'
KB_SPLAT_RE=$KB_SPLAT_RE'|inconsistent lock state|suspicious RCU usage|INFO: possible'
KB_SPLAT_RE=$KB_SPLAT_RE'|INFO: task .* blocked|detected stall'
KB_SPLAT_RE=$KB_SPLAT_RE'|nobody cared|No irq handler for vector'
KB_SPLAT_RE=$KB_SPLAT_RE'|pagealloc: memory corruption'
KB_SPLAT_RE=$KB_SPLAT_RE'|Runtime PM usage count underflow'

# A case that expects a lockdep cycle report (kb_case_lockdep_cycle in
# lib.sh) first logs KB_CYCLE_MARK; from there on, the report's lines that
# KB_SPLAT_RE matches (KB_CYCLE_RE) are what the case expects, not splats.
# Lockdep reports once per boot, so such a case runs last.
KB_CYCLE_MARK='kbind: a lockdep cycle report is expected'
KB_CYCLE_HEAD='WARNING: possible circular locking dependency detected'
KB_CYCLE_RE=$KB_CYCLE_HEAD'|Call Trace:'
