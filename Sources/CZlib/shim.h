#ifndef PRETEXT_CZLIB_SHIM_H
#define PRETEXT_CZLIB_SHIM_H
#include <zlib.h>

// inflateInit2 is a macro (it passes the library version and the struct size); Swift cannot
// call macros, so this wrapper does. windowBits 15 + 32 accepts gzip and zlib headers.
static inline int pretext_inflate_init_gzip(z_streamp stream) {
    return inflateInit2(stream, 15 + 32);
}
#endif
