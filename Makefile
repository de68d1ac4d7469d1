# SPDX-License-Identifier: GPL-2.0
#
# kbind: build the drivers for every supported kernel, run the tests, render
# the docs. "make help" lists the targets.

KBIND_ROOT := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))
BUILD := $(KBIND_ROOT)/build

# Kernels to build for: KDIR=... selects one, else every supported kernel
# there is (Debian 6.1 and 6.12, and 7.2 once built: scripts/kernels.sh).
# Each builds in build/<its release>/.
ifdef KDIR
KDIRS := $(KDIR)
else
KDIRS := $(shell $(KBIND_ROOT)/scripts/kernels.sh --kdir)
endif
krel_of = $(shell sed -n 's/^\#define UTS_RELEASE "\(.*\)"/\1/p' \
	    $(1)/include/generated/utsrelease.h)
KRELS := $(foreach d,$(KDIRS),$(call krel_of,$(d)))
# The build tree of release $(1).
kdir = $(firstword $(foreach d,$(KDIRS),$(if $(filter $(1),$(call krel_of,$(d))),$(d))))
# sparse for C=1/C=2: the one deps.sh builds (Debian 12's cannot parse 7.2).
SPARSE := $(firstword $(wildcard $(or $(KBIND_CACHE),/var/cache/kbind)/sparse/bin/sparse) sparse)

# Source trees mirrored (as symlinks) into build/<release>/.
KSRC := Kbuild drivers kunit tests/modules bench/modules

# Static user programs for the VM: test programs, and the samples' clients.
USER_CFLAGS := -static -O2 -Wall -Wextra -Werror -I$(KBIND_ROOT)/drivers \
	-I$(KBIND_ROOT)/tests/modules
USER_SRCS := $(wildcard tests/user/*.c) drivers/samples/misc/kbind_misc_ctl.c \
	drivers/samples/pci/kbind_edu_ctl.c
USER_HDRS := $(wildcard drivers/*/*/*.h tests/modules/*.h tests/user/*.h)
USER_PROGS := $(addprefix $(BUILD)/user/,$(basename $(notdir $(USER_SRCS))))
# 32-bit builds exercise the compat_ioctl paths.
USER_PROGS += $(BUILD)/user/misc_sample_test32
vpath %.c tests/user drivers/samples/misc drivers/samples/pci

.PHONY: all modules user test demo docs clean help deps cocci cocci-test \
	cocci-survey cocci-recall FORCE
all: modules user

deps:
	@$(KBIND_ROOT)/scripts/deps.sh

modules: $(addprefix $(BUILD)/,$(addsuffix /.built,$(KRELS)))

# C=1 runs sparse on what gets rebuilt, C=2 on everything.
$(BUILD)/%/.built: FORCE
	@for s in $(KSRC); do d=$(BUILD)/$*/$$(dirname $$s); \
		mkdir -p $$d && cp -rsf $(KBIND_ROOT)/$$s $$d/ || exit 1; done
	$(MAKE) -C $(call kdir,$*) M=$(BUILD)/$* KBIND_ROOT=$(KBIND_ROOT) \
		$(if $(C),C=$(C) CHECK=$(SPARSE)) \
		$(if $(KBIND_FAULT_INJECTION),KBIND_FAULT_INJECTION=y) modules
	@touch $@

user: $(USER_PROGS)

$(BUILD)/user/%: %.c $(USER_HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(USER_CFLAGS) -o $@ $<

$(BUILD)/user/%32: %.c $(USER_HDRS)
	@mkdir -p $(dir $@)
	$(CC) -m32 $(USER_CFLAGS) -o $@ $<

test:
	@$(KBIND_ROOT)/tests/run.sh

demo:
	@$(KBIND_ROOT)/scripts/demo.sh

docs:
	@$(KBIND_ROOT)/scripts/docs.sh

# Coccinelle rules: over kbind (or DIR=...), their tests, the kernel survey.
cocci:
	@$(KBIND_ROOT)/scripts/cocci.sh check $(DIR)

cocci-test:
	@$(KBIND_ROOT)/scripts/cocci.sh test

cocci-survey:
	@$(KBIND_ROOT)/scripts/cocci.sh survey

cocci-recall:
	@$(KBIND_ROOT)/scripts/cocci.sh recall

clean:
	rm -rf $(BUILD)

help:
	@echo 'make [KDIR=<kernel build dir>]  build modules (every supported kernel) and test programs'
	@echo 'make demo   install what is missing, build, boot each kernel and show the sample working'
	@echo 'make test   install what is missing, run every test; ends with "N passed, N failed"'
	@echo 'make docs   render the API reference with Doxygen into build/docs'
	@echo 'make cocci [DIR=...]  Coccinelle rules over kbind (or DIR); non-zero on findings'
	@echo 'make cocci-test       the rules'"'"' test cases'
	@echo 'make cocci-survey     the rules over drivers/ of linux-source-6.12 (slow)'
	@echo 'make cocci-recall     the rules over bugs injected into real drivers (slow)'
	@echo 'make C=2    build with sparse'
	@echo 'make KBIND_FAULT_INJECTION=y KDIR=...  test build with a fault injection point per step'
	@echo 'make blktests [KVER=7.2|debug] [BLKTESTS_REPEAT=N]  blktests null_blk tests, stock vs kbind drop-in (slow)'

FORCE:

# Not part of "make test": its time is in README.md (Benchmark).
.PHONY: bench
bench:
	@$(KBIND_ROOT)/scripts/deps.sh --bench
	$(MAKE) modules
	@BENCH_KERNELS="$(KRELS)" $(KBIND_ROOT)/bench/run.sh

# Not part of "make test": blktests' null_blk tests in TCG guests, the
# kernel's stock null_blk against kbind's drop-in, one table. KVER=<label
# or release> picks a kernel (default: all, and the debug kernel for the
# fault-injection tests once make test built it; KVER=debug runs only
# those), BLKTESTS_REPEAT=N repeats
# (timing flakes), BLKTESTS=<dir> is the blktests tree (default
# ../shared/blktests), BLKTESTS_WRITE_PASS_LIST=1 rewrites
# tests/blktests/pass-on-stock-<label>, which make test uses. See
# tests/blktests/run.sh.
.PHONY: blktests
blktests:
	@$(KBIND_ROOT)/scripts/deps.sh
	$(MAKE) modules
	@if [ -z "$(KVER)" ] || [ "$(KVER)" = debug ]; then \
		dk=$$($(KBIND_ROOT)/scripts/test-kernel.sh debug --cached) || exit 0; \
		$(MAKE) KDIR=$$dk/build KBIND_FAULT_INJECTION=y modules; \
	fi
	@$(KBIND_ROOT)/tests/blktests/run.sh $(if $(KVER),--kernels "$(KVER)") \
		--repeat $(or $(BLKTESTS_REPEAT),1) \
		$(if $(BLKTESTS_WRITE_PASS_LIST),--write-pass-list $(KBIND_ROOT)/tests/blktests)
