// Counts heap allocations for the engine's no-per-bar-allocation test. glibc lets a program
// define malloc itself; these forward to glibc's exported __libc_ versions (no dlsym, so no
// recursion while the dynamic loader starts). The count is per thread: tests run in
// parallel, and a backtest runs on the thread that calls it.
#include <stddef.h>
#include <stdlib.h>  // defines __GLIBC__ on glibc, which the test asserts is counting
#include "allocation_counter.h"

#ifdef __GLIBC__
extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *pointer, size_t size);

static _Thread_local unsigned long allocations;

void *malloc(size_t size) {
    allocations += 1;
    return __libc_malloc(size);
}

void *calloc(size_t count, size_t size) {
    allocations += 1;
    return __libc_calloc(count, size);
}

void *realloc(void *pointer, size_t size) {
    allocations += 1;
    return __libc_realloc(pointer, size);
}

unsigned long qbt_allocations(void) { return allocations; }
#else
unsigned long qbt_allocations(void) { return 0; }
#endif
