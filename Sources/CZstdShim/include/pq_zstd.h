#ifndef PQ_ZSTD_H
#define PQ_ZSTD_H
#include <stddef.h>
#include <stdint.h>

/// A Zstandard compressor at one level with an optional dictionary, shareable by threads
/// (each thread compresses with a context of its own).
typedef struct pq_zstd_compressor pq_zstd_compressor;
/// A Zstandard decompressor with an optional dictionary, shareable by threads.
typedef struct pq_zstd_decompressor pq_zstd_decompressor;

/// Trains a dictionary of at most `capacity` bytes into `dictionary` from `count` samples
/// laid end to end in `samples`, the length of each in `lengths` (fastCover, fixed
/// parameters: the same samples give the same dictionary). Returns its length, or 0 when
/// none could be trained (too few or too small samples).
size_t pq_zstd_train(const uint8_t *samples, const size_t *lengths, uint32_t count,
                     uint8_t *dictionary, size_t capacity);

/// A compressor at `level` with `dictionary` (none when `length` is 0); NULL when memory
/// is short or the dictionary is refused. Free it with pq_zstd_compressor_free.
pq_zstd_compressor *pq_zstd_compressor_create(const uint8_t *dictionary, size_t length, int level);
void pq_zstd_compressor_free(pq_zstd_compressor *compressor);

/// The most `length` bytes can compress to.
size_t pq_zstd_bound(size_t length);

/// Compresses `input` into `output` (at least pq_zstd_bound(input_length) bytes) as one
/// frame; returns its length, or 0 on failure (no memory).
size_t pq_zstd_compress(const pq_zstd_compressor *compressor, const uint8_t *input,
                        size_t input_length, uint8_t *output, size_t capacity);

/// A decompressor with `dictionary` (none when `length` is 0); NULL when memory is short
/// or the dictionary is refused. Free it with pq_zstd_decompressor_free.
pq_zstd_decompressor *pq_zstd_decompressor_create(const uint8_t *dictionary, size_t length);
void pq_zstd_decompressor_free(pq_zstd_decompressor *decompressor);

/// The first frame of `input`: its compressed length in `compressed_length` and the
/// length it declares in `content_length`. Returns 0, or 1 when `input` does not start
/// with a whole frame that declares its length.
int pq_zstd_frame_lengths(const uint8_t *input, size_t input_length, size_t *compressed_length,
                          uint64_t *content_length);

/// Decompresses the frame `input` into `output`: 0 when it is whole and fills exactly
/// `expected_length` bytes, 1 when it is damaged, of another length or made with another
/// dictionary, 2 when memory is short.
int pq_zstd_decompress(const pq_zstd_decompressor *decompressor, const uint8_t *input,
                       size_t input_length, uint8_t *output, size_t expected_length);
#endif
