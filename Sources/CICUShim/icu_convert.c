// Charset conversion to UTF-8 (ucnv) and charset detection (ucsdet). See include/CICUShim.h.
//
// Why the STOP callback: ICU's default to-Unicode callback substitutes U+FFFD for bytes that
// do not decode, which would change text silently. With UCNV_TO_U_CALLBACK_STOP the
// conversion stops at the first such sequence, and the caller rejects the record with its
// offset instead.
#include "CICUShim.h"

#include <string.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ucsdet.h>

// Opens the converter for `charset` with the STOP callback; NULL on failure (see *error).
static UConverter *open_strict(const char *charset, UErrorCode *status) {
    UConverter *converter = ucnv_open(charset, status);
    if (U_FAILURE(*status)) return NULL;
    ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, status);
    if (U_FAILURE(*status)) {
        ucnv_close(converter);
        return NULL;
    }
    return converter;
}

const char *pretext_icu_charset_converter_name(const char *charset) {
    UErrorCode status = U_ZERO_ERROR;
    // Alias 0 of a name is its converter's own name; an ambiguous alias (one name in several
    // standards) is a warning, not a failure.
    const char *name = ucnv_getAlias(charset, 0, &status);
    return U_SUCCESS(status) ? name : NULL;
}

const char *pretext_icu_charset_standard_name(const char *charset) {
    UErrorCode status = U_ZERO_ERROR;
    const char *name = ucnv_getStandardName(charset, "MIME", &status);
    if (name != NULL && U_SUCCESS(status)) return name;
    status = U_ZERO_ERROR;
    name = ucnv_getStandardName(charset, "IANA", &status);
    if (name != NULL && U_SUCCESS(status)) return name;
    return NULL;
}

int64_t pretext_icu_to_utf8(const char *charset, const char *src, int64_t src_len, char *dst,
                            int64_t dst_cap, int64_t *bad_offset, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    *bad_offset = -1;
    *error = 0;
    if (src_len < 0 || src_len > INT32_MAX) {
        *error = U_ILLEGAL_ARGUMENT_ERROR;
        return -1;
    }
    UConverter *from = open_strict(charset, &status);
    if (from == NULL) {
        *error = status;
        return -1;
    }
    UConverter *to = ucnv_open("UTF-8", &status);
    if (U_FAILURE(status)) {
        ucnv_close(from);
        *error = status;
        return -1;
    }
    // ucnv_convertEx converts through a UTF-16 pivot buffer; the pivot keeps state between
    // calls, so a full target is continued into the scratch buffer (counting the size the
    // result needs) without losing any text.
    UChar pivot[1024];
    UChar *pivot_source = pivot, *pivot_target = pivot;
    char scratch[4096];
    const char *source = src;
    const char *source_limit = src + src_len;
    int64_t written = 0;
    UBool reset = 1;
    for (;;) {
        int fits = written < dst_cap;
        char *target_start = fits ? dst + written : scratch;
        int64_t room = fits ? dst_cap - written : (int64_t)sizeof(scratch);
        if (room > INT32_MAX) room = INT32_MAX;
        char *target = target_start;
        status = U_ZERO_ERROR;
        ucnv_convertEx(to, from, &target, target_start + room, &source, source_limit, pivot,
                       &pivot_source, &pivot_target, pivot + 1024, reset, 1, &status);
        reset = 0;
        written += target - target_start;
        if (status == U_BUFFER_OVERFLOW_ERROR) continue;
        if (U_FAILURE(status)) {
            if (status == U_INVALID_CHAR_FOUND || status == U_ILLEGAL_CHAR_FOUND ||
                status == U_TRUNCATED_CHAR_FOUND) {
                // The source pointer is just past the bytes that did not decode.
                char invalid[32];
                int8_t invalid_len = sizeof(invalid);
                UErrorCode ignored = U_ZERO_ERROR;
                ucnv_getInvalidChars(from, invalid, &invalid_len, &ignored);
                if (U_FAILURE(ignored)) invalid_len = 0;
                *bad_offset = (int64_t)(source - src) - invalid_len;
                if (*bad_offset < 0) *bad_offset = 0;
            }
            *error = status;
            written = -1;
        }
        break;
    }
    ucnv_close(to);
    ucnv_close(from);
    return written;
}

int32_t pretext_icu_detect_charset(const char *src, int64_t src_len, int32_t strip_markup,
                                   char *name, int32_t name_cap, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    *error = 0;
    if (name_cap > 0) name[0] = '\0';
    UCharsetDetector *detector = ucsdet_open(&status);
    if (U_FAILURE(status)) {
        *error = status;
        return -1;
    }
    int32_t length = src_len > INT32_MAX ? INT32_MAX : (int32_t)src_len;
    ucsdet_enableInputFilter(detector, strip_markup ? 1 : 0);
    ucsdet_setText(detector, src, length, &status);
    const UCharsetMatch *match = U_SUCCESS(status) ? ucsdet_detect(detector, &status) : NULL;
    int32_t confidence = -1;
    if (match != NULL && U_SUCCESS(status)) {
        const char *found = ucsdet_getName(match, &status);
        confidence = ucsdet_getConfidence(match, &status);
        if (U_SUCCESS(status) && found != NULL && name_cap > 0) {
            strncpy(name, found, (size_t)name_cap - 1);
            name[name_cap - 1] = '\0';
        }
    }
    if (U_FAILURE(status)) {
        *error = status;
        confidence = -1;
    }
    ucsdet_close(detector);
    return confidence;
}
