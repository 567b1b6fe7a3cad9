// CLD2 wrapper for Pretext; see include/CCLD2Shim.h.
#include "CCLD2Shim.h"

#include <cstdio>  // compact_lang_det.h uses FILE without including it
#include <cld2/public/compact_lang_det.h>
#include <cstring>

extern "C" int32_t pretext_cld2_detect(const char *text, int32_t length, pretext_cld2_result *result) {
    CLD2::Language language3[3];
    int percent3[3];
    double normalized_score3[3];
    int text_bytes = 0;
    bool reliable = false;
    CLD2::Language top = CLD2::ExtDetectLanguageSummary(
        text, length, /*is_plain_text=*/true, nullptr, 0, language3, percent3, normalized_score3,
        nullptr, &text_bytes, &reliable);
    std::strncpy(result->code, CLD2::LanguageCode(top), sizeof(result->code) - 1);
    result->code[sizeof(result->code) - 1] = '\0';
    result->percent = percent3[0];
    result->normalized_score = normalized_score3[0];
    result->reliable = reliable ? 1 : 0;
    result->text_bytes = text_bytes;
    return 0;
}
