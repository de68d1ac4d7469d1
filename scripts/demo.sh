#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The main job: install what is missing, build the reference drivers for
# every supported kernel, boot each kernel in QEMU with them and show them
# working. Exits non-zero if any step failed.

set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

scripts/deps.sh
scripts/test-kernel.sh 7.2 >/dev/null
make -s all

rc=0
while read -r krel label _ image modroot; do
	echo "=== Linux $krel: the kbind samples in a VM"
	# The samples, and the test modules standing in for the platform
	# sample's firmware and for the PHYs.
	mapfile -t kos < <(find "build/$krel/drivers" -name '*.ko' | sort)
	kos+=("build/$krel/tests/modules/kb_platform_dev.ko"
	      "build/$krel/tests/modules/kb_mdio_emu.ko")
	tests/vm/run-vm.sh --kver "$krel" --kernel "$image" \
		--modroot "$modroot" --label "$label" \
		--out "build/demo/$label" --ko "${kos[*]}" \
		--bin "build/user/kbind_misc_ctl build/user/kbind_edu_ctl" \
		--kmod "configfs libphy" --qemu-args "-device pci-testdev -device edu" \
		--tests scripts/demo-guest ||
		rc=1
done < <(scripts/kernels.sh --all)
exit $rc
