import PolicyBytes

/// A zip archive (.docx) in memory: its central directory, every offset and size checked
/// to lie inside the archive, and its members unpacked with zlib under a limit. A damaged
/// archive is an error, never a crash or a hang, and an archive that would unpack to more
/// than the limit (a zip bomb) is refused before it is unpacked past it.
struct ZipArchive {
  /// One member of the archive as the central directory gives it.
  struct Member {
    /// Its name, as stored (UTF-8 in a .docx).
    var name: [UInt8]
    /// How its data is stored: 0 as is, 8 deflated.
    var method: UInt16
    /// The CRC-32 of its unpacked bytes.
    var checksum: UInt32
    /// Where its data starts in the archive.
    var dataStart: Int
    /// Bytes stored (compressed).
    var storedSize: Int
    /// Bytes once unpacked, as the directory declares them.
    var declaredSize: Int

    /// Its name for messages.
    var displayName: String { String(decoding: name, as: UTF8.self) }
  }

  /// Why an archive cannot be read safely, in words for an error message.
  struct Damage: Error {
    var reason: String
    /// No end record at all: the bytes are no zip archive (rather than a damaged one).
    var isNotAnArchive = false
  }

  /// The archive's bytes.
  let bytes: [UInt8]
  /// The members, in the directory's order.
  private(set) var members: [Member] = []

  private enum Signature {
    static let endOfDirectory: UInt32 = 0x0605_4B50
    static let zip64EndLocator: UInt32 = 0x0706_4B50
    static let zip64End: UInt32 = 0x0606_4B50
    static let directoryEntry: UInt32 = 0x0201_4B50
    static let localHeader: UInt32 = 0x0403_4B50
  }
  private static let maximum32 = Int(UInt32.max)
  private static let maximum16 = Int(UInt16.max)

  /// Reads the directory of the archive `bytes`.
  /// - Throws: `Damage` when the end record is missing, or an entry or its data lies
  ///   (partly) outside the archive.
  init(_ bytes: [UInt8]) throws {
    self.bytes = bytes
    let end = try Self.endRecord(in: bytes)
    var entryCount = Int(bytes.littleEndian(UInt16.self, at: end + 10) ?? 0)
    var directorySize = Int(bytes.littleEndian(UInt32.self, at: end + 12) ?? 0)
    var directoryOffset = Int(bytes.littleEndian(UInt32.self, at: end + 16) ?? 0)
    if entryCount == Self.maximum16 || directorySize == Self.maximum32
      || directoryOffset == Self.maximum32
    {
      let zip64 = try Self.zip64EndRecord(in: bytes, endRecord: end)
      entryCount = zip64.entries
      directorySize = zip64.size
      directoryOffset = zip64.offset
    }
    guard directoryOffset >= 0, directorySize >= 0, directoryOffset <= bytes.count - directorySize
    else { throw Damage(reason: "its central directory lies outside the file") }
    var position = directoryOffset
    let directoryEnd = directoryOffset + directorySize
    for _ in 0..<entryCount {
      members.append(try Self.member(at: &position, directoryEnd: directoryEnd, in: bytes))
    }
  }

  /// The offset of the end-of-central-directory record: the last signature in the final
  /// 64 KiB + 22 bytes (the record, then a comment of at most 65,535 bytes).
  private static func endRecord(in bytes: [UInt8]) throws -> Int {
    let lowest = max(0, bytes.count - 22 - maximum16)
    var offset = bytes.count - 22
    while offset >= lowest {
      if bytes.littleEndian(UInt32.self, at: offset) == Signature.endOfDirectory { return offset }
      offset -= 1
    }
    throw Damage(reason: "not a zip archive", isNotAnArchive: true)
  }

  /// The entry count, size and offset of the directory from the zip64 end record.
  private static func zip64EndRecord(in bytes: [UInt8], endRecord: Int) throws -> (
    entries: Int, size: Int, offset: Int
  ) {
    let locator = endRecord - 20
    guard bytes.littleEndian(UInt32.self, at: locator) == Signature.zip64EndLocator,
      let recordOffset = bytes.littleEndian(UInt64.self, at: locator + 8).flatMap(
        Int.init(exactly:)),
      bytes.littleEndian(UInt32.self, at: recordOffset) == Signature.zip64End,
      let entries = bytes.littleEndian(UInt64.self, at: recordOffset + 32).flatMap(
        Int.init(exactly:)),
      let size = bytes.littleEndian(UInt64.self, at: recordOffset + 40).flatMap(Int.init(exactly:)),
      let offset = bytes.littleEndian(UInt64.self, at: recordOffset + 48).flatMap(
        Int.init(exactly:))
    else { throw Damage(reason: "its zip64 end record is missing or lies outside the file") }
    return (entries, size, offset)
  }

  /// The entry at `position` in the directory, checked against the archive; moves
  /// `position` past it.
  private static func member(at position: inout Int, directoryEnd: Int, in bytes: [UInt8]) throws
    -> Member
  {
    let entry = position
    guard entry + 46 <= directoryEnd,
      bytes.littleEndian(UInt32.self, at: entry) == Signature.directoryEntry,
      let flags = bytes.littleEndian(UInt16.self, at: entry + 8),
      let method = bytes.littleEndian(UInt16.self, at: entry + 10),
      let checksum = bytes.littleEndian(UInt32.self, at: entry + 16),
      let stored32 = bytes.littleEndian(UInt32.self, at: entry + 20),
      let declared32 = bytes.littleEndian(UInt32.self, at: entry + 24),
      let nameLength = bytes.littleEndian(UInt16.self, at: entry + 28),
      let extraLength = bytes.littleEndian(UInt16.self, at: entry + 30),
      let commentLength = bytes.littleEndian(UInt16.self, at: entry + 32),
      let header32 = bytes.littleEndian(UInt32.self, at: entry + 42)
    else { throw Damage(reason: "an entry of its central directory is damaged") }
    let nameStart = entry + 46
    let extraStart = nameStart + Int(nameLength)
    position = extraStart + Int(extraLength) + Int(commentLength)
    guard position <= directoryEnd else {
      throw Damage(reason: "an entry of its central directory runs past the directory's end")
    }
    var storedSize = Int(stored32)
    var declaredSize = Int(declared32)
    var headerOffset = Int(header32)
    // Fields at their 32-bit maximum are given in the zip64 extra field, in this order.
    var extra = Self.zip64Extra(in: bytes, from: extraStart, length: Int(extraLength))
    if declaredSize == maximum32 { declaredSize = try extra.next() }
    if storedSize == maximum32 { storedSize = try extra.next() }
    if headerOffset == maximum32 { headerOffset = try extra.next() }
    let name = Array(bytes[nameStart..<extraStart])
    // The local header, the data after it, and the data descriptor when bit 3 says one
    // follows, must all be inside the archive.
    guard bytes.littleEndian(UInt32.self, at: headerOffset) == Signature.localHeader,
      let localNameLength = bytes.littleEndian(UInt16.self, at: headerOffset + 26),
      let localExtraLength = bytes.littleEndian(UInt16.self, at: headerOffset + 28)
    else {
      throw Damage(
        reason: "the local header of \(String(decoding: name, as: UTF8.self)) is missing")
    }
    let dataStart = headerOffset + 30 + Int(localNameLength) + Int(localExtraLength)
    let descriptor = flags & 0x0008 != 0 ? 12 : 0
    guard storedSize >= 0, dataStart <= bytes.count - storedSize - descriptor else {
      throw Damage(
        reason: "the data of \(String(decoding: name, as: UTF8.self)) runs past the end of the file"
      )
    }
    return Member(
      name: name, method: method, checksum: checksum, dataStart: dataStart,
      storedSize: storedSize, declaredSize: declaredSize)
  }

  /// The 64-bit values of an entry's zip64 extra field (header 0x0001), in order.
  private static func zip64Extra(in bytes: [UInt8], from start: Int, length: Int) -> Zip64Values {
    var offset = start
    let end = start + length
    while offset + 4 <= end {
      let header = bytes.littleEndian(UInt16.self, at: offset) ?? 0
      let size = Int(bytes.littleEndian(UInt16.self, at: offset + 2) ?? 0)
      if header == 0x0001 {
        return Zip64Values(bytes: bytes, position: offset + 4, end: min(end, offset + 4 + size))
      }
      offset += 4 + size
    }
    return Zip64Values(bytes: bytes, position: end, end: end)
  }

  /// The values of a zip64 extra field, read one after another.
  private struct Zip64Values {
    var bytes: [UInt8]
    var position: Int
    var end: Int

    mutating func next() throws -> Int {
      guard position + 8 <= end,
        let value = bytes.littleEndian(UInt64.self, at: position).flatMap(Int.init(exactly:))
      else { throw Damage(reason: "a zip64 size or offset is missing") }
      position += 8
      return value
    }
  }
}

extension ZipArchive {
  /// The member named `name`, if the archive has one.
  func member(named name: String) -> Member? {
    let wanted = Array(name.utf8)
    return members.first { $0.name == wanted }
  }

  /// The unpacked bytes of `member`, at most `limits` allow.
  /// - Throws: `Damage` when the data is damaged, cut short, stored in a way other than
  ///   as is or deflated, or its CRC-32 differs; `ContainerLimits.Exceeded` when it would
  ///   unpack to more than the limits allow (checked on the declared size first, then on
  ///   what is actually unpacked).
  func contents(of member: Member, within limits: ContainerLimits) throws -> [UInt8] {
    let limit = limits.maximumUnpackedSize(storedSize: member.storedSize)
    if member.declaredSize > limit {
      throw ContainerLimits.Exceeded(
        part: member.displayName, size: member.declaredSize, limit: limit)
    }
    let stored = bytes[member.dataStart..<(member.dataStart + member.storedSize)]
    let unpacked: [UInt8]
    switch member.method {
    case 0: unpacked = Array(stored)
    case 8: unpacked = try inflate(stored, member: member, limit: limit)
    default:
      throw Damage(
        reason: "\(member.displayName) is stored with method \(member.method), not deflate")
    }
    guard
      unpacked.withUnsafeBufferPointer(RawDeflate.crc32) == member.checksum
    else { throw Damage(reason: "\(member.displayName) fails its CRC-32 check") }
    return unpacked
  }

  private func inflate(_ stored: ArraySlice<UInt8>, member: Member, limit: Int) throws -> [UInt8] {
    let inflated = stored.withUnsafeBufferPointer { input in
      Result { () throws(RawDeflate.Failure) in
        try RawDeflate.inflate(input, expectedLength: member.declaredSize, limit: limit)
      }
    }
    switch inflated {
    case .success(let bytes): return bytes
    case .failure(.overLimit):
      throw ContainerLimits.Exceeded(part: member.displayName, size: nil, limit: limit)
    case .failure(.noMemory): throw Damage(reason: "no memory to unpack \(member.displayName)")
    case .failure(.damaged): throw Damage(reason: "\(member.displayName) is damaged or cut short")
    }
  }
}
