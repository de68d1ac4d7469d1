/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kbind mmap helpers: what a misc node's typed mmap operation maps, device
 * memory or a DMA buffer of its owner, with the checks a driver forgets.
 *
 * The mapping is linked to the node (see <kbind/misc.h>), which zaps it at
 * teardown before the memory behind it is released; a later access gets
 * SIGBUS. The helpers map from the start of the buffer or BAR whatever
 * the file offset the caller used (the operation chooses the object by
 * kb_mmap_offset()), refuse a mapping longer than the object, and map
 * read-only when asked to, so that mprotect() cannot make it writable.
 */
#ifndef _KBIND_MMAP_H
#define _KBIND_MMAP_H

#include <linux/mm.h>

#include <kbind/compat.h>
#include <kbind/dma.h>
#include <kbind/misc.h>
#include <kbind/pci.h>

/**
 * kb_mmap_offset() - the file offset the mapping was asked at
 * @vm: the mmap operation's argument
 *
 * Context: inside the mmap operation.
 * Return: the offset in bytes, a multiple of the page size.
 */
static inline unsigned long kb_mmap_offset(const struct kb_mmap *vm)
{
	return ACCESS_PRIVATE(vm, vma)->vm_pgoff << PAGE_SHIFT;
}

/**
 * kb_mmap_len() - the length of the mapping asked for
 * @vm: the mmap operation's argument
 *
 * Context: inside the mmap operation.
 * Return: the length in bytes, a multiple of the page size.
 */
static inline unsigned long kb_mmap_len(const struct kb_mmap *vm)
{
	struct vm_area_struct *vma = ACCESS_PRIVATE(vm, vma);

	return vma->vm_end - vma->vm_start;
}

/*
 * Common checks: the mapping fits @size bytes (rounded up to a page);
 * read-only if asked (and kept so); the object is mapped from its start.
 */
static inline int __kb_mmap_prepare(struct vm_area_struct *vma, size_t size,
				    bool writable)
{
	if (vma->vm_end - vma->vm_start > PAGE_ALIGN(size))
		return -EINVAL;
	if (!writable) {
		if (vma->vm_flags & VM_WRITE)
			return -EACCES;
		vm_flags_clear(vma, VM_MAYWRITE);
	}
	vma->vm_pgoff = 0;
	return 0;
}

static inline int __kb_mmap_dma(struct kb_mmap *vm, struct kb_dma_buf *b,
				bool writable)
{
	struct vm_area_struct *vma = ACCESS_PRIVATE(vm, vma);
	int ret = __kb_mmap_prepare(vma, b->size, writable);

	if (ret)
		return ret;
	return dma_mmap_coherent(b->ctx->dev, vma, b->cpu, b->addr, b->size);
}

/**
 * kb_mmap_dma() - map a coherent DMA buffer of the owner
 * @vm: the mmap operation's argument
 * @buf: an allocated KB_DECLARE_DMA_COHERENT() buffer (a streaming one does not
 *	compile: the device and the CPU own it in turn)
 * @writable: whether user space may write to it
 *
 * Context: inside the mmap operation.
 * Return: 0; -EINVAL if the mapping is longer than the buffer (rounded up
 * to a page); -EACCES for a writable mapping of a read-only one; or the
 * error of dma_mmap_coherent().
 */
#define kb_mmap_dma(vm, buf, writable)					\
	__kb_mmap_dma(vm, &(buf)->raw + 0 * sizeof((buf)->coherent),	\
		      writable)

static inline int __kb_mmap_pci_bar(struct kb_mmap *vm,
				    const struct kb_pci_bar *bar, bool writable)
{
	struct vm_area_struct *vma = ACCESS_PRIVATE(vm, vma);
	int ret = __kb_mmap_prepare(vma, bar->len, writable);

	if (ret)
		return ret;
	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	return vm_iomap_memory(vma, pci_resource_start(bar->pdev, bar->index),
			       vma->vm_end - vma->vm_start);
}

/**
 * kb_mmap_pci_bar() - map the start of a PCI BAR of the owner, uncached
 * @vm: the mmap operation's argument
 * @bar: a mapped KB_PCI_BAR()
 * @writable: whether user space may write the registers (a device whose
 *	registers can make it misbehave, DMA addresses for instance, maps
 *	read-only)
 *
 * Context: inside the mmap operation.
 * Return: 0; -EINVAL if the mapping is longer than the BAR; -EACCES for a
 * writable mapping of a read-only one; or the error of vm_iomap_memory().
 */
#define kb_mmap_pci_bar(vm, bar, writable)				\
	__kb_mmap_pci_bar(vm, &(bar)->raw, writable)

#endif /* _KBIND_MMAP_H */
