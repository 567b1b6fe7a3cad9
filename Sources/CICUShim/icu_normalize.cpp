// Unicode normalization on UTF-8 through ICU's C++ API. See include/CICUShim.h.
//
// Why C++: ICU's C API (`unorm2_*`) only takes UTF-16, which costs two conversions per
// document. `icu::Normalizer2::normalizeUTF8` works on UTF-8 directly; for NFC and NFKC it
// walks the bytes with quick-check tables and copies unchanged spans in bulk.
#include "CICUShim.h"

#include <climits>
#include <cstring>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

namespace {

const icu::Normalizer2 *normalizer(pretext_norm_form form, UErrorCode &status) {
    switch (form) {
    case PRETEXT_NFC: return icu::Normalizer2::getNFCInstance(status);
    case PRETEXT_NFD: return icu::Normalizer2::getNFDInstance(status);
    case PRETEXT_NFKC: return icu::Normalizer2::getNFKCInstance(status);
    case PRETEXT_NFKD: return icu::Normalizer2::getNFKDInstance(status);
    }
    status = U_ILLEGAL_ARGUMENT_ERROR;
    return nullptr;
}

// Whether all `length` bytes are < 0x80, eight at a time. ASCII is stable under NFC, NFD,
// NFKC and NFKD, so such text needs no ICU call at all.
bool is_ascii(const char *src, int64_t length) {
    const unsigned char *p = reinterpret_cast<const unsigned char *>(src);
    int64_t i = 0;
    for (; i + 32 <= length; i += 32) {
        uint64_t a, b, c, d;
        std::memcpy(&a, p + i, 8);  // memcpy: unaligned loads without undefined behaviour
        std::memcpy(&b, p + i + 8, 8);
        std::memcpy(&c, p + i + 16, 8);
        std::memcpy(&d, p + i + 24, 8);
        if (((a | b | c | d) & 0x8080808080808080ULL) != 0) return false;
    }
    for (; i < length; i++) {
        if (p[i] >= 0x80) return false;
    }
    return true;
}

}  // namespace

extern "C" int64_t pretext_icu_normalize(pretext_norm_form form, const char *src, int64_t src_len,
                                         char *dst, int64_t dst_cap, int32_t *error) {
    *error = 0;
    if (src_len <= 0) return 0;
    if (src_len > INT32_MAX) { *error = U_INDEX_OUTOFBOUNDS_ERROR; return -1; }
    if (is_ascii(src, src_len)) {
        if (dst_cap >= src_len) std::memcpy(dst, src, (size_t)src_len);
        return src_len;
    }
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2 *norm = normalizer(form, status);
    if (U_FAILURE(status)) { *error = status; return -1; }
    int32_t cap = dst_cap > INT32_MAX ? INT32_MAX : (int32_t)dst_cap;
    icu::CheckedArrayByteSink sink(dst, cap);
    norm->normalizeUTF8(0, icu::StringPiece(src, (int32_t)src_len), sink, nullptr, status);
    if (U_FAILURE(status)) { *error = status; return -1; }
    // On overflow the sink keeps counting, so this is the size the caller needs.
    return sink.NumberOfBytesAppended();
}

extern "C" int32_t pretext_icu_is_normalized(pretext_norm_form form, const char *src,
                                             int64_t src_len, int32_t *error) {
    *error = 0;
    if (src_len <= 0) return 1;
    if (src_len > INT32_MAX) { *error = U_INDEX_OUTOFBOUNDS_ERROR; return -1; }
    if (is_ascii(src, src_len)) return 1;
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2 *norm = normalizer(form, status);
    if (U_FAILURE(status)) { *error = status; return -1; }
    UBool ok = norm->isNormalizedUTF8(icu::StringPiece(src, (int32_t)src_len), status);
    if (U_FAILURE(status)) { *error = status; return -1; }
    return ok ? 1 : 0;
}
