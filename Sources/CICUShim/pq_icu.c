// pq_icu.c — the only file that includes ICU headers.
#include "pq_icu.h"

#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucnv_err.h>
#include <unicode/ucsdet.h>
#include <unicode/unorm2.h>
#include <unicode/utrans.h>
#include <unicode/uversion.h>

int32_t pq_detect_charset(const uint8_t *bytes, int32_t length, char *name,
                          int32_t name_capacity, int32_t *confidence) {
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector *detector = ucsdet_open(&status);
  if (U_FAILURE(status)) return -1;
  ucsdet_setText(detector, (const char *)bytes, length, &status);
  const UCharsetMatch *match = ucsdet_detect(detector, &status);
  if (U_FAILURE(status) || match == NULL) {
    ucsdet_close(detector);
    return -2;
  }
  const char *found = ucsdet_getName(match, &status);
  int32_t conf = ucsdet_getConfidence(match, &status);
  if (U_FAILURE(status) || found == NULL) {
    ucsdet_close(detector);
    return -3;
  }
  strncpy(name, found, (size_t)name_capacity - 1);
  name[name_capacity - 1] = 0;
  *confidence = conf;
  ucsdet_close(detector);
  return 0;
}

typedef struct {
  int32_t invalid;
} pq_invalid_counter;

// Counts each illegal or unmappable sequence, then substitutes as ICU does by default.
static void pq_count_and_substitute(const void *context, UConverterToUnicodeArgs *args,
                                    const char *code_units, int32_t length,
                                    UConverterCallbackReason reason, UErrorCode *err) {
  if (reason == UCNV_ILLEGAL || reason == UCNV_IRREGULAR || reason == UCNV_UNASSIGNED) {
    ((pq_invalid_counter *)context)->invalid += 1;
    // Always U+FFFD: ICU's own substitute for some charsets is U+001A, a control char.
    UChar replacement = 0xFFFD;
    *err = U_ZERO_ERROR;
    ucnv_cbToUWriteUChars(args, &replacement, 1, 0, err);
    return;
  }
  UCNV_TO_U_CALLBACK_SUBSTITUTE(NULL, args, code_units, length, reason, err);
}

int32_t pq_convert_to_utf16(const char *charset, const uint8_t *src, int32_t src_length,
                            uint16_t *dest, int32_t dest_capacity, int32_t *offsets,
                            int32_t *invalid_count) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter *converter = ucnv_open(charset, &status);
  if (U_FAILURE(status)) return -1;
  pq_invalid_counter counter = {0};
  ucnv_setToUCallBack(converter, pq_count_and_substitute, &counter, NULL, NULL, &status);
  if (U_FAILURE(status)) {
    ucnv_close(converter);
    return -2;
  }
  UChar *target = (UChar *)dest;
  const char *source = (const char *)src;
  ucnv_toUnicode(converter, &target, (UChar *)dest + dest_capacity, &source,
                 (const char *)src + src_length, offsets, 1, &status);
  ucnv_close(converter);
  if (U_FAILURE(status)) return -3;
  *invalid_count = counter.invalid;
  return (int32_t)(target - (UChar *)dest);
}

int32_t pq_convert_from_utf16(const char *charset, const uint16_t *src, int32_t src_length,
                              uint8_t *dest, int32_t dest_capacity) {
  UErrorCode status = U_ZERO_ERROR;
  int32_t written = ucnv_convert(charset, "UTF-16LE", (char *)dest, dest_capacity,
                                 (const char *)src, src_length * 2, &status);
  if (U_FAILURE(status)) return -1;
  return written;
}

int32_t pq_nfkc_casefold(const uint16_t *src, int32_t length, uint16_t *dest,
                         int32_t dest_capacity) {
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2 *normalizer = unorm2_getNFKCCasefoldInstance(&status);
  if (U_FAILURE(status)) return -1;
  int32_t written = unorm2_normalize(normalizer, (const UChar *)src, length, (UChar *)dest,
                                     dest_capacity, &status);
  if (U_FAILURE(status)) return -2;
  return written;
}

pq_transliterator *pq_hant_hans_open(void) {
  UErrorCode status = U_ZERO_ERROR;
  static const UChar id[] = {'H', 'a', 'n', 't', '-', 'H', 'a', 'n', 's', 0};
  UTransliterator *transliterator = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
  if (U_FAILURE(status)) return NULL;
  return (pq_transliterator *)transliterator;
}

int32_t pq_transliterate(pq_transliterator *transliterator, uint16_t *buffer,
                         int32_t length, int32_t capacity) {
  UErrorCode status = U_ZERO_ERROR;
  int32_t text_length = length;
  int32_t limit = length;
  utrans_transUChars((const UTransliterator *)transliterator, (UChar *)buffer, &text_length,
                     capacity, 0, &limit, &status);
  if (U_FAILURE(status)) return -1;
  return text_length;
}

void pq_transliterator_close(pq_transliterator *transliterator) {
  if (transliterator != NULL) utrans_close((UTransliterator *)transliterator);
}

void pq_icu_version(char *buffer, int32_t capacity) {
  UVersionInfo version;
  u_getVersion(version);
  char text[U_MAX_VERSION_STRING_LENGTH];
  u_versionToString(version, text);
  strncpy(buffer, text, (size_t)capacity - 1);
  buffer[capacity - 1] = 0;
}

int32_t pq_word_boundaries(const uint16_t *text, int32_t length, int32_t *boundaries,
                           int32_t capacity) {
  static _Thread_local UBreakIterator *iterator = NULL;
  UErrorCode status = U_ZERO_ERROR;
  if (iterator == NULL) {
    iterator = ubrk_open(UBRK_WORD, "zh", NULL, 0, &status);
    if (U_FAILURE(status)) {
      iterator = NULL;
      return -1;
    }
  }
  ubrk_setText(iterator, (const UChar *)text, length, &status);
  if (U_FAILURE(status)) return -1;
  int32_t count = 0;
  for (int32_t boundary = ubrk_first(iterator); boundary != UBRK_DONE && count < capacity;
       boundary = ubrk_next(iterator)) {
    boundaries[count++] = boundary;
  }
  return count;
}
