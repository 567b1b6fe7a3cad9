#ifndef PRETEXT_CICUSHIM_H
#define PRETEXT_CICUSHIM_H
// ICU behind prefixed functions over plain C types.
//
// Why: Foundation on Linux carries its own copy of ICU, and importing the system's
// <unicode/*.h> into a Swift module that also imports Foundation makes the two sets of
// declarations clash. This header therefore includes no ICU header; only the .c file does.
// The symbols themselves (the system libicuuc) do not clash with Foundation's private copy.
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Normalization forms, mirroring UNormalization2Mode plus the composition choice.
typedef enum {
    PRETEXT_NFC = 0,
    PRETEXT_NFD = 1,
    PRETEXT_NFKC = 2,
    PRETEXT_NFKD = 3,
} pretext_norm_form;

/// Normalizes UTF-8 `src` (length `src_len`) into `dst` (capacity `dst_cap` bytes).
///
/// Returns the number of bytes the result needs. When that is larger than `dst_cap`, nothing
/// useful is in `dst`: call again with a larger buffer. On failure returns -1 and stores the
/// ICU error code (a UErrorCode value) in `*error`; `*error` is 0 on success.
int64_t pretext_icu_normalize(pretext_norm_form form, const char *src, int64_t src_len,
                              char *dst, int64_t dst_cap, int32_t *error);

/// Returns 1 when UTF-8 `src` is already in `form`, 0 when not, -1 on error (see `*error`).
int32_t pretext_icu_is_normalized(pretext_norm_form form, const char *src, int64_t src_len,
                                  int32_t *error);

/// The ICU version the library was built against, as "72.1"; writes at most `cap` bytes.
void pretext_icu_version(char *dst, int32_t cap);

/// The name of an ICU error code (for error messages).
const char *pretext_icu_error_name(int32_t error);

#ifdef __cplusplus
}
#endif
#endif
