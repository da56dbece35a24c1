/// Checksums: 64-bit FNV-1a, the four-lane `words` of whole files and tables, and the
/// 32-bit `record` of each record an index query reads.
@usableFromInline package enum Checksum {
  @inlinable package static func fnv1a(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01B3
    }
    return hash
  }

  /// A fast 64-bit checksum for tables checked on every open and for whole index files:
  /// four independent lanes of eight bytes (so the multiplications overlap), mixed
  /// together with the length at the end.
  @inlinable package static func words(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var stream = Stream()
    stream.update(bytes)
    return stream.finish()
  }

  /// A 32-bit checksum of one record of an index (a unit, a document, a posting list's
  /// blocks), checked each time the record is read: `words` folded to 32 bits, computed in
  /// one pass without allocating (a query checks many of them). Damage goes unnoticed
  /// with a chance of about 2⁻³².
  @inlinable package static func record(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
    var lanes = Stream.initialLanes
    let blocks = bytes.count / 32
    if let base = bytes.baseAddress, blocks > 0 {
      Stream.mix(&lanes, UnsafeRawPointer(base), blocks: blocks)
    }
    let hash = Stream.finish(
      lanes, length: bytes.count, tail: UnsafeBufferPointer(rebasing: bytes[(blocks * 32)...]))
    return UInt32(truncatingIfNeeded: hash ^ (hash >> 32))
  }

  /// `words` computed over bytes given piece by piece (as a file is written).
  @usableFromInline package struct Stream {
    @inlinable package init() {}

    @usableFromInline static let prime: UInt64 = 0x0000_0100_0000_01B3
    @usableFromInline static let initialLanes: (UInt64, UInt64, UInt64, UInt64) = (
      0x9E37_79B9_7F4A_7C15, 0xC2B2_AE3D_27D4_EB4F, 0x1656_67B1_9E37_79F9, 0x27D4_EB2F_1656_67C5
    )
    @usableFromInline var lanes = Stream.initialLanes
    /// Bytes short of a 32-byte block, carried to the next update.
    @usableFromInline var pending: [UInt8] = []
    @usableFromInline var length = 0

    @inlinable package mutating func update(_ bytes: UnsafeBufferPointer<UInt8>) {
      guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
      length += bytes.count
      var start = 0
      if !pending.isEmpty {
        let taken = min(32 - pending.count, bytes.count)
        pending.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[0..<taken]))
        start = taken
        guard pending.count == 32 else { return }
        pending.withUnsafeBytes { Self.mix(&lanes, UnsafeRawPointer($0.baseAddress!), blocks: 1) }
        pending.removeAll(keepingCapacity: true)
      }
      let blocks = (bytes.count - start) / 32
      Self.mix(&lanes, UnsafeRawPointer(base + start), blocks: blocks)
      pending.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[(start + blocks * 32)...]))
    }

    @inlinable static func mix(
      _ state: inout (UInt64, UInt64, UInt64, UInt64), _ raw: UnsafeRawPointer, blocks: Int
    ) {
      var lanes = state
      for block in 0..<blocks {
        let offset = block * 32
        lanes.0 =
          (lanes.0 ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* Self.prime
        lanes.1 =
          (lanes.1 ^ raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)) &* Self.prime
        lanes.2 =
          (lanes.2 ^ raw.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self)) &* Self.prime
        lanes.3 =
          (lanes.3 ^ raw.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self)) &* Self.prime
        lanes.0 ^= lanes.0 >> 29
        lanes.1 ^= lanes.1 >> 29
        lanes.2 ^= lanes.2 >> 29
        lanes.3 ^= lanes.3 >> 29
      }
      state = lanes
    }

    @inlinable package func finish() -> UInt64 {
      pending.withUnsafeBufferPointer { Self.finish(lanes, length: length, tail: $0) }
    }

    /// The checksum of `length` bytes whose whole blocks left `lanes` and whose last
    /// `tail` bytes made no block.
    @inlinable static func finish(
      _ lanes: (UInt64, UInt64, UInt64, UInt64), length: Int, tail: UnsafeBufferPointer<UInt8>
    ) -> UInt64 {
      var hash = lanes.0 ^ UInt64(length)
      // Lanes 1, 2, 3 in turn (unrolled: an array literal here would be allocated).
      hash = (hash ^ lanes.1) &* Self.prime ^ (hash >> 31)
      hash = (hash ^ lanes.2) &* Self.prime ^ (hash >> 31)
      hash = (hash ^ lanes.3) &* Self.prime ^ (hash >> 31)
      for byte in tail { hash = (hash ^ UInt64(byte)) &* Self.prime }
      return hash
    }
  }

  @inlinable package static func hex(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
