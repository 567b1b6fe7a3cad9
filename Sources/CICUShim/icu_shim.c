// ICU wrappers for Pretext. See include/CICUShim.h for why this target exists.
#include "CICUShim.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/uversion.h>

static const UNormalizer2 *pretext_normalizer(pretext_norm_form form, UErrorCode *status) {
    switch (form) {
    case PRETEXT_NFC: return unorm2_getNFCInstance(status);
    case PRETEXT_NFD: return unorm2_getNFDInstance(status);
    case PRETEXT_NFKC: return unorm2_getNFKCInstance(status);
    case PRETEXT_NFKD: return unorm2_getNFKDInstance(status);
    }
    *status = U_ILLEGAL_ARGUMENT_ERROR;
    return NULL;
}

// UTF-8 -> freshly malloc'd UTF-16; the caller frees. Returns NULL on failure.
static UChar *pretext_to_utf16(const char *src, int64_t src_len, int32_t *out_len,
                               UErrorCode *status) {
    if (src_len > INT32_MAX / 2) { *status = U_INDEX_OUTOFBOUNDS_ERROR; return NULL; }
    int32_t cap = (int32_t)src_len + 1;  // UTF-16 never needs more units than UTF-8 bytes
    UChar *buf = (UChar *)malloc(sizeof(UChar) * (size_t)cap);
    if (buf == NULL) { *status = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    u_strFromUTF8(buf, cap, out_len, src, (int32_t)src_len, status);
    if (U_FAILURE(*status)) { free(buf); return NULL; }
    return buf;
}

int64_t pretext_icu_normalize(pretext_norm_form form, const char *src, int64_t src_len,
                              char *dst, int64_t dst_cap, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    *error = 0;
    const UNormalizer2 *norm = pretext_normalizer(form, &status);
    int32_t in_len = 0;
    UChar *in = U_SUCCESS(status) ? pretext_to_utf16(src, src_len, &in_len, &status) : NULL;
    if (in == NULL) { *error = status; return -1; }

    // Decomposition can grow text (up to 18x for a few characters in NFKD; 3x is typical
    // worst case for NFC/NFD). Try a generous buffer, then the exact size ICU reports.
    int32_t cap = in_len * 3 + 16;
    UChar *out = (UChar *)malloc(sizeof(UChar) * (size_t)cap);
    int32_t out_len = out ? unorm2_normalize(norm, in, in_len, out, cap, &status) : 0;
    if (out == NULL) status = U_MEMORY_ALLOCATION_ERROR;
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        status = U_ZERO_ERROR;
        free(out);
        cap = out_len + 1;
        out = (UChar *)malloc(sizeof(UChar) * (size_t)cap);
        if (out == NULL) status = U_MEMORY_ALLOCATION_ERROR;
        else out_len = unorm2_normalize(norm, in, in_len, out, cap, &status);
    }
    free(in);
    if (U_FAILURE(status)) { free(out); *error = status; return -1; }

    int32_t needed = 0;
    int32_t dcap = dst_cap > INT32_MAX ? INT32_MAX : (int32_t)dst_cap;
    u_strToUTF8(dst, dcap, &needed, out, out_len, &status);
    free(out);
    if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) {
        return needed;
    }
    if (U_FAILURE(status)) { *error = status; return -1; }
    return needed;
}

int32_t pretext_icu_is_normalized(pretext_norm_form form, const char *src, int64_t src_len,
                                  int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    *error = 0;
    const UNormalizer2 *norm = pretext_normalizer(form, &status);
    int32_t in_len = 0;
    UChar *in = U_SUCCESS(status) ? pretext_to_utf16(src, src_len, &in_len, &status) : NULL;
    if (in == NULL) { *error = status; return -1; }
    UBool ok = unorm2_isNormalized(norm, in, in_len, &status);
    free(in);
    if (U_FAILURE(status)) { *error = status; return -1; }
    return ok ? 1 : 0;
}

void pretext_icu_version(char *dst, int32_t cap) {
    UVersionInfo info;
    char text[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(info);
    u_versionToString(info, text);
    if (cap <= 0) return;
    strncpy(dst, text, (size_t)cap - 1);
    dst[cap - 1] = '\0';
}

const char *pretext_icu_error_name(int32_t error) {
    return u_errorName((UErrorCode)error);
}
