#ifndef PQ_PREFETCH_H
#define PQ_PREFETCH_H

/// Asks the CPU to bring the cache line at `address` in ahead of use (a hint: no effect on
/// results, never faults). Swift has no prefetch of its own.
static inline void pq_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }

/// The same, for a line about to be written.
static inline void pq_prefetch_write(const void *address) { __builtin_prefetch(address, 1, 3); }

#endif
