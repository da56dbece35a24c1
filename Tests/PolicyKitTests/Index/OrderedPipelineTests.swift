import Foundation
import PolicyBytes
import Testing

@testable import PolicyKit

/// How many items a pipeline's producer has made, read from the consumer's thread.
private final class Counter: @unchecked Sendable {
  private let lock = NSLock()
  private var count = 0

  func increment() {
    lock.lock()
    count += 1
    lock.unlock()
  }

  var produced: Int {
    lock.lock()
    defer { lock.unlock() }
    return count
  }
}

@Suite struct OrderedPipelineTests {
  /// Items come back in input order whatever the producer's timing, never more than
  /// `depth` ahead of the consumer.
  @Test func inputOrder_boundedLookahead() {
    let counter = Counter()
    let pipeline = OrderedPipeline(count: 200, depth: 4) { index -> Int in
      if index % 7 == 0 { usleep(200) }
      counter.increment()
      return index * 3
    }
    var received: [Int] = []
    while let item = pipeline.next() {
      let ahead = counter.produced - received.count
      // Produced = this item + at most 4 queued + at most 1 being handed over.
      #expect(ahead <= 1 + 4 + 1)
      received.append(item)
      if received.count % 50 == 0 { usleep(2_000) }
    }
    #expect(received == (0..<200).map { $0 * 3 })
    #expect(pipeline.next() == nil)
  }

  /// A consumer that stops early cancels the producer instead of letting it run on.
  @Test func cancel_stopsTheProducer() {
    let counter = Counter()
    let pipeline = OrderedPipeline(count: 10_000, depth: 2) { index -> Int in
      counter.increment()
      return index
    }
    #expect(pipeline.next() == 0)
    pipeline.cancel()
    usleep(20_000)
    #expect(counter.produced < 10)
  }
}
