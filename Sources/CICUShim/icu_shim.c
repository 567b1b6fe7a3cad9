// Small ICU wrappers for Pretext. See include/CICUShim.h for why this target exists.
#include "CICUShim.h"

#include <string.h>
#include <unicode/utypes.h>
#include <unicode/uversion.h>

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
