#ifndef QUANTBT_ALLOCATION_COUNTER_H
#define QUANTBT_ALLOCATION_COUNTER_H

/// How many times this thread has called malloc, calloc and realloc so far. Linked into
/// the test process and engine-bench only: it defines those three (calling glibc's own
/// __libc_ versions), so every allocation is counted, each on its own thread.
unsigned long qbt_allocations(void);

#endif
