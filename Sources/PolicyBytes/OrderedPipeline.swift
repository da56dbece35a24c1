import Foundation

/// Runs `produce` over inputs 0..<count on `workers` background threads and hands the
/// results over in input order. Each worker takes the next input number from a shared
/// counter, but only while that number is fewer than `depth` ahead of the consumer: at most
/// `depth` items are queued or in the making, so memory stays bounded however far the
/// workers could run ahead. The indexer and `policyq extract` read and parse the next
/// files on every core while the current one is written.
package final class OrderedPipeline<Item: Sendable>: @unchecked Sendable {
  private let condition = NSCondition()
  /// Items done, not yet consumed, by input number modulo `depth`.
  private var slots: [Item?]
  /// The next input number a worker takes.
  private var taken = 0
  private var consumed = 0
  private var cancelled = false
  /// Whether the consumer waits for its next item; workers waiting for room in the window.
  private var consumerWaits = false
  private var waitingWorkers = 0
  private let count: Int
  private let depth: Int
  /// Items ready in order before a waiting consumer is woken.
  private let wakeBatch: Int

  /// Starts the workers.
  /// - Parameters:
  ///   - count: the number of inputs, numbered from 0.
  ///   - workers: the threads that run `produce` (at least 1).
  ///   - depth: the most items ahead of the consumer, done or in the making (at least
  ///     `workers`, so that each has room to work).
  ///   - produce: makes the item of one input number; called once per number, from any
  ///     worker thread.
  package init(
    count: Int, workers: Int = 1, depth: Int = 8, produce: @escaping @Sendable (Int) -> Item
  ) {
    let workers = max(1, min(workers, max(1, count)))
    self.count = count
    self.depth = max(depth, workers, 1)
    self.wakeBatch = max(1, self.depth / 2)
    self.slots = Array(repeating: nil, count: self.depth)
    for _ in 0..<workers {
      let thread = Thread { [self] in
        while let number = take() {
          let item = produce(number)
          deliver(item, number: number)
        }
      }
      thread.stackSize = 8 << 20
      thread.start()
    }
  }

  /// The next input number for a worker, waiting for room in the window; nil when all are
  /// taken or the pipeline is cancelled.
  private func take() -> Int? {
    condition.lock()
    defer { condition.unlock() }
    while taken < count && taken - consumed >= depth && !cancelled {
      waitingWorkers += 1
      condition.wait()
      waitingWorkers -= 1
    }
    guard taken < count, !cancelled else { return nil }
    taken += 1
    return taken - 1
  }

  private func deliver(_ item: Item, number: Int) {
    condition.lock()
    defer { condition.unlock() }
    slots[number % depth] = item
    // A waiting consumer is woken for a batch of items ready in order (or the last), not
    // for each: it is usually the faster side, so it waits for every item, and each
    // wake-up is a pair of system calls (about 1% of indexing the seeds, one item per file).
    if consumerWaits && readyInOrder() >= min(wakeBatch, count - consumed) {
      condition.broadcast()
    }
  }

  /// Items ready from the consumer's next one on, counted up to `wakeBatch`.
  private func readyInOrder() -> Int {
    var ready = 0
    while ready < wakeBatch, consumed + ready < count, slots[(consumed + ready) % depth] != nil {
      ready += 1
    }
    return ready
  }

  /// The next item in input order, waiting for it; nil after the last, or once cancelled
  /// when it is not ready.
  package func next() -> Item? {
    condition.lock()
    defer { condition.unlock() }
    guard consumed < count else { return nil }
    let slot = consumed % depth
    while slots[slot] == nil {
      if cancelled { return nil }
      consumerWaits = true
      condition.wait()
      consumerWaits = false
    }
    let item = slots[slot]
    slots[slot] = nil
    consumed += 1
    if waitingWorkers > 0 { condition.broadcast() }
    return item
  }

  /// Stops the workers after the items they are working on, for a consumer that stops
  /// early (an error while writing).
  package func cancel() {
    condition.lock()
    cancelled = true
    condition.broadcast()
    condition.unlock()
  }
}
