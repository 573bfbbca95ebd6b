#ifndef QUANTBT_CPREFETCH_H
#define QUANTBT_CPREFETCH_H

/// Asks the CPU to bring the cache line holding `address` in ahead of its use (a hint: it
/// never faults, whatever the address). Swift has no prefetch of its own; the engine uses
/// this to read many symbols' columns at once, more streams than the hardware prefetcher
/// follows (10 symbols are 60 columns).
static inline void qbt_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }

#endif
