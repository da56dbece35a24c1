import Dispatch

/// Two pieces of work run at once, on two threads, for the parts of a job that split in
/// two independent halves (the merge of an index's postings, by key range). The work may
/// touch what the caller owns: the caller guarantees that the two halves share nothing
/// they write.
package enum TwoThreads {
  /// Runs `first` and `second` at once and returns both results; rethrows the first
  /// one's error, else the second's.
  package static func run<A, B>(_ first: () throws -> A, _ second: () throws -> B) throws -> (A, B)
  {
    try withoutActuallyEscaping(first) { first in
      try withoutActuallyEscaping(second) { second in
        let work = Work(first: first, second: second)
        DispatchQueue.concurrentPerform(iterations: 2) { part in work.run(part) }
        return (try work.firstResult!.get(), try work.secondResult!.get())
      }
    }
  }

  /// The two pieces of work and their results; each thread writes only its own result.
  private final class Work<A, B>: @unchecked Sendable {
    let first: () throws -> A
    let second: () throws -> B
    var firstResult: Result<A, Error>?
    var secondResult: Result<B, Error>?

    init(first: @escaping () throws -> A, second: @escaping () throws -> B) {
      self.first = first
      self.second = second
    }

    func run(_ part: Int) {
      if part == 0 {
        firstResult = Result { try first() }
      } else {
        secondResult = Result { try second() }
      }
    }
  }
}
