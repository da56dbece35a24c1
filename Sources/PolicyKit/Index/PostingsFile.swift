import Foundation

/// The bigram postings of an index, read from a memory-mapped `postings.bin`:
/// header, posting lists, key table (key, offset, length, document frequency), footer.
struct PostingsFile: @unchecked Sendable {
  static let headerMagic = "PQPOST01"
  static let footerMagic = "PQPOSTND"
  private static let entrySize = 24
  private static let footerSize = 32

  /// One decoded posting list: for each unit, where its positions are in `positions`.
  struct List {
    var units: [Int32] = []
    /// `positionStarts[i]..<positionStarts[i+1]` are unit `units[i]`'s positions.
    var positionStarts: [Int32] = [0]
    var positions: [UInt32] = []

    func positions(at index: Int) -> ArraySlice<UInt32> {
      positions[Int(positionStarts[index])..<Int(positionStarts[index + 1])]
    }
  }

  private let data: Data
  let path: String
  private let tableOffset: Int
  let keyCount: Int

  init(path: String) throws {
    self.path = path
    do { data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) } catch {
      throw IndexError.corrupt(file: path, reason: "cannot be read: \(error.localizedDescription)")
    }
    let (offset, count) = try data.withUnsafeBytes { raw -> (Int, Int) in
      let bytes = raw.bindMemory(to: UInt8.self)
      guard bytes.count >= 8 + Self.footerSize,
        String(decoding: bytes[0..<8], as: UTF8.self) == Self.headerMagic,
        String(decoding: bytes[(bytes.count - 8)...], as: UTF8.self) == Self.footerMagic
      else { throw IndexError.corrupt(file: path, reason: "truncated, or not a postings file") }
      var reader = ByteReader(bytes, at: bytes.count - Self.footerSize, file: path)
      let offset = Int(try reader.uint64())
      let count = Int(try reader.uint64())
      let checksum = try reader.uint64()
      guard offset >= 8, count >= 0, offset + count * Self.entrySize == bytes.count - Self.footerSize else {
        throw IndexError.corrupt(file: path, reason: "the key table does not fit the file")
      }
      let table = UnsafeBufferPointer(rebasing: bytes[offset..<(offset + count * Self.entrySize)])
      guard Checksum.words(table) == checksum else { throw IndexError.corrupt(file: path, reason: "key table checksum mismatch") }
      return (offset, count)
    }
    tableOffset = offset
    keyCount = count
  }

  private func entry(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> (key: UInt64, offset: Int, length: Int, frequency: Int) {
    var reader = ByteReader(bytes, at: tableOffset + index * Self.entrySize, file: path)
    let key = (try? reader.uint64()) ?? 0
    let offset = Int((try? reader.uint64()) ?? 0)
    let length = Int((try? reader.uint32()) ?? 0)
    let frequency = Int((try? reader.uint32()) ?? 0)
    return (key, offset, length, frequency)
  }

  /// The index in the key table of the first key ≥ `key`.
  private func lowerBound(_ key: UInt64, _ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var low = 0
    var high = keyCount
    while low < high {
      let mid = (low + high) / 2
      if entry(mid, bytes).key < key { low = mid + 1 } else { high = mid }
    }
    return low
  }

  /// The posting list of `key` (empty when no unit holds it).
  /// - Complexity: O(log k + p) for k keys and p positions.
  func list(_ key: UInt64) throws -> List {
    try lists(in: key...key).first ?? List()
  }

  /// The posting lists of all keys in `range`, in key order.
  func lists(in range: ClosedRange<UInt64>) throws -> [List] {
    try data.withUnsafeBytes { raw -> [List] in
      let bytes = raw.bindMemory(to: UInt8.self)
      var index = lowerBound(range.lowerBound, bytes)
      var lists: [List] = []
      while index < keyCount {
        let found = entry(index, bytes)
        guard found.key <= range.upperBound else { break }
        guard found.offset >= 8, found.offset + found.length <= tableOffset else {
          throw IndexError.corrupt(file: path, reason: "a posting list lies outside the file")
        }
        lists.append(try decode(UnsafeBufferPointer(rebasing: bytes[found.offset..<(found.offset + found.length)])))
        index += 1
      }
      return lists
    }
  }

  /// For the keys in `range`: per unit, how many positions and how many of them lie below
  /// `headingLength(unit)` — without keeping the positions.
  func counts(in range: ClosedRange<UInt64>, headingLength: (Int) -> Int) throws -> [(unit: Int, total: Int, inHeading: Int)] {
    try data.withUnsafeBytes { raw in
      let bytes = raw.bindMemory(to: UInt8.self)
      var index = lowerBound(range.lowerBound, bytes)
      var out: [(unit: Int, total: Int, inHeading: Int)] = []
      while index < keyCount {
        let found = entry(index, bytes)
        guard found.key <= range.upperBound else { break }
        guard found.offset >= 8, found.offset + found.length <= tableOffset else {
          throw IndexError.corrupt(file: path, reason: "a posting list lies outside the file")
        }
        var reader = ByteReader(UnsafeBufferPointer(rebasing: bytes[found.offset..<(found.offset + found.length)]), file: path)
        var unit = -1
        while !reader.isAtEnd {
          unit += try reader.int()
          let count = try reader.int()
          guard count > 0, count <= found.length else { throw IndexError.corrupt(file: path, reason: "bad position count") }
          let heading = headingLength(unit)
          var position = 0
          var inHeading = 0
          for _ in 0..<count {
            position += try reader.int()
            if position < heading { inHeading += 1 }
          }
          out.append((unit, count, inHeading))
        }
        index += 1
      }
      return out
    }
  }

  private func decode(_ bytes: UnsafeBufferPointer<UInt8>) throws -> List {
    var list = List()
    var reader = ByteReader(bytes, file: path)
    var unit = -1
    while !reader.isAtEnd {
      unit += try reader.int()
      let count = try reader.int()
      guard count > 0, count <= bytes.count else { throw IndexError.corrupt(file: path, reason: "bad position count") }
      var position: UInt32 = 0
      for _ in 0..<count {
        position &+= UInt32(truncatingIfNeeded: try reader.varint())
        list.positions.append(position)
      }
      list.units.append(Int32(unit))
      list.positionStarts.append(Int32(list.positions.count))
    }
    return list
  }
}
