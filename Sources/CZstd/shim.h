#ifndef PRETEXT_CZSTD_SHIM_H
#define PRETEXT_CZSTD_SHIM_H
// zstd's public API, plus the error-code helpers. Static-linking-only APIs are not used:
// Debian ships zstd as a shared library, and the seekable format is written by Pretext itself.
#include <zstd.h>
#include <zstd_errors.h>
#endif
