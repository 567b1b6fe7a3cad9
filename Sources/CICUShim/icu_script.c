// Dominant Unicode script of UTF-8 text. See include/CICUShim.h.
#include "CICUShim.h"

#include <string.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

int32_t pretext_icu_dominant_script(const char *text, int64_t length, int64_t *letters,
                                    int64_t *top_letters) {
    int64_t counts[USCRIPT_CODE_LIMIT];
    memset(counts, 0, sizeof(counts));
    int64_t total = 0;
    const uint8_t *s = (const uint8_t *)text;
    int64_t i = 0;
    while (i < length) {
        uint8_t b = s[i];
        if (b < 0x80) {
            // ASCII fast path: letters are Latin, everything else is not a letter.
            if ((uint8_t)((b | 0x20) - 'a') < 26) { counts[USCRIPT_LATIN]++; total++; }
            i++;
            continue;
        }
        UChar32 c;
        // U8_NEXT reads at most to `length` and yields c < 0 for ill-formed sequences.
        // Offsets are int64_t, so long texts are walked in windows of at most INT32_MAX bytes.
        int32_t window = length - i > INT32_MAX ? INT32_MAX : (int32_t)(length - i);
        int32_t k = 0;
        U8_NEXT(s + i, k, window, c);
        i += k;
        if (c < 0 || !u_isalpha(c)) continue;
        UErrorCode status = U_ZERO_ERROR;
        UScriptCode script = uscript_getScript(c, &status);
        if (U_FAILURE(status) || script < 0 || script >= USCRIPT_CODE_LIMIT) continue;
        if (script == USCRIPT_COMMON || script == USCRIPT_INHERITED) continue;
        counts[script]++;
        total++;
    }
    int32_t best = -1;
    int64_t best_count = 0;
    for (int32_t k = 0; k < USCRIPT_CODE_LIMIT; k++) {
        if (counts[k] > best_count) { best = k; best_count = counts[k]; }
    }
    if (letters != NULL) *letters = total;
    if (top_letters != NULL) *top_letters = best_count;
    return best;
}

int32_t pretext_icu_script(int32_t c) {
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(c, &status);
    return U_FAILURE(status) ? -1 : (int32_t)script;
}

const char *pretext_icu_script_name(int32_t script) {
    const char *name = uscript_getName((UScriptCode)script);
    return name != NULL ? name : "Unknown";
}

const char *pretext_icu_script_short_name(int32_t script) {
    const char *name = uscript_getShortName((UScriptCode)script);
    return name != NULL ? name : "Zzzz";
}
