#ifndef PRETEXT_CXXHASH_SHIM_H
#define PRETEXT_CXXHASH_SHIM_H
// The shared libxxhash (XXH64, XXH3 and their streaming states); no inlining tricks, so the
// symbols resolve against Debian's library.
#include <xxhash.h>
#endif
