import Foundation
import PolicyBytes

/// The matching form of every Basic Multilingual Plane character: NFKC with case folding
/// (２０２５ → 2025, （ → (, Ａ → a), then Traditional → Simplified (重慶 → 重庆).
///
/// Built once from ICU, then folding is one table lookup per character, so text without
/// full-width or Traditional characters costs no more than a copy.
struct FoldingTable: Sendable {
  /// Per BMP scalar: 0 when it folds to itself, else `offset << 3 | length` into `pool`.
  private let entries: [UInt32]
  /// UTF-8 of all folded forms.
  private let pool: [UInt8]

  /// The table: read from the cache directory when a copy made with this ICU version is
  /// there, else built from ICU and cached.
  package static let shared: FoldingTable = {
    let cache = cacheURL()
    if let cache, let table = FoldingTable(contentsOf: cache) { return table }
    let table = FoldingTable()
    if let cache { table.write(to: cache) }
    return table
  }()

  private static let magic = Array("PQFOLD02".utf8)

  /// `folding-<format>-icu<ICU version>.bin` in the cache directory.
  private static func cacheURL() -> URL? {
    CacheDirectory.url?.appendingPathComponent("folding-v4-icu\(ICU.version).bin")
  }

  /// Reads a cached table; nil when the file is missing, short or damaged. The file holds
  /// only the characters that change (magic, count, then scalar and entry per character,
  /// the pool, a checksum): a few kilobytes instead of the whole table.
  private init?(contentsOf url: URL) {
    guard let data = FileManager.default.contents(atPath: url.path), data.count >= 8 + 4 + 8 else {
      return nil
    }
    let loaded: (entries: [UInt32], pool: [UInt8])? = data.withUnsafeBytes { raw in
      let bytes = raw.bindMemory(to: UInt8.self)
      guard bytes.prefix(8).elementsEqual(Self.magic) else { return nil }
      let body = UnsafeBufferPointer(rebasing: bytes[8..<(bytes.count - 8)])
      guard
        Checksum.words(body)
          == UInt64(
            littleEndian: raw.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self))
      else { return nil }
      let count = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt32.self)))
      let poolStart = 12 + count * 8
      guard count <= 0x10000, poolStart <= bytes.count - 8 else { return nil }
      var entries = [UInt32](repeating: 0, count: 0x10000)
      for index in 0..<count {
        let scalar = Int(
          UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 12 + index * 8, as: UInt32.self)))
        guard scalar < 0x10000 else { return nil }
        entries[scalar] = UInt32(
          littleEndian: raw.loadUnaligned(fromByteOffset: 16 + index * 8, as: UInt32.self))
      }
      return (entries, Array(bytes[poolStart..<(bytes.count - 8)]))
    }
    guard let loaded else { return nil }
    entries = loaded.entries
    pool = loaded.pool
  }

  /// Writes the table to `url` (atomically; failures are ignored: the cache is optional).
  private func write(to url: URL) {
    var writer = ByteWriter()
    writer.bytes.append(contentsOf: Self.magic)
    let changed = entries.indices.filter { entries[$0] != 0 }
    writer.uint32(UInt32(changed.count))
    for scalar in changed {
      writer.uint32(UInt32(scalar))
      writer.uint32(entries[scalar])
    }
    writer.bytes.append(contentsOf: pool)
    let checksum = writer.bytes.withUnsafeBufferPointer {
      Checksum.words(UnsafeBufferPointer(rebasing: $0[8...]))
    }
    writer.uint64(checksum)
    try? FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try? Data(writer.bytes).write(to: url, options: .atomic)
  }

  private init() {
    var entries = [UInt32](repeating: 0, count: 0x10000)
    var pool: [UInt8] = []
    let scalars: [UInt32] = (0x80..<0x10000).filter { !(0xD800...0xDFFF).contains($0) }
    let normalized = Self.batch(scalars.map { Array(String(Unicode.Scalar($0)!).utf16) }) {
      ICU.nfkcCasefold($0)
    }
    let transliterator = ICU.HantHansTransliterator()
    // Only forms that hold ideographs can change under Hant → Hans.
    let hanIndices = normalized.indices.filter { index in
      normalized[index].contains { UTF8Scalars.isIdeograph(UInt32($0)) }
    }
    let simplified = Self.batch(hanIndices.map { normalized[$0] }) { units in
      transliterator?.transliterate(units)
    }
    var folded = normalized
    for (position, index) in hanIndices.enumerated() { folded[index] = simplified[position] }
    for (index, scalar) in scalars.enumerated() {
      let form = folded[index]
      if form.count == 1 && UInt32(form[0]) == scalar { continue }
      var utf8: [UInt8] = []
      var iterator = form.makeIterator()
      var utf16Decoder = UTF16()
      decoding: while true {
        switch utf16Decoder.decode(&iterator) {
        case .scalarValue(let value): UTF16Transcoder.appendUTF8(value.value, to: &utf8)
        case .emptyInput: break decoding
        case .error: UTF16Transcoder.appendUTF8(0xFFFD, to: &utf8)
        }
      }
      entries[Int(scalar)] = UInt32(pool.count) << 3 | UInt32(utf8.count)
      pool.append(contentsOf: utf8)
    }
    self.entries = entries
    self.pool = pool
  }

  /// Runs `transform` over many short UTF-16 strings at once, separated by line feeds,
  /// and splits the result; falls back to one call per item if the count comes out wrong.
  private static func batch(_ items: [[UInt16]], transform: ([UInt16]) -> [UInt16]?) -> [[UInt16]] {
    var joined: [UInt16] = []
    joined.reserveCapacity(items.count * 3)
    for item in items {
      joined.append(contentsOf: item)
      joined.append(0x0A)
    }
    if let result = transform(joined) {
      var parts = result.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
      if parts.last?.isEmpty == true { parts.removeLast() }
      if parts.count == items.count { return parts }
    }
    return items.map { transform($0) ?? $0 }
  }

  /// Calls `body` with the raw table: per BMP scalar 0 or `offset << 3 | length` into
  /// the pool of folded UTF-8.
  func withUnsafeTables<R>(
    _ body: (UnsafeBufferPointer<UInt32>, UnsafeBufferPointer<UInt8>) -> R
  ) -> R {
    entries.withUnsafeBufferPointer { entries in
      pool.withUnsafeBufferPointer { pool in body(entries, pool) }
    }
  }
}
