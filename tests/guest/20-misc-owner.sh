# SPDX-License-Identifier: GPL-2.0
#
# A kbind misc node whose owner is torn down while files are open
# (tests/modules/kb_misc_owner.ko).

. /kbind/lib.sh

kb_case "misc owner: load" insmod "$KB_MODULES/kb_misc_owner.ko"
for c in $(misc_owner_test); do
	kb_case "misc owner: $c" misc_owner_test "$c"
done
kb_case "misc owner: unload" rmmod kb_misc_owner
kb_case "misc owner: nodes gone after unload" \
	sh -c '! test -e /dev/kbind-victim && ! test -e /dev/kbind-owner-ctl'

exit 0
