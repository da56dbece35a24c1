#include "pq_zlib.h"

#include <stdlib.h>
#include <zlib.h>

pq_inflate_status pq_inflate_raw(const uint8_t *input, size_t input_length, size_t expected_length,
                                 size_t limit, uint8_t **output, size_t *output_length) {
  *output = NULL;
  *output_length = 0;
  z_stream stream = {0};
  if (inflateInit2(&stream, -MAX_WBITS) != Z_OK) return PQ_INFLATE_NO_MEMORY;
  size_t capacity = expected_length < limit ? expected_length : limit;
  if (capacity < 4096) capacity = limit < 4096 ? limit : 4096;
  uint8_t *buffer = malloc(capacity > 0 ? capacity : 1);
  if (buffer == NULL) {
    inflateEnd(&stream);
    return PQ_INFLATE_NO_MEMORY;
  }
  size_t length = 0;
  size_t consumed = 0;
  pq_inflate_status status = PQ_INFLATE_DAMAGED;
  for (;;) {
    if (length == capacity) {
      if (capacity >= limit) {
        // Full at the limit: one more byte of output means the stream passes it.
        uint8_t probe;
        stream.next_out = &probe;
        stream.avail_out = 1;
        stream.next_in = (Bytef *)(input + consumed);
        stream.avail_in = (uInt)((input_length - consumed) > UINT32_MAX ? UINT32_MAX : (input_length - consumed));
        int result = inflate(&stream, Z_NO_FLUSH);
        if (result == Z_STREAM_END && stream.avail_out == 1) status = PQ_INFLATE_DONE;
        else if (stream.avail_out == 0) status = PQ_INFLATE_OVER_LIMIT;
        break;
      }
      size_t grown = capacity * 2 < limit ? capacity * 2 : limit;
      uint8_t *larger = realloc(buffer, grown);
      if (larger == NULL) {
        status = PQ_INFLATE_NO_MEMORY;
        break;
      }
      buffer = larger;
      capacity = grown;
    }
    size_t room = capacity - length;
    size_t available = input_length - consumed;
    stream.next_out = buffer + length;
    stream.avail_out = (uInt)(room > UINT32_MAX ? UINT32_MAX : room);
    stream.next_in = (Bytef *)(input + consumed);
    stream.avail_in = (uInt)(available > UINT32_MAX ? UINT32_MAX : available);
    uInt out_before = stream.avail_out;
    uInt in_before = stream.avail_in;
    int result = inflate(&stream, Z_NO_FLUSH);
    length += out_before - stream.avail_out;
    consumed += in_before - stream.avail_in;
    if (result == Z_STREAM_END) {
      status = PQ_INFLATE_DONE;
      break;
    }
    if (result != Z_OK && result != Z_BUF_ERROR) break;
    // No progress with input left and room to write, or the input used up before the
    // stream's end: the stream is damaged or cut short.
    if (out_before == stream.avail_out && in_before == stream.avail_in) break;
    if (consumed == input_length && stream.avail_out > 0) break;
  }
  inflateEnd(&stream);
  if (status != PQ_INFLATE_DONE) {
    free(buffer);
    return status;
  }
  *output = buffer;
  *output_length = length;
  return PQ_INFLATE_DONE;
}

void pq_zlib_free(uint8_t *output) { free(output); }

uint32_t pq_crc32(const uint8_t *bytes, size_t length) {
  uLong crc = crc32(0L, Z_NULL, 0);
  while (length > 0) {
    uInt chunk = length > UINT32_MAX ? UINT32_MAX : (uInt)length;
    crc = crc32(crc, bytes, chunk);
    bytes += chunk;
    length -= chunk;
  }
  return (uint32_t)crc;
}
