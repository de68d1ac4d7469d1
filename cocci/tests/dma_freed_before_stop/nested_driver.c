// SPDX-License-Identifier: GPL-2.0
/*
 * An EISA SCSI driver names remove in its struct device_driver: it unmaps
 * the mailbox buffer before scsi_remove_host(), while commands can still
 * be queued and completed through it.
 */
#include <linux/dma-mapping.h>
#include <linux/eisa.h>
#include <scsi/scsi_host.h>

struct ahb_hostdata {
	void *ecb;
	dma_addr_t ecb_dma_addr;
};

static int ahb_queuecommand(struct Scsi_Host *shost, struct scsi_cmnd *cmd)
{
	struct ahb_hostdata *host = shost_priv(shost);

	return host->ecb_dma_addr ? 0 : SCSI_MLQUEUE_HOST_BUSY;
}

static const struct scsi_host_template ahb_template = {
	.queuecommand = ahb_queuecommand,
};

static int ahb_probe(struct device *dev)
{
	struct Scsi_Host *shost = scsi_host_alloc(&ahb_template,
						  sizeof(struct ahb_hostdata));
	struct ahb_hostdata *host = shost_priv(shost);

	host->ecb_dma_addr = dma_map_single(dev, host->ecb, PAGE_SIZE,
					    DMA_BIDIRECTIONAL);
	dev_set_drvdata(dev, shost);
	return scsi_add_host(shost, dev);
}

static int ahb_remove(struct device *dev)
{
	struct Scsi_Host *shost = dev_get_drvdata(dev);
	struct ahb_hostdata *host = shost_priv(shost);

	dma_unmap_single(dev, host->ecb_dma_addr, PAGE_SIZE, /* EXPECT */
			 DMA_BIDIRECTIONAL);
	scsi_remove_host(shost);
	scsi_host_put(shost);
	return 0;
}

static struct eisa_driver ahb_driver = {
	.driver = {
		.name = "ahb",
		.probe = ahb_probe,
		.remove = ahb_remove,
	},
};
