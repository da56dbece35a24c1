#include "pq_zstd.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#define ZDICT_STATIC_LINKING_ONLY
#include <zdict.h>
#include <zstd.h>
#include <zstd_errors.h>

struct pq_zstd_compressor {
  ZSTD_CDict *dictionary;
  int level;
};

struct pq_zstd_decompressor {
  ZSTD_DDict *dictionary;
};

// One compression and one decompression context per thread, made on first use and freed
// when the thread ends: a context costs far more to make than a chunk to compress. Should
// the keys be refused (the process out of them), each call makes and frees its own.
static pthread_key_t compression_key;
static pthread_key_t decompression_key;
static int keys_made = 0;
static pthread_once_t keys_once = PTHREAD_ONCE_INIT;

static void free_compression(void *context) { ZSTD_freeCCtx(context); }
static void free_decompression(void *context) { ZSTD_freeDCtx(context); }
static void make_keys(void) {
  if (pthread_key_create(&compression_key, free_compression) != 0) return;
  if (pthread_key_create(&decompression_key, free_decompression) != 0) {
    pthread_key_delete(compression_key);
    return;
  }
  keys_made = 1;
}

/// The thread's compression context, or (`*owned` set) one the caller frees.
static ZSTD_CCtx *compression_context(int *owned) {
  pthread_once(&keys_once, make_keys);
  *owned = !keys_made;
  if (*owned) return ZSTD_createCCtx();
  ZSTD_CCtx *context = pthread_getspecific(compression_key);
  if (context == NULL) {
    context = ZSTD_createCCtx();
    if (context != NULL && pthread_setspecific(compression_key, context) != 0) *owned = 1;
  }
  return context;
}

/// The thread's decompression context, or (`*owned` set) one the caller frees.
static ZSTD_DCtx *decompression_context(int *owned) {
  pthread_once(&keys_once, make_keys);
  *owned = !keys_made;
  if (*owned) return ZSTD_createDCtx();
  ZSTD_DCtx *context = pthread_getspecific(decompression_key);
  if (context == NULL) {
    context = ZSTD_createDCtx();
    if (context != NULL && pthread_setspecific(decompression_key, context) != 0) *owned = 1;
  }
  return context;
}

size_t pq_zstd_train(const uint8_t *samples, const size_t *lengths, uint32_t count,
                     uint8_t *dictionary, size_t capacity) {
  ZDICT_fastCover_params_t parameters;
  memset(&parameters, 0, sizeof parameters);
  parameters.k = 200;
  parameters.d = 8;
  parameters.f = 20;
  parameters.accel = 1;
  parameters.splitPoint = 1.0;
  parameters.zParams.compressionLevel = 3;
  size_t length = ZDICT_trainFromBuffer_fastCover(dictionary, capacity, samples, lengths, count,
                                                  parameters);
  return ZDICT_isError(length) ? 0 : length;
}

pq_zstd_compressor *pq_zstd_compressor_create(const uint8_t *dictionary, size_t length, int level) {
  pq_zstd_compressor *compressor = calloc(1, sizeof *compressor);
  if (compressor == NULL) return NULL;
  compressor->level = level;
  if (length > 0) {
    compressor->dictionary = ZSTD_createCDict(dictionary, length, level);
    if (compressor->dictionary == NULL) {
      free(compressor);
      return NULL;
    }
  }
  return compressor;
}

void pq_zstd_compressor_free(pq_zstd_compressor *compressor) {
  if (compressor == NULL) return;
  ZSTD_freeCDict(compressor->dictionary);
  free(compressor);
}

size_t pq_zstd_bound(size_t length) { return ZSTD_compressBound(length); }

size_t pq_zstd_compress(const pq_zstd_compressor *compressor, const uint8_t *input,
                        size_t input_length, uint8_t *output, size_t capacity) {
  int owned;
  ZSTD_CCtx *context = compression_context(&owned);
  if (context == NULL) return 0;
  size_t length =
      compressor->dictionary != NULL
          ? ZSTD_compress_usingCDict(context, output, capacity, input, input_length,
                                     compressor->dictionary)
          : ZSTD_compressCCtx(context, output, capacity, input, input_length, compressor->level);
  if (owned) ZSTD_freeCCtx(context);
  return ZSTD_isError(length) ? 0 : length;
}

pq_zstd_decompressor *pq_zstd_decompressor_create(const uint8_t *dictionary, size_t length) {
  pq_zstd_decompressor *decompressor = calloc(1, sizeof *decompressor);
  if (decompressor == NULL) return NULL;
  if (length > 0) {
    decompressor->dictionary = ZSTD_createDDict(dictionary, length);
    if (decompressor->dictionary == NULL) {
      free(decompressor);
      return NULL;
    }
  }
  return decompressor;
}

void pq_zstd_decompressor_free(pq_zstd_decompressor *decompressor) {
  if (decompressor == NULL) return;
  ZSTD_freeDDict(decompressor->dictionary);
  free(decompressor);
}

int pq_zstd_frame_lengths(const uint8_t *input, size_t input_length, size_t *compressed_length,
                          uint64_t *content_length) {
  size_t compressed = ZSTD_findFrameCompressedSize(input, input_length);
  if (ZSTD_isError(compressed) || compressed > input_length) return 1;
  unsigned long long declared = ZSTD_getFrameContentSize(input, input_length);
  if (declared == ZSTD_CONTENTSIZE_ERROR || declared == ZSTD_CONTENTSIZE_UNKNOWN) return 1;
  *compressed_length = compressed;
  *content_length = declared;
  return 0;
}

int pq_zstd_decompress(const pq_zstd_decompressor *decompressor, const uint8_t *input,
                       size_t input_length, uint8_t *output, size_t expected_length) {
  // The frame must say its length, and say the one expected, before anything is written.
  unsigned long long declared = ZSTD_getFrameContentSize(input, input_length);
  if (declared == ZSTD_CONTENTSIZE_ERROR || declared == ZSTD_CONTENTSIZE_UNKNOWN ||
      declared != expected_length)
    return 1;
  if (ZSTD_findFrameCompressedSize(input, input_length) != input_length) return 1;
  int owned;
  ZSTD_DCtx *context = decompression_context(&owned);
  if (context == NULL) return 2;
  size_t length =
      decompressor->dictionary != NULL
          ? ZSTD_decompress_usingDDict(context, output, expected_length, input, input_length,
                                       decompressor->dictionary)
          : ZSTD_decompressDCtx(context, output, expected_length, input, input_length);
  if (owned) ZSTD_freeDCtx(context);
  if (ZSTD_isError(length)) {
    return ZSTD_getErrorCode(length) == ZSTD_error_memory_allocation ? 2 : 1;
  }
  return length == expected_length ? 0 : 1;
}
