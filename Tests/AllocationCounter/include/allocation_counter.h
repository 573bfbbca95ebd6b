#ifndef QUANTBT_ALLOCATION_COUNTER_H
#define QUANTBT_ALLOCATION_COUNTER_H

/// How many times malloc, calloc and realloc have been called in this process so far.
/// Linked into the test process only: it defines those three (calling glibc's own
/// __libc_ versions), so every allocation of every thread is counted.
unsigned long qbt_allocations(void);

#endif
