import Foundation
import PolicyBytes
import Testing

@testable import PolicyKit

/// How many items the workers of a pipeline have started and finished.
private final class WorkCounts: @unchecked Sendable {
  private let lock = NSLock()
  private var startedCount = 0
  private var threads = Set<String>()

  func start() {
    lock.lock()
    startedCount += 1
    threads.insert("\(Unmanaged.passUnretained(Thread.current).toOpaque())")
    lock.unlock()
  }

  var started: Int { lock.withLock { startedCount } }
  var threadCount: Int { lock.withLock { threads.count } }
}

@Suite struct OrderedPipelineWorkersTests {
  /// Several workers: items come back in input order whatever their timing, and no worker
  /// starts an item `depth` or more ahead of the consumer.
  @Test func severalWorkers_inputOrder_boundedWindow() {
    let counts = WorkCounts()
    let depth = 6
    let pipeline = OrderedPipeline(count: 300, workers: 4, depth: depth) { index -> Int in
      counts.start()
      // Uneven work: later inputs often finish before earlier ones.
      usleep(UInt32((index * 7919) % 5) * 150)
      return index * 3
    }
    var received: [Int] = []
    var widest = 0
    while let item = pipeline.next() {
      received.append(item)
      widest = max(widest, counts.started - received.count)
      #expect(counts.started - received.count <= depth)
      if received.count % 40 == 0 { usleep(3_000) }
    }
    #expect(received == (0..<300).map { $0 * 3 })
    #expect(pipeline.next() == nil)
    #expect(widest > 1)
    #expect(counts.threadCount > 1)
  }

  /// The workers run at once: item 0 waits for item 1, which one worker alone would never
  /// reach before finishing item 0.
  @Test func twoWorkers_runAtOnce() {
    let second = DispatchSemaphore(value: 0)
    let pipeline = OrderedPipeline(count: 2, workers: 2, depth: 2) { index -> Bool in
      if index == 1 {
        second.signal()
        return true
      }
      return second.wait(timeout: .now() + 5) == .success
    }
    #expect(pipeline.next() == true)
    #expect(pipeline.next() == true)
  }

  /// A consumer that stops early cancels every worker instead of letting them run on; a
  /// `next()` after the cancellation does not wait for items never made.
  @Test func cancel_stopsEveryWorker() {
    let counts = WorkCounts()
    let pipeline = OrderedPipeline(count: 10_000, workers: 3, depth: 4) { index -> Int in
      counts.start()
      usleep(500)
      return index
    }
    #expect(pipeline.next() == 0)
    pipeline.cancel()
    usleep(30_000)
    let stopped = counts.started
    #expect(stopped < 10)
    usleep(30_000)
    #expect(counts.started == stopped)
    var drained = 0
    while pipeline.next() != nil { drained += 1 }
    #expect(drained < 10)
  }
}
