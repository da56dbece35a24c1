#ifndef POLICYQ_FUZZER_DRIVER_H
#define POLICYQ_FUZZER_DRIVER_H
#include <stddef.h>
#include <stdint.h>

/// Runs libFuzzer on `callback` with the command line's arguments (libFuzzer's own entry,
/// in the library that -sanitize=fuzzer links). SwiftPM renames an executable's `main`, so
/// the Swift `main` calls this instead of letting libFuzzer's `main` run.
int pq_fuzzer_run(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
#endif
