/// A 64-bit FNV-1a checksum.
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

  /// `words` computed over bytes given piece by piece (as a file is written).
  @usableFromInline package struct Stream {
    @inlinable package init() {}

    @usableFromInline static let prime: UInt64 = 0x0000_0100_0000_01B3
    @usableFromInline var lanes: (UInt64, UInt64, UInt64, UInt64) = (
      0x9E37_79B9_7F4A_7C15, 0xC2B2_AE3D_27D4_EB4F, 0x1656_67B1_9E37_79F9, 0x27D4_EB2F_1656_67C5
    )
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
        pending.withUnsafeBytes { mix(UnsafeRawPointer($0.baseAddress!), blocks: 1) }
        pending.removeAll(keepingCapacity: true)
      }
      let blocks = (bytes.count - start) / 32
      mix(UnsafeRawPointer(base + start), blocks: blocks)
      pending.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[(start + blocks * 32)...]))
    }

    @usableFromInline mutating func mix(_ raw: UnsafeRawPointer, blocks: Int) {
      var lanes = self.lanes
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
      self.lanes = lanes
    }

    @inlinable package func finish() -> UInt64 {
      var hash = lanes.0 ^ UInt64(length)
      for lane in [lanes.1, lanes.2, lanes.3] { hash = (hash ^ lane) &* Self.prime ^ (hash >> 31) }
      for byte in pending { hash = (hash ^ UInt64(byte)) &* Self.prime }
      return hash
    }
  }

  @inlinable package static func hex(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
