import PolicyBytes

/// The frame the binary index files share: an 8-byte magic, the body, then a footer of
/// little-endian 64-bit fields (where the file's tables are, their checksum) and an
/// 8-byte closing magic. A truncated or foreign file fails on the magics.
package struct IndexFileFrame {
  let headerMagic: String
  let footerMagic: String
  /// How many 64-bit fields the footer holds.
  package let fields: Int
  /// What the file is, for errors ("postings", "units").
  package let kind: String

  package var footerSize: Int { fields * 8 + 8 }

  /// The footer for `values` (one per field).
  package func footer(_ values: [UInt64]) -> [UInt8] {
    precondition(values.count == fields, "a footer has \(fields) fields")
    var writer = ByteWriter()
    for value in values { writer.uint64(value) }
    writer.bytes.append(contentsOf: footerMagic.utf8)
    return writer.bytes
  }

  /// Checks the magics of `bytes` and reads the footer's fields.
  /// - Throws: `IndexError.corrupt` naming `file`.
  package func footerValues(of bytes: UnsafeBufferPointer<UInt8>, file: String) throws -> [UInt64] {
    guard bytes.count >= 8 + footerSize,
      bytes.prefix(8).elementsEqual(headerMagic.utf8),
      bytes.suffix(8).elementsEqual(footerMagic.utf8)
    else { throw IndexError.corrupt(file: file, reason: "truncated, or not a \(kind) file") }
    var reader = ByteReader(bytes, at: bytes.count - footerSize, file: file)
    return try (0..<fields).map { _ in try reader.uint64() }
  }
}
