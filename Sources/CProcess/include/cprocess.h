#ifndef QUANTBT_CPROCESS_H
#define QUANTBT_CPROCESS_H

#include <stddef.h>

/// Asks the kernel to send `signal` to this process when its parent dies (Linux
/// prctl(PR_SET_PDEATHSIG)); prctl is variadic, so Swift cannot call it directly.
/// Returns 0, or -1 where there is no such call.
int qbt_die_with_parent(int signal);

/// glibc's allocator: blocks above `map_above` bytes are mapped on their own (and unmapped
/// when freed); free heap above `trim_above` bytes goes back to the kernel. Does nothing
/// without glibc. See MemoryTuning.swift.
void qbt_keep_freed_memory(size_t map_above, size_t trim_above);

#endif
