#ifndef _GNU_SOURCE
#define _GNU_SOURCE  // O_TMPFILE
#endif
#include "cprocess.h"
#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/resource.h>
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

void qbt_release_freed_memory(void) {
#ifdef __GLIBC__
    malloc_trim(0);
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

int qbt_open_unnamed_file(const char *directory) {
#if defined(__linux__) && defined(O_TMPFILE)
    return open(directory, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
#else
    (void)directory;
    errno = EOPNOTSUPP;
    return -1;
#endif
}

int qbt_link_open_file(int fd, const char *path) {
#if defined(__linux__)
    char proc[64];
    snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
    return linkat(AT_FDCWD, proc, AT_FDCWD, path, AT_SYMLINK_FOLLOW);
#else
    (void)fd; (void)path;
    errno = EOPNOTSUPP;
    return -1;
#endif
}

int qbt_lower_thread_priority(int steps) {
#if defined(__linux__)
    pid_t thread = (pid_t)syscall(SYS_gettid);
    errno = 0;
    int now = getpriority(PRIO_PROCESS, (id_t)thread);
    if (now == -1 && errno != 0) return -1;
    return setpriority(PRIO_PROCESS, (id_t)thread, now + steps);
#else
    (void)steps;
    return -1;
#endif
}
