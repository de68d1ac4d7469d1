# SPDX-License-Identifier: GPL-2.0
#
# The kbind platform sample bound to kb_platform_dev.ko's two devices:
# memory resource, typed match info, 100 unbind/bind cycles, unbind while a
# file is open, unload in either order.

. /kbind/lib.sh

kb_case "platform sample: load driver" \
	insmod "$KB_MODULES/kbind_platform_sample.ko"
kb_case "platform sample: devices bind, nodes appear" sh -c \
	"insmod $KB_MODULES/kb_platform_dev.ko && test -c /dev/kbind-pf0 && test -c /dev/kbind-pf1"
for c in $(platform_sample_test); do
	kb_case "platform sample: $c" platform_sample_test "$c"
done
kb_case "platform sample: driver unload unbinds" sh -c \
	"rmmod kbind_platform_sample && ! test -e /dev/kbind-pf0"
kb_case "platform sample: devices go away" rmmod kb_platform_dev
# The other order: devices removed under a bound driver.
kb_case "platform sample: device removal unbinds" sh -c \
	"insmod $KB_MODULES/kbind_platform_sample.ko && insmod $KB_MODULES/kb_platform_dev.ko && exec 3</dev/kbind-pf1 && rmmod kb_platform_dev && ! test -e /dev/kbind-pf1 && ! cat <&3 && exec 3<&- && rmmod kbind_platform_sample"

exit 0
