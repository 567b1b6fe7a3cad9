#ifndef PRETEXT_CCLD2SHIM_H
#define PRETEXT_CCLD2SHIM_H
// CLD2 (Compact Language Detector 2, Debian libcld2-dev) behind prefixed C functions over
// plain C types: CLD2's headers are C++ and cannot be imported into Swift.
//
// Thread safety: CLD2 keeps no mutable global state (its tables are static and read-only), so
// any number of threads may call pretext_cld2_detect at once.
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The result of one detection.
typedef struct {
    /// CLD2 code of the top language (the largest share of the text), NUL-terminated: ISO 639-1
    /// where one exists ("en", "zh", "ja"), "zh-Hant" for Chinese in traditional characters,
    /// "un" when unknown.
    char code[16];
    /// CLD2's summary language (its return value), which demotes English when another
    /// language has a sizeable share; usually the same as `code`.
    char summary_code[16];
    /// Percent (0–100) of the text's bytes in the top language.
    int32_t percent;
    /// CLD2's normalized score of the top language (about 1.0 for typical text).
    double normalized_score;
    /// 1 when CLD2 calls the detection reliable.
    int32_t reliable;
    /// Bytes of text CLD2 looked at (letters, after skipping markup and repetition).
    int32_t text_bytes;
    /// The bytes from the start that are valid UTF-8; CLD2 stops at the first invalid byte.
    int32_t valid_prefix_bytes;
    /// The top three languages (the first is `code`), "un" where CLD2 found fewer.
    char codes3[3][16];
    /// Percent of the text's bytes in each of the top three languages.
    int32_t percents3[3];
} pretext_cld2_result;

/// Detects the language of UTF-8 `text` (`length` bytes; plain text, not HTML). Ill-formed
/// UTF-8 ends the scan (see `valid_prefix_bytes`). When `best_effort` is nonzero, CLD2
/// answers even for text too short to be sure (its kCLDFlagBestEffort). Returns 0 on success,
/// -1 when `length` is negative.
int32_t pretext_cld2_detect(const char *text, int32_t length, int32_t best_effort,
                            pretext_cld2_result *result);

/// The number of CLD2 language numbers (its `NUM_LANGUAGES`): valid arguments of
/// `pretext_cld2_detectable_code` are 0 ..< this.
int32_t pretext_cld2_language_count(void);

/// The code of CLD2 language number `language` ("en", "zh-Hant", "un") when CLD2 can report
/// it (it has statistics for the language in some script, or it is "un", the unknown
/// language); NULL otherwise (the other numbers name languages CLD2 only knows by name).
/// The string is static.
const char *pretext_cld2_detectable_code(int32_t language);

#ifdef __cplusplus
}
#endif
#endif
