// The header's function is static inline; this file gives SwiftPM a C target to build.
#include "prefetch.h"
