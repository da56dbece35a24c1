import Foundation
import PolicyBytes

/// The bigram postings of an index, read from a memory-mapped `postings.bin`:
///
/// - header `PQPOST03`;
/// - per key, its posting list: the number of units holding the key and the length of the
///   unit block (varints); the unit block: per unit its delta from the previous unit
///   (the first from -1), its count of positions shifted left once with the low bit set when
///   some lie in the heading, and then that heading count; the positions block: per unit its
///   positions as deltas (the first from 0);
/// - the key table, 32 bytes per key in key order: key, list offset, list length, units,
///   `Checksum.record` of the list up to the end of its unit block, and of its positions
///   block;
/// - footer: table offset, key count, table checksum, `PQPOSTND`.
///
/// Counting a term of two characters reads unit blocks only; positions are decoded only
/// for the units that hold all the bigrams of a longer term. The key table is checked as a
/// whole when the file is opened; a list's unit part when the list is read, its positions
/// block before the first position is decoded: a damaged list is an error, never a wrong
/// hit.
package struct PostingsFile: Sendable {
  /// Footer: table offset, key count, table checksum.
  package static let frame = IndexFileFrame(
    headerMagic: "PQPOST03", footerMagic: "PQPOSTND", fields: 3, kind: "postings")
  private static let entrySize = 32

  /// The postings of one key, not yet decoded.
  package struct Postings {
    package let unitCount: Int
    let unitBlock: UnsafeBufferPointer<UInt8>
    let positionBlock: UnsafeBufferPointer<UInt8>
    /// `Checksum.record` of `positionBlock`, checked before a position is decoded.
    let positionChecksum: UInt32
  }

  /// A key's unit block, decoded: units in increasing order, with their counts.
  package struct UnitList {
    package var units: [Int32] = []
    package var totals: [Int32] = []
    package var inHeading: [Int32] = []
    var positionBlock = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    var positionChecksum: UInt32 = 0
  }

  private let file: MappedFile
  package var path: String { file.path }
  private let tableOffset: Int
  package let keyCount: Int
  /// Units in the index: a posting naming a unit beyond them is damage.
  package let unitCount: Int

  package init(path: String, unitCount: Int) throws {
    self.unitCount = unitCount
    file = try MappedFile(path: path)
    let bytes = file.bytes
    let footer = try Self.frame.footerValues(of: bytes, file: path)
    let (offset, count, checksum) = (
      Int(truncatingIfNeeded: footer[0]), Int(truncatingIfNeeded: footer[1]), footer[2]
    )
    // Each value is bounded by the file's size before any arithmetic (a damaged footer may hold anything).
    guard offset >= 8, offset <= bytes.count, count >= 0, count < bytes.count,
      offset + count * Self.entrySize == bytes.count - Self.frame.footerSize
    else {
      throw IndexError.corrupt(file: path, reason: "the key table does not fit the file")
    }
    let table = UnsafeBufferPointer(rebasing: bytes[offset..<(offset + count * Self.entrySize)])
    guard Checksum.words(table) == checksum else {
      throw IndexError.corrupt(file: path, reason: "key table checksum mismatch")
    }
    tableOffset = offset
    keyCount = count
  }

  @inline(__always)
  private func key(at index: Int) -> UInt64 {
    UnsafeRawPointer(file.bytes.baseAddress!).loadUnaligned(
      fromByteOffset: tableOffset + index * Self.entrySize, as: UInt64.self)
  }

  /// The index in the key table of the first key ≥ `key`.
  private func lowerBound(_ key: UInt64) -> Int {
    SortedSearch.lowerBound(key, in: 0..<keyCount) { self.key(at: $0) }
  }

  /// The postings of table entry `index`.
  private func postings(at index: Int) throws -> Postings {
    let raw = UnsafeRawPointer(file.bytes.baseAddress!) + tableOffset + index * Self.entrySize
    let offset = Int(truncatingIfNeeded: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
    let length = Int(raw.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
    guard offset >= 8, length >= 0, offset <= tableOffset - length else {
      throw IndexError.corrupt(file: path, reason: "a posting list lies outside the file")
    }
    let list = UnsafeBufferPointer(rebasing: file.bytes[offset..<(offset + length)])
    var reader = ByteReader(list, file: path)
    let unitCount = try reader.int()
    let unitBlockLength = try reader.int()
    guard unitCount >= 0, unitBlockLength >= 0, unitBlockLength <= length - reader.offset else {
      throw IndexError.corrupt(file: path, reason: "a posting list is damaged")
    }
    let unitPartEnd = reader.offset + unitBlockLength
    guard
      Checksum.record(UnsafeBufferPointer(rebasing: list[..<unitPartEnd]))
        == raw.loadUnaligned(fromByteOffset: 24, as: UInt32.self)
    else {
      throw IndexError.corrupt(file: path, reason: "a posting list: checksum mismatch")
    }
    return Postings(
      unitCount: unitCount,
      unitBlock: UnsafeBufferPointer(rebasing: list[reader.offset..<unitPartEnd]),
      positionBlock: UnsafeBufferPointer(rebasing: list[unitPartEnd...]),
      positionChecksum: raw.loadUnaligned(fromByteOffset: 28, as: UInt32.self))
  }

  /// The postings of every key in `range`, in key order.
  package func postings(in range: ClosedRange<UInt64>) throws -> [Postings] {
    var index = lowerBound(range.lowerBound)
    var found: [Postings] = []
    while index < keyCount, key(at: index) <= range.upperBound {
      found.append(try postings(at: index))
      index += 1
    }
    return found
  }

  /// The postings of `key`, if any unit holds it.
  package func postings(of key: UInt64) throws -> Postings? {
    let index = lowerBound(key)
    guard index < keyCount, self.key(at: index) == key else { return nil }
    return try postings(at: index)
  }

  /// Decodes a unit block.
  package func units(of postings: Postings) throws -> UnitList {
    var list = UnitList()
    list.positionBlock = postings.positionBlock
    list.positionChecksum = postings.positionChecksum
    list.units.reserveCapacity(postings.unitCount)
    list.totals.reserveCapacity(postings.unitCount)
    list.inHeading.reserveCapacity(postings.unitCount)
    var reader = ByteReader(postings.unitBlock, file: path)
    var unit = -1
    while !reader.isAtEnd {
      // Values are checked before use: damaged bytes may decode to any number.
      let delta = try reader.int()
      // Bounded before the addition: unit + delta stays below the unit count.
      guard delta >= 1, delta < unitCount - unit else {
        throw IndexError.corrupt(file: path, reason: "a posting names no unit")
      }
      unit += delta
      let flagged = try reader.int()
      let inHeading = flagged & 1 == 1 ? try reader.int() : 0
      let total = flagged >> 1
      // Every position takes at least one byte of the positions block.
      guard total > 0, total <= postings.positionBlock.count, inHeading >= 0, inHeading <= total
      else {
        throw IndexError.corrupt(file: path, reason: "bad position count")
      }
      list.units.append(Int32(unit))
      list.totals.append(Int32(total))
      list.inHeading.append(Int32(inHeading))
    }
    guard list.units.count == postings.unitCount else {
      throw IndexError.corrupt(file: path, reason: "a posting list is damaged")
    }
    return list
  }
}

/// Reads the positions of a `PostingsFile.UnitList`'s units, in increasing unit order,
/// skipping the positions of the units in between without decoding them.
struct PositionCursor {
  private let list: PostingsFile.UnitList
  private let file: String
  private var unitIndex = 0
  private var offset = 0
  private var checked = false

  package init(_ list: PostingsFile.UnitList, file: String) {
    self.list = list
    self.file = file
  }

  /// The positions of the list's `index`-th unit (not before the last one read), into `positions`.
  package mutating func positions(at index: Int, into positions: inout [UInt32]) throws {
    precondition(index >= unitIndex, "positions are read in increasing unit order")
    let bytes = list.positionBlock
    if !checked {
      guard Checksum.record(bytes) == list.positionChecksum else {
        throw IndexError.corrupt(file: file, reason: "a positions block: checksum mismatch")
      }
      checked = true
    }
    // Skip the positions of units unitIndex..<index: each ends with a byte below 0x80.
    var skip = 0
    for unit in unitIndex..<index { skip += Int(list.totals[unit]) }
    // Eight bytes at a time while more varints end beyond them than within (a frequent
    // bigram's list is mostly skipped), then byte by byte to the last one.
    if let base = bytes.baseAddress {
      while skip > 8 && offset + 8 <= bytes.count {
        let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
        let ends = (~word & 0x8080_8080_8080_8080).nonzeroBitCount
        guard ends < skip else { break }
        skip -= ends
        offset += 8
      }
    }
    while skip > 0 && offset < bytes.count {
      if bytes[offset] < 0x80 { skip -= 1 }
      offset += 1
    }
    guard skip == 0 else {
      throw IndexError.corrupt(file: file, reason: "positions run past the end")
    }
    positions.removeAll(keepingCapacity: true)
    var reader = ByteReader(bytes, at: offset, file: file)
    var position: UInt32 = 0
    for _ in 0..<list.totals[index] {
      position &+= UInt32(truncatingIfNeeded: try reader.varint())
      positions.append(position)
    }
    offset = reader.offset
    unitIndex = index + 1
  }
}
