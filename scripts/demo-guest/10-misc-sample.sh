# SPDX-License-Identifier: GPL-2.0
#
# What a new user sees of the kbind misc sample: load it, find its node, use
# it from the shell and from its client, unload it cleanly. Each step prints
# the command and its output; a failing step fails the demo.

. /kbind/lib.sh

node=/dev/kbind-misc-sample

kb_case "load the sample" kb_show insmod "$KB_MODULES/kbind_misc_sample.ko"
kb_case "its device node" kb_show ls -l "$node"
kb_case "write to it" kb_show sh -c "echo 'hello from the guest' > $node"
kb_case "read it back" kb_show cat "$node"
# kb_case starts each step with an empty kernel log: this shows what
# the driver logged for the hello.
hello() {
	kb_show kbind_misc_ctl hello && kb_show dmesg
}
kb_case "say hello (ioctl), and what the driver logged" hello
kb_case "set the value (ioctl)" kb_show kbind_misc_ctl set 42
kb_case "get the value (ioctl)" kb_show kbind_misc_ctl get
kb_case "a bad value is refused" kb_show sh -c '! kbind_misc_ctl set -5'
kb_case "unload it" kb_show rmmod kbind_misc_sample
kb_case "the node is gone" kb_show sh -c "! ls $node"

exit 0
