#ifndef PRETEXT_CCLD2SHIM_H
#define PRETEXT_CCLD2SHIM_H
// CLD2 (Compact Language Detector 2, Debian libcld2-dev) behind prefixed C functions over
// plain C types: CLD2's headers are C++ and cannot be imported into Swift.
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The result of one detection.
typedef struct {
    /// ISO 639-1 (or CLD2) code of the top language, NUL-terminated: "en", "zh", "zh-Hant", "un".
    char code[16];
    /// Percent (0–100) of the text's bytes in the top language.
    int32_t percent;
    /// CLD2's normalized score of the top language.
    double normalized_score;
    /// 1 when CLD2 calls the detection reliable.
    int32_t reliable;
    /// Bytes of text CLD2 looked at.
    int32_t text_bytes;
} pretext_cld2_result;

/// Detects the language of UTF-8 `text` (`length` bytes; plain text, not HTML).
/// Returns 0 on success.
int32_t pretext_cld2_detect(const char *text, int32_t length, pretext_cld2_result *result);

#ifdef __cplusplus
}
#endif
#endif
