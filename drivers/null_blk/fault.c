// SPDX-License-Identifier: GPL-2.0
/*
 * kbind null_blk: fault injection, as the stock driver has it with
 * CONFIG_BLK_DEV_NULL_BLK_FAULT_INJECTION, through the kernel's
 * fault-injection framework. The module parameters timeout, requeue and
 * init_hctx ("<interval>,<probability>,<space>,<times>") set the module's
 * attributes; every device starts with a copy, and a configfs device's
 * are its timeout_inject, requeue_inject and init_hctx_fault_inject
 * directories.
 */
#include <linux/fault-inject.h>
#include <linux/module.h>

#include <kbind/configfs.h>

#include "kbind_null_blk.h"

static DECLARE_FAULT_ATTR(nullb_timeout_attr);
static DECLARE_FAULT_ATTR(nullb_requeue_attr);
static DECLARE_FAULT_ATTR(nullb_init_hctx_attr);

static char g_timeout_str[80];
module_param_string(timeout, g_timeout_str, sizeof(g_timeout_str), 0444);
MODULE_PARM_DESC(timeout, "Fault injection. timeout=<interval>,<probability>,<space>,<times>");

static char g_requeue_str[80];
module_param_string(requeue, g_requeue_str, sizeof(g_requeue_str), 0444);
MODULE_PARM_DESC(requeue, "Fault injection. requeue=<interval>,<probability>,<space>,<times>");

static char g_init_hctx_str[80];
module_param_string(init_hctx, g_init_hctx_str, sizeof(g_init_hctx_str), 0444);
MODULE_PARM_DESC(init_hctx, "Fault injection to fail hctx init. init_hctx=<interval>,<probability>,<space>,<times>");

/* An empty parameter leaves @attr off; a bad one fails the load. */
static bool nullb_fault_parse(struct fault_attr *attr, char *str)
{
	if (!str[0])
		return true;
	if (!setup_fault_attr(attr, str))
		return false;
	attr->verbose = 0;
	return true;
}

/**
 * nullb_faults_setup() - parse the module's fault-injection parameters
 *
 * Context: module init, before any device exists.
 * Return: 0, or -EINVAL for a parameter setup_fault_attr() refuses.
 */
int nullb_faults_setup(void)
{
	if (!nullb_fault_parse(&nullb_timeout_attr, g_timeout_str) ||
	    !nullb_fault_parse(&nullb_requeue_attr, g_requeue_str) ||
	    !nullb_fault_parse(&nullb_init_hctx_attr, g_init_hctx_str))
		return -EINVAL;
	return 0;
}

/**
 * nullb_faults_init() - a device's fault attributes: the module's
 * @f: the device's (its slot's)
 * @ci: its configfs item, where they become subdirectories; NULL for a
 *	module-parameter device
 *
 * Context: process context, while the device is made.
 */
void nullb_faults_init(struct nullb_faults *f, struct kb_configfs_item *ci)
{
	if (ci) {
		fault_config_init(&f->timeout, "timeout_inject");
		fault_config_init(&f->requeue, "requeue_inject");
		fault_config_init(&f->init_hctx, "init_hctx_fault_inject");
		kb_configfs_add_group(ci, &f->timeout.group);
		kb_configfs_add_group(ci, &f->requeue.group);
		kb_configfs_add_group(ci, &f->init_hctx.group);
	}
	f->timeout.attr = nullb_timeout_attr;
	f->requeue.attr = nullb_requeue_attr;
	f->init_hctx.attr = nullb_init_hctx_attr;
}
