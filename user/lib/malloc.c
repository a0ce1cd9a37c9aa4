// SPDX-License-Identifier: GPL-2.0
/*
 * malloc.c - malloc and free on the two ways a process asks Linux for
 * memory: brk for small blocks, mmap2 for large ones.
 *
 * Small requests (up to 2 KB with the header) are rounded up to a power
 * of two from 16 bytes and served from a free list per size; an empty
 * list is refilled with a 16 KB run from sbrk(), carved into blocks of
 * its size.  Freed small blocks go back to their list and are never
 * returned to the kernel (the heap only grows, as a simple brk heap
 * does).  Large requests get their own anonymous private mapping, given
 * back with munmap() on free: the same split glibc makes at its mmap
 * threshold, so both system calls see real use.
 *
 * Every block is preceded by an 8-byte header (its size class, or its
 * mapping length), which keeps the blocks 8-byte aligned.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define MIN_SHIFT 4 /* 16-byte blocks */
#define MAX_SHIFT 11 /* 2048-byte blocks */
#define NR_CLASSES (MAX_SHIFT - MIN_SHIFT + 1)
#define REFILL_BYTES 16384 /* sbrk() this much for an empty list */
#define PAGE_SIZE 4096

struct header {
	uint32_t class; /* size class, or LARGE */
	uint32_t length; /* large: the mapping's length */
};

#define LARGE 0xffffffffu

struct free_block {
	struct free_block *next; /* the next free block of its class */
};

static struct free_block *free_lists[NR_CLASSES];

static int size_class(size_t total)
{
	int c = 0;

	while (((size_t)1 << (c + MIN_SHIFT)) < total)
		c++;
	return c;
}

static bool refill(int c)
{
	size_t size = (size_t)1 << (c + MIN_SHIFT);
	char *run = sbrk(REFILL_BYTES);

	if (run == (void *)-1)
		return false;
	for (size_t off = 0; off + size <= REFILL_BYTES; off += size) {
		struct free_block *b = (struct free_block *)(run + off);

		b->next = free_lists[c];
		free_lists[c] = b;
	}
	return true;
}

static void *malloc_large(size_t total)
{
	size_t length = (total + PAGE_SIZE - 1) & ~(size_t)(PAGE_SIZE - 1);
	struct header *h;

	if (length < total) {
		errno = ENOMEM;
		return NULL;
	}
	h = mmap(NULL, length, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (h == MAP_FAILED)
		return NULL;
	h->class = LARGE;
	h->length = length;
	return h + 1;
}

void *malloc(size_t size)
{
	size_t total = size + sizeof(struct header);
	struct header *h;
	int c;

	if (total < size) {
		errno = ENOMEM;
		return NULL;
	}
	if (total > ((size_t)1 << MAX_SHIFT))
		return malloc_large(total);
	c = size_class(total);
	if (!free_lists[c] && !refill(c)) {
		errno = ENOMEM;
		return NULL;
	}
	h = (struct header *)free_lists[c];
	free_lists[c] = free_lists[c]->next;
	h->class = c;
	return h + 1;
}

void free(void *ptr)
{
	struct header *h;
	struct free_block *b;
	uint32_t c;

	if (!ptr)
		return;
	h = (struct header *)ptr - 1;
	if (h->class == LARGE) {
		munmap(h, h->length);
		return;
	}
	c = h->class; /* read before b->next overwrites the header */
	b = (struct free_block *)h;
	b->next = free_lists[c];
	free_lists[c] = b;
}

void *calloc(size_t nmemb, size_t size)
{
	size_t total = nmemb * size;
	void *p;

	if (size && total / size != nmemb) {
		errno = ENOMEM;
		return NULL;
	}
	p = malloc(total);
	if (p)
		memset(p, 0, total);
	return p;
}

/* The usable size of a block: what realloc may keep without moving. */
static size_t block_usable(const struct header *h)
{
	if (h->class == LARGE)
		return h->length - sizeof(*h);
	return ((size_t)1 << (h->class + MIN_SHIFT)) - sizeof(*h);
}

void *realloc(void *ptr, size_t size)
{
	size_t old;
	void *p;

	if (!ptr)
		return malloc(size);
	old = block_usable((struct header *)ptr - 1);
	if (size <= old)
		return ptr;
	p = malloc(size);
	if (p) {
		memcpy(p, ptr, old);
		free(ptr);
	}
	return p;
}
