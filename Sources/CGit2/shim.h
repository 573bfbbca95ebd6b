// libgit2 for Swift, the way GRDB wraps sqlite3: the Debian package libgit2-dev provides
// the header and the library. Only Sources/Experiments/Provenance/GitInspector.swift imports it.
#include <git2.h>
