/// A byte buffer that grows without zero-filling: the indexer reserves room for the worst
/// case of what it is about to encode (several times what it writes), so an `[UInt8]`
/// grown with zeros would spend more time filling than encoding.
@usableFromInline package final class GrowableBytes {
  @usableFromInline package private(set) var base: UnsafeMutablePointer<UInt8>
  @usableFromInline var capacity: Int
  /// Bytes in use.
  @usableFromInline package var count = 0

  @inlinable package init(capacity: Int = 1 << 16) {
    self.capacity = max(16, capacity)
    base = .allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

  /// Makes room for `room` more bytes after `count`; returns where they start. The pointer
  /// holds until the next call.
  @inline(__always)
  @inlinable package func reserve(_ room: Int) -> UnsafeMutablePointer<UInt8> {
    if count + room > capacity { grow(to: count + room) }
    return base + count
  }

  @usableFromInline func grow(to needed: Int) {
    var size = capacity * 2
    while size < needed { size *= 2 }
    let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
    grown.update(from: base, count: count)
    base.deallocate()
    base = grown
    capacity = size
  }
}
