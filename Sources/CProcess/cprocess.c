#include "cprocess.h"
#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>
#ifdef __linux__
#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif
#ifdef __GLIBC__
#include <malloc.h>
#endif

int qbt_die_with_parent(int signal) {
#ifdef __linux__
    return prctl(PR_SET_PDEATHSIG, signal);
#else
    (void)signal;
    return -1;
#endif
}

void qbt_keep_freed_memory(size_t map_above, size_t trim_above) {
#ifdef __GLIBC__
    mallopt(M_MMAP_THRESHOLD, (int)map_above);
    mallopt(M_TRIM_THRESHOLD, (int)trim_above);
#else
    (void)map_above;
    (void)trim_above;
#endif
}

int qbt_rename_no_replace(const char *from, const char *to) {
#if defined(__linux__) && defined(SYS_renameat2)
    long done = syscall(SYS_renameat2, AT_FDCWD, from, AT_FDCWD, to, 1 /* RENAME_NOREPLACE */);
    if (done == 0) return 0;
    if (errno != ENOSYS && errno != EINVAL) return -1;
#endif
    struct stat existing;
    if (lstat(to, &existing) == 0) { errno = EEXIST; return -1; }
    return rename(from, to);
}
