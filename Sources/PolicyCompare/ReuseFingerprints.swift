/// The winnowed fingerprints of a corpus's letters, sorted by hash, and each document's
/// own: what `TextReuse` finds candidate pairs with.
struct ReuseFingerprints: Sendable {
  /// A fingerprint: the hash of `shingle` letters and where they start.
  struct Print: Sendable {
    var hash: UInt64
    var document: UInt32
    var position: UInt32
  }

  /// Every fingerprint of the corpus, by hash, then document, then position.
  private let sorted: [Print]
  /// Per document, where its own fingerprints lie in `byDocument`.
  private let documentStarts: [Int]
  /// Every fingerprint in document order.
  private let byDocument: [Print]
  private let maximumDocuments: Int

  init(texts: [ReuseText], options: TextReuse.Options) {
    var all: [Print] = []
    var starts: [Int] = []
    for (document, text) in texts.enumerated() {
      starts.append(all.count)
      let hashes = Self.shingleHashes(text.letters, shingle: options.shingle)
      Self.winnow(hashes, window: options.window) { hash, position in
        all.append(Print(hash: hash, document: UInt32(document), position: UInt32(position)))
      }
    }
    starts.append(all.count)
    byDocument = all
    documentStarts = starts
    sorted = all.sorted {
      ($0.hash, $0.document, $0.position) < ($1.hash, $1.document, $1.position)
    }
    maximumDocuments = options.maximumDocuments
    // How many documents hold each fingerprint's letters: counted over every shingle of
    // every document, not only those winnowing kept (a document may keep another
    // fingerprint of the same boilerplate, its neighbours being different).
    var keys: [UInt64] = []
    for print in sorted where keys.last != print.hash { keys.append(print.hash) }
    var counts = [Int32](repeating: 0, count: keys.count)
    var occurrences = [Int32](repeating: 0, count: keys.count)
    var lastDocument = [Int32](repeating: -1, count: keys.count)
    for (document, text) in texts.enumerated() {
      for hash in Self.shingleHashes(text.letters, shingle: options.shingle) {
        guard let slot = Self.slot(of: hash, in: keys) else { continue }
        occurrences[slot] &+= 1
        guard lastDocument[slot] != Int32(document) else { continue }
        lastDocument[slot] = Int32(document)
        counts[slot] += 1
      }
    }
    // A run repeated within documents (the rows of a task table) would pair every copy
    // with every other: held more than twice `maximumDocuments` times, it starts nothing.
    for slot in keys.indices where occurrences[slot] > Int32(2 * options.maximumDocuments) {
      counts[slot] = Int32.max
    }
    self.keys = keys
    documentCounts = counts
  }

  /// The distinct fingerprint hashes, in order, and how many documents hold each.
  private let keys: [UInt64]
  private let documentCounts: [Int32]

  /// Where `hash` is in `keys`, if there.
  private static func slot(of hash: UInt64, in keys: [UInt64]) -> Int? {
    var low = 0
    var high = keys.count
    while low < high {
      let middle = (low + high) / 2
      if keys[middle] < hash { low = middle + 1 } else { high = middle }
    }
    return low < keys.count && keys[low] == hash ? low : nil
  }

  /// Appends the seeds of `document` with every later document that shares one of its
  /// fingerprints, unless more than `maximumDocuments` documents hold its letters (or
  /// they occur more than twice as many times).
  func seeds(of document: Int, into seeds: inout [ReuseSeed]) {
    for print in byDocument[documentStarts[document]..<documentStarts[document + 1]] {
      guard let slot = Self.slot(of: print.hash, in: keys),
        documentCounts[slot] > 1, documentCounts[slot] <= maximumDocuments
      else { continue }
      // The first print of the hash in a later document, then the rest of the hash's.
      let here = UInt32(document)
      var low = 0
      var high = sorted.count
      while low < high {
        let middle = (low + high) / 2
        let entry = sorted[middle]
        if (entry.hash, entry.document) <= (print.hash, here) {
          low = middle + 1
        } else {
          high = middle
        }
      }
      var end = low
      while end < sorted.count && sorted[end].hash == print.hash {
        seeds.append(
          ReuseSeed(other: sorted[end].document, here: print.position, there: sorted[end].position))
        end += 1
      }
    }
  }

  /// The hash of every run of `shingle` letters of `letters`, by where it starts: a
  /// polynomial rolling hash, then mixed (splitmix64's finaliser) so that the smallest of
  /// a window is no bias toward some letters.
  static func shingleHashes(_ letters: [UInt32], shingle: Int) -> [UInt64] {
    guard letters.count >= shingle else { return [] }
    let count = letters.count - shingle + 1
    var hashes = [UInt64](repeating: 0, count: count)
    let base: UInt64 = 0x100_0000_01B3
    var power: UInt64 = 1
    for _ in 1..<shingle { power &*= base }
    var rolling: UInt64 = 0
    for index in 0..<shingle { rolling = rolling &* base &+ UInt64(letters[index]) }
    hashes[0] = mix(rolling)
    for start in 1..<count {
      rolling =
        (rolling &- UInt64(letters[start - 1]) &* power) &* base
        &+ UInt64(letters[start + shingle - 1])
      hashes[start] = mix(rolling)
    }
    return hashes
  }

  /// Calls `body` with each fingerprint among `hashes`: the smallest of every `window`
  /// consecutive ones (the rightmost of equal ones), once each, with where it stands.
  static func winnow(_ hashes: [UInt64], window: Int, _ body: (UInt64, Int) -> Void) {
    let count = hashes.count
    // The smallest of each window through a deque of candidates (increasing hashes).
    var deque: [Int] = []
    deque.reserveCapacity(window)
    var head = 0
    var lastKept = -1
    for index in 0..<count {
      while deque.count > head && hashes[deque[deque.count - 1]] >= hashes[index] {
        deque.removeLast()
      }
      deque.append(index)
      if deque[head] <= index - window { head += 1 }
      if head > 64 {
        deque.removeFirst(head)
        head = 0
      }
      guard index >= window - 1 || index == count - 1 else { continue }
      let smallest = deque[head]
      if smallest != lastKept {
        body(hashes[smallest], smallest)
        lastKept = smallest
      }
    }
  }

  private static func mix(_ value: UInt64) -> UInt64 {
    var z = value &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
