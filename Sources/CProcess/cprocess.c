#include "cprocess.h"
#ifdef __linux__
#include <sys/prctl.h>
#endif

int qbt_die_with_parent(int signal) {
#ifdef __linux__
    return prctl(PR_SET_PDEATHSIG, signal);
#else
    (void)signal;
    return -1;
#endif
}
