// ICU break iterators over UTF-8 text. See include/CICUShim.h.
//
// The iterator reads the caller's bytes through a UTF-8 UText (`utext_openUTF8`), so
// boundaries come out as UTF-8 byte offsets with no UTF-16 copy of the document. The UText
// and the iterator are reused from one document to the next.
#include "CICUShim.h"

#include <stdlib.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

struct pretext_icu_breaker {
    UBreakIterator *iterator;
    UText *text;  // NULL until the first set_text; reopened in place afterwards
    int32_t want_status;
    int32_t done;
};

pretext_icu_breaker *pretext_icu_breaker_open(pretext_break_kind kind, const char *locale,
                                              int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIteratorType type = UBRK_WORD;
    switch (kind) {
    case PRETEXT_BREAK_WORD: type = UBRK_WORD; break;
    case PRETEXT_BREAK_SENTENCE: type = UBRK_SENTENCE; break;
    case PRETEXT_BREAK_LINE: type = UBRK_LINE; break;
    default: *error = U_ILLEGAL_ARGUMENT_ERROR; return NULL;
    }
    *error = 0;
    pretext_icu_breaker *breaker = calloc(1, sizeof(pretext_icu_breaker));
    if (breaker == NULL) { *error = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    breaker->iterator = ubrk_open(type, locale, NULL, 0, &status);
    if (U_FAILURE(status)) {
        free(breaker);
        *error = status;
        return NULL;
    }
    breaker->done = 1;
    return breaker;
}

void pretext_icu_breaker_close(pretext_icu_breaker *breaker) {
    if (breaker == NULL) return;
    ubrk_close(breaker->iterator);
    if (breaker->text != NULL) utext_close(breaker->text);
    free(breaker);
}

int32_t pretext_icu_breaker_set_text(pretext_icu_breaker *breaker, const char *text,
                                     int64_t length, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    *error = 0;
    if (length < 0 || length > INT32_MAX) { *error = U_INDEX_OUTOFBOUNDS_ERROR; return -1; }
    // utext_openUTF8 rejects a NULL pointer, which an empty Swift buffer may carry.
    static const char empty[1] = {0};
    if (text == NULL) { text = empty; length = 0; }
    UText *opened = utext_openUTF8(breaker->text, text, length, &status);
    if (U_FAILURE(status)) { *error = status; breaker->done = 1; return -1; }
    breaker->text = opened;
    ubrk_setUText(breaker->iterator, breaker->text, &status);
    if (U_FAILURE(status)) { *error = status; breaker->done = 1; return -1; }
    breaker->done = 0;
    return 0;
}

int32_t pretext_icu_breaker_next(pretext_icu_breaker *breaker, int32_t *ends, int32_t *statuses,
                                 int32_t capacity) {
    int32_t n = 0;
    if (breaker->done) return 0;
    while (n < capacity) {
        int32_t end = ubrk_next(breaker->iterator);
        if (end == UBRK_DONE) { breaker->done = 1; break; }
        ends[n] = end;
        if (statuses != NULL) statuses[n] = ubrk_getRuleStatus(breaker->iterator);
        n++;
    }
    return n;
}
