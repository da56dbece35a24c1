/// UTF-8 bytes as a dictionary key, hashed in one call: `[UInt8]`'s own hashing feeds
/// the hasher one byte at a time, which cost more than the lookups it served.
package struct UTF8Key: Hashable {
  package var bytes: [UInt8]

  package func hash(into hasher: inout Hasher) {
    bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
  }
  package init(bytes: [UInt8]) {
    self.bytes = bytes
  }
}
