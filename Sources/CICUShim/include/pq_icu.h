// pq_icu.h — the only ICU surface Swift sees.
//
// Everything here uses stdint types and opaque pointers with stable names, so the
// Swift side never imports <unicode/*.h> (which clashes with Foundation's own ICU
// copy on Linux) and never meets ICU's versioned symbol macros (ubrk_open_72 …).
#ifndef PQ_ICU_H
#define PQ_ICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Guesses the charset of `bytes` with ICU's ucsdet. Writes the ICU name
/// (e.g. "GB18030", "UTF-8", "Big5", "UTF-16LE") to `name` and the confidence (0–100)
/// to `confidence`. Returns 0 on success, a negative value when nothing matched.
int32_t pq_detect_charset(const uint8_t *bytes, int32_t length, char *name,
                          int32_t name_capacity, int32_t *confidence);

/// Converts `src` from `charset` to UTF-16. `offsets[i]` receives the source byte
/// offset of the i-th UTF-16 unit written. `invalid_count` receives the number of
/// illegal or unmappable sequences replaced by U+FFFD. Returns the number of units
/// written, or a negative value when the charset is unknown or `dest` is too small
/// (`dest_capacity` of `src_length + 2` units always suffices).
int32_t pq_convert_to_utf16(const char *charset, const uint8_t *src, int32_t src_length,
                            uint16_t *dest, int32_t dest_capacity, int32_t *offsets,
                            int32_t *invalid_count);

/// Converts UTF-16 `src` to `charset`. Returns the number of bytes written, or a negative
/// value on error (`dest_capacity` of `4 * src_length + 8` always suffices).
int32_t pq_convert_from_utf16(const char *charset, const uint16_t *src, int32_t src_length,
                              uint8_t *dest, int32_t dest_capacity);

/// Applies NFKC with case folding (ICU's "nfkc_cf") to `src`. Returns the length
/// written to `dest`, or a negative value on error (including a too small `dest`).
int32_t pq_nfkc_casefold(const uint16_t *src, int32_t length, uint16_t *dest,
                         int32_t dest_capacity);

/// Finds the word boundaries of UTF-16 `text` with ICU's dictionary-based word break
/// iterator for Chinese, writing their offsets (0 and `length` included) to `boundaries`.
/// Returns how many were written (at most `capacity`), or a negative value on error.
/// Each thread keeps its own iterator, opened on first use.
int32_t pq_word_boundaries(const uint16_t *text, int32_t length, int32_t *boundaries,
                           int32_t capacity);

/// Writes ICU's version ("72.1") to `buffer`.
void pq_icu_version(char *buffer, int32_t capacity);

/// An ICU transliterator, opaque to Swift.
typedef struct pq_transliterator pq_transliterator;

/// Opens ICU's Traditional → Simplified transliterator ("Hant-Hans"); NULL on failure.
pq_transliterator *pq_hant_hans_open(void);

/// Transliterates `buffer` in place. Returns the new length, or a negative value when
/// the result does not fit in `capacity`.
int32_t pq_transliterate(pq_transliterator *transliterator, uint16_t *buffer,
                         int32_t length, int32_t capacity);

void pq_transliterator_close(pq_transliterator *transliterator);

#ifdef __cplusplus
}
#endif

#endif
