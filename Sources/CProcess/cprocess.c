#include "cprocess.h"
#ifdef __linux__
#include <sys/prctl.h>
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
