#ifndef PRETEXT_CICUSHIM_H
#define PRETEXT_CICUSHIM_H
// ICU behind prefixed functions over plain C types.
//
// Why: Foundation on Linux carries its own copy of ICU, and importing the system's
// <unicode/*.h> into a Swift module that also imports Foundation makes the two sets of
// declarations clash. This header therefore includes no ICU header; only the .c/.cpp files do.
// The symbols themselves (the system libicuuc) do not clash with Foundation's private copy.
//
// All text crosses this boundary as UTF-8 bytes with an explicit length (no NUL terminator
// needed); all offsets are UTF-8 byte offsets.
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// MARK: - Normalization (icu_normalize.cpp)

/// Normalization forms, mirroring UNormalization2Mode plus the composition choice.
typedef enum {
    PRETEXT_NFC = 0,
    PRETEXT_NFD = 1,
    PRETEXT_NFKC = 2,
    PRETEXT_NFKD = 3,
} pretext_norm_form;

/// Normalizes UTF-8 `src` (length `src_len`) into `dst` (capacity `dst_cap` bytes).
///
/// Works on UTF-8 directly (ICU's C++ `Normalizer2::normalizeUTF8`, no UTF-16 round trip),
/// and copies all-ASCII input without calling ICU at all (ASCII is stable in all four forms).
/// Returns the number of bytes the result needs. When that is larger than `dst_cap`, `dst`
/// holds a truncated result: call again with a buffer of at least the returned size. On
/// failure returns -1 and stores the ICU error code (a UErrorCode value) in `*error`;
/// `*error` is 0 on success. Ill-formed UTF-8 is passed through unchanged by ICU.
int64_t pretext_icu_normalize(pretext_norm_form form, const char *src, int64_t src_len,
                              char *dst, int64_t dst_cap, int32_t *error);

/// Returns 1 when UTF-8 `src` is already in `form`, 0 when not, -1 on error (see `*error`).
int32_t pretext_icu_is_normalized(pretext_norm_form form, const char *src, int64_t src_len,
                                  int32_t *error);

// MARK: - Break iteration (icu_break.c)

/// Which boundaries a break iterator finds.
typedef enum {
    PRETEXT_BREAK_WORD = 0,
    PRETEXT_BREAK_SENTENCE = 1,
    PRETEXT_BREAK_LINE = 2,
} pretext_break_kind;

/// An ICU break iterator plus the UTF-8 UText it reads; owned by one thread at a time.
typedef struct pretext_icu_breaker pretext_icu_breaker;

/// Opens a break iterator of `kind` for `locale` (an ICU locale ID such as "", "en", "ja",
/// "th", "en@ss=standard"). Returns NULL on failure and stores the ICU error in `*error`.
pretext_icu_breaker *pretext_icu_breaker_open(pretext_break_kind kind, const char *locale,
                                              int32_t *error);

/// Closes `breaker` (NULL is allowed).
void pretext_icu_breaker_close(pretext_icu_breaker *breaker);

/// Points `breaker` at UTF-8 `text` (`length` bytes, at most INT32_MAX). The bytes must stay
/// valid and unchanged until the next call to this function or to close. Returns 0 on success,
/// -1 on failure (see `*error`).
int32_t pretext_icu_breaker_set_text(pretext_icu_breaker *breaker, const char *text,
                                     int64_t length, int32_t *error);

/// Writes up to `capacity` next boundaries (UTF-8 byte offsets, increasing, the last one is the
/// text length) into `ends`, and the rule status of the segment ending at each boundary into
/// `statuses` (may be NULL; see ICU's UWordBreak: 0–99 none, 100–199 number, 200–299 letter,
/// 300–399 kana, 400–499 ideographic). Returns how many were written; 0 when done.
int32_t pretext_icu_breaker_next(pretext_icu_breaker *breaker, int32_t *ends, int32_t *statuses,
                                 int32_t capacity);

// MARK: - Scripts (icu_script.c)

/// Counts the letters (general category L*) of UTF-8 `text` by Unicode script
/// (`uscript_getScript`) and returns the script code with the most letters, or -1 when the text
/// has no letters. `*letters` receives the number of letters counted, `*top_letters` those in
/// the returned script. Ill-formed sequences are skipped.
int32_t pretext_icu_dominant_script(const char *text, int64_t length, int64_t *letters,
                                    int64_t *top_letters);

/// The UScriptCode of code point `c` (`uscript_getScript`): 0 Common, 1 Inherited, 17 Han,
/// 20 Hiragana, 22 Katakana, 25 Latin…; -1 when ICU fails.
int32_t pretext_icu_script(int32_t c);

/// The long name of a UScriptCode ("Latin", "Han", "Hiragana", "Cyrillic"...), or "Unknown".
const char *pretext_icu_script_name(int32_t script);

/// The ISO 15924 short name of a UScriptCode ("Latn", "Hani", "Hira"...), or "Zzzz".
const char *pretext_icu_script_short_name(int32_t script);

// MARK: - Charsets (icu_convert.c)

/// ICU's converter name for the charset name or alias `charset` ("gbk" → "windows-936-2000"),
/// or NULL when ICU knows no such charset. The string is ICU's own and lives as long as the
/// process.
const char *pretext_icu_charset_converter_name(const char *charset);

/// The MIME name of `charset` ("Shift_JIS", "EUC-KR"), else its IANA name ("windows-1251"),
/// else NULL. The string is ICU's own and lives as long as the process.
const char *pretext_icu_charset_standard_name(const char *charset);

/// Converts `src` (`src_len` bytes, at most INT32_MAX) from `charset` to UTF-8 in `dst`
/// (capacity `dst_cap`).
///
/// Stops at the first byte sequence that does not decode (illegal, unassigned or cut off at
/// the end): returns -1, stores its offset in `src` in `*bad_offset` and the ICU error in
/// `*error`. Returns -1 with `*bad_offset` = -1 when the converter cannot be opened. Otherwise
/// returns the number of bytes the result needs; when that is larger than `dst_cap`, `dst`
/// holds a truncated result: call again with a buffer of at least the returned size.
int64_t pretext_icu_to_utf8(const char *charset, const char *src, int64_t src_len, char *dst,
                            int64_t dst_cap, int64_t *bad_offset, int32_t *error);

/// Detects the charset of `src` with ICU's `ucsdet` (at most the first INT32_MAX bytes; with
/// `strip_markup` nonzero, `<…>` markup is ignored). Writes the best match's name ("GB18030",
/// "Shift_JIS", "windows-1251"…) into `name` (capacity `name_cap`, NUL-terminated) and returns
/// its confidence, 0–100; returns -1 when nothing matches or on failure (see `*error`).
int32_t pretext_icu_detect_charset(const char *src, int64_t src_len, int32_t strip_markup,
                                   char *name, int32_t name_cap, int32_t *error);

// MARK: - Misc (icu_shim.c)

/// The ICU version the library was built against, as "72.1"; writes at most `cap` bytes.
void pretext_icu_version(char *dst, int32_t cap);

/// The name of an ICU error code (for error messages).
const char *pretext_icu_error_name(int32_t error);

#ifdef __cplusplus
}
#endif
#endif
