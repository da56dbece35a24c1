import Foundation

/// Runs `produce` over inputs 0..<count on a background thread, at most `depth` items
/// ahead of the consumer, and hands the results over in input order: the indexer reads
/// and parses the next files while it writes the postings of the current one, so a build
/// uses two cores and its memory stays bounded.
package final class OrderedPipeline<Item: Sendable>: @unchecked Sendable {
  private let condition = NSCondition()
  /// Produced, not yet consumed (at most `depth`).
  private var queue: [Item] = []
  private var consumed = 0
  private var cancelled = false
  private let count: Int
  private let depth: Int
  /// Items queued before a waiting consumer is woken.
  private let wakeBatch: Int

  package init(count: Int, depth: Int = 8, produce: @escaping @Sendable (Int) -> Item) {
    self.count = count
    self.depth = max(1, depth)
    self.wakeBatch = max(1, self.depth / 2)
    let thread = Thread { [self] in
      for index in 0..<count {
        condition.lock()
        while queue.count >= self.depth && !cancelled { condition.wait() }
        let stop = cancelled
        condition.unlock()
        if stop { return }
        let item = produce(index)
        condition.lock()
        queue.append(item)
        // The consumer is woken for a batch of items (or the last), not for each: it is
        // usually the faster side, so it waits for every item, and each wake-up is a pair
        // of system calls (about 1% of indexing the seeds, one item per file).
        if queue.count >= self.wakeBatch || index == count - 1 { condition.broadcast() }
        condition.unlock()
      }
    }
    thread.stackSize = 8 << 20
    thread.start()
  }

  /// The next item in input order, waiting for it; nil after the last.
  package func next() -> Item? {
    condition.lock()
    defer { condition.unlock() }
    guard consumed < count else { return nil }
    while queue.isEmpty { condition.wait() }
    consumed += 1
    condition.broadcast()
    return queue.removeFirst()
  }

  /// Stops the producer after the item it is working on, for a consumer that stops early
  /// (an error while writing).
  package func cancel() {
    condition.lock()
    cancelled = true
    condition.broadcast()
    condition.unlock()
  }
}
