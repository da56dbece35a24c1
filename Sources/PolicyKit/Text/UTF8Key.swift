/// UTF-8 bytes as a dictionary key, hashed in one call: `[UInt8]`'s own hashing feeds
/// the hasher one byte at a time, which cost more than the lookups it served.
struct UTF8Key: Hashable {
  var bytes: [UInt8]

  func hash(into hasher: inout Hasher) {
    bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
  }
}
