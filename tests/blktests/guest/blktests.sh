# SPDX-License-Identifier: GPL-2.0
#
# Guest entry point of the blktests VM (run by /init with busybox sh): hands
# over to the bash runner next to it, which needs bash as blktests does.

# shellcheck shell=dash
exec bash ./blktests.bash
