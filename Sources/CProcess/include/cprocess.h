#ifndef QUANTBT_CPROCESS_H
#define QUANTBT_CPROCESS_H

/// Asks the kernel to send `signal` to this process when its parent dies (Linux
/// prctl(PR_SET_PDEATHSIG)); prctl is variadic, so Swift cannot call it directly.
/// Returns 0, or -1 where there is no such call.
int qbt_die_with_parent(int signal);

#endif
