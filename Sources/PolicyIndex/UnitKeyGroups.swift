/// The positions of one unit grouped by bigram key, as `TermTable.group` leaves them: per
/// key of the unit (in order of first occurrence) its term number and counts, and a chain
/// through each key's positions in increasing order. Scratch memory, reused from unit to
/// unit: raw buffers, so the indexer's innermost loop neither checks uniqueness nor grows
/// an array per position.
final class UnitKeyGroups {
  package struct Group {
    package var term: Int32
    var firstPosition: Int32
    package var lastPosition: Int32
    package var count: Int32
    /// Positions before the heading length.
    var headingCount: Int32
  }

  /// The unit's keys, `count` of them.
  package private(set) var groups: UnsafeMutablePointer<Group>
  /// Per position: the key's next position, -1 after its last.
  package private(set) var next: UnsafeMutablePointer<Int32>
  package var count = 0
  private var capacity: Int

  package init(capacity: Int = 4096) {
    self.capacity = capacity
    groups = .allocate(capacity: capacity)
    next = .allocate(capacity: capacity)
  }

  deinit {
    groups.deallocate()
    next.deallocate()
  }

  /// Empties the groups and makes room for a unit of `positions` positions.
  func reset(positions: Int) {
    count = 0
    guard positions > capacity else { return }
    groups.deallocate()
    next.deallocate()
    capacity = max(positions, capacity * 2)
    groups = .allocate(capacity: capacity)
    next = .allocate(capacity: capacity)
  }
}
