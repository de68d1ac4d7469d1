# SPDX-License-Identifier: GPL-2.0
#
# Debug kernel only: load the fault injection point that the modules of the
# test build call before every lifecycle step (tests/modules/kbind_fault.c).
# It stays loaded for the whole run.

. /kbind/lib.sh

kb_case "fault point: load kbind_fault" insmod "$KB_MODULES/kbind_fault.ko"
exit 0
