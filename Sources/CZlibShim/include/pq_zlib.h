#ifndef PQ_ZLIB_H
#define PQ_ZLIB_H
#include <stddef.h>
#include <stdint.h>

/// How an inflation ended.
typedef enum {
  /// The whole stream was inflated.
  PQ_INFLATE_DONE = 0,
  /// The stream is damaged or ends before its end.
  PQ_INFLATE_DAMAGED = 1,
  /// The output would pass the limit; nothing more was inflated.
  PQ_INFLATE_OVER_LIMIT = 2,
  /// Memory for the output could not be had.
  PQ_INFLATE_NO_MEMORY = 3,
} pq_inflate_status;

/// Inflates the raw deflate stream `input` (a zip member's data) into a buffer of at most
/// `limit` bytes, allocated with malloc and returned in `*output` (free it with
/// pq_zlib_free), its length in `*output_length`. `expected_length` sizes the first
/// buffer (the member's declared size; it is not trusted).
pq_inflate_status pq_inflate_raw(const uint8_t *input, size_t input_length, size_t expected_length,
                                 size_t limit, uint8_t **output, size_t *output_length);

/// Frees an output of pq_inflate_raw.
void pq_zlib_free(uint8_t *output);

/// The CRC-32 of `bytes` (as zip stores it).
uint32_t pq_crc32(const uint8_t *bytes, size_t length);
#endif
