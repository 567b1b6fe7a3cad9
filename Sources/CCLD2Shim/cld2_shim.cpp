// CLD2 wrapper for Pretext; see include/CCLD2Shim.h.
#include "CCLD2Shim.h"

#include <cstdio>  // compact_lang_det.h uses FILE without including it
#include <cld2/public/compact_lang_det.h>
// The language tables: NUM_LANGUAGES and whether CLD2 has statistics for a language
// (IsLatnLanguage / IsOthrLanguage). Both headers ship with Debian's libcld2-dev.
#include <cld2/internal/generated_language.h>
#include <cld2/internal/lang_script.h>
#include <cstring>

namespace {

void copy_code(char (&dst)[16], CLD2::Language language) {
    const char *code = CLD2::LanguageCode(language);
    if (code == nullptr || *code == '\0') code = "un";
    std::strncpy(dst, code, sizeof(dst) - 1);
    dst[sizeof(dst) - 1] = '\0';
}

}  // namespace

extern "C" int32_t pretext_cld2_detect(const char *text, int32_t length, int32_t best_effort,
                                       pretext_cld2_result *result) {
    std::memset(result, 0, sizeof(*result));
    if (length < 0) return -1;
    static const char empty[1] = {0};
    if (text == nullptr) { text = empty; length = 0; }
    CLD2::Language language3[3] = {CLD2::UNKNOWN_LANGUAGE, CLD2::UNKNOWN_LANGUAGE,
                                   CLD2::UNKNOWN_LANGUAGE};
    int percent3[3] = {0, 0, 0};
    double normalized_score3[3] = {0, 0, 0};
    int text_bytes = 0;
    int valid_prefix_bytes = 0;
    bool reliable = false;
    int flags = best_effort ? CLD2::kCLDFlagBestEffort : 0;
    CLD2::Language top = CLD2::ExtDetectLanguageSummaryCheckUTF8(
        text, length, /*is_plain_text=*/true, nullptr, flags, language3, percent3,
        normalized_score3, nullptr, &text_bytes, &reliable, &valid_prefix_bytes);
    // The top language is the one with the largest share (language3[0], what pycld2's
    // `details[0]` and dolma's tagger report). CLD2's own summary can differ: it demotes
    // English when another language has a sizeable share (English boilerplate on foreign
    // pages); it is reported separately. When CLD2 found no language, both are `top`.
    CLD2::Language first = language3[0] != CLD2::UNKNOWN_LANGUAGE ? language3[0] : top;
    copy_code(result->code, first);
    copy_code(result->summary_code, top);
    result->percent = first == language3[0] ? percent3[0] : 0;
    result->normalized_score = first == language3[0] ? normalized_score3[0] : 0;
    for (int k = 0; k < 3; k++) {
        copy_code(result->codes3[k], language3[k]);
        result->percents3[k] = percent3[k];
    }
    result->reliable = reliable ? 1 : 0;
    result->text_bytes = text_bytes;
    result->valid_prefix_bytes = valid_prefix_bytes;
    return 0;
}

extern "C" int32_t pretext_cld2_language_count(void) { return CLD2::NUM_LANGUAGES; }

extern "C" const char *pretext_cld2_detectable_code(int32_t language) {
    if (language < 0 || language >= CLD2::NUM_LANGUAGES) return nullptr;
    CLD2::Language lang = static_cast<CLD2::Language>(language);
    bool detectable = lang == CLD2::UNKNOWN_LANGUAGE || CLD2::IsLatnLanguage(lang) || CLD2::IsOthrLanguage(lang);
    return detectable ? CLD2::LanguageCode(lang) : nullptr;
}
