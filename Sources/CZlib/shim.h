#ifndef PRETEXT_CZLIB_SHIM_H
#define PRETEXT_CZLIB_SHIM_H
#include <zlib.h>

// inflateInit2 is a macro (it passes the library version and the struct size); Swift cannot
// call macros, so this wrapper does. windowBits 15 + 32 accepts gzip and zlib headers.
static inline int pretext_inflate_init_gzip(z_streamp stream) {
    return inflateInit2(stream, 15 + 32);
}

// windowBits -15: a raw deflate stream without zlib or gzip header, which some servers send
// as HTTP `Content-Encoding: deflate`.
static inline int pretext_inflate_init_raw(z_streamp stream) {
    return inflateInit2(stream, -15);
}
#endif
