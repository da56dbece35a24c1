#include "fuzzer_driver.h"

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

int pq_fuzzer_run(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size)) {
  return LLVMFuzzerRunDriver(argc, argv, callback);
}
