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

/// glibc's allocator: the free memory every arena keeps (see `qbt_keep_freed_memory`) goes
/// back to the kernel now. Does nothing without glibc.
void qbt_release_freed_memory(void);

/// Renames `from` to `to` unless something is already at `to` (then -1 with errno EEXIST):
/// Linux renameat2(RENAME_NOREPLACE), atomic, so two processes finishing runs of the same id
/// at once never both take one name. Elsewhere, or where the file system cannot, a check
/// then rename(2), which a directory at `to` with files in it still refuses.
int qbt_rename_no_replace(const char *from, const char *to);

/// An unnamed file in `directory` for writing (Linux O_TMPFILE): it vanishes when closed
/// unless `qbt_link_open_file` gives it a name first, so a run that fails or is killed
/// leaves nothing behind. Returns the descriptor, or -1 (errno set; EOPNOTSUPP elsewhere).
int qbt_open_unnamed_file(const char *directory);

/// Gives the unnamed file open as `fd` the name `path` (linkat through /proc/self/fd);
/// -1 with errno when it cannot (another file system: EXDEV; a name taken: EEXIST).
int qbt_link_open_file(int fd, const char *path);

/// Lowers the calling thread's scheduling priority by `steps` nice levels (Linux threads
/// have their own): background work that should only take time the critical path leaves.
/// Irreversible without privileges, so only for threads made for that work. 0 or -1.
int qbt_lower_thread_priority(int steps);

#endif
