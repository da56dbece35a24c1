/// A JSON document read into plain values, for the small files an index keeps beside its
/// binary ones (`manifest.json`). Opening an index is on the path of every search, and
/// `JSONDecoder` took about 0.3 ms of a 10 ms search there, most of it instantiating its
/// generic machinery the first time; this reader is a plain recursive descent.
package enum JSONValue: Equatable {
  case object([String: JSONValue])
  case array([JSONValue])
  case string(String)
  case number(Double)
  case bool(Bool)
  case null

  /// Why a text is not JSON, with the byte offset where reading stopped.
  package struct SyntaxError: Error, Equatable {
    package var offset: Int

    package init(offset: Int) { self.offset = offset }
  }

  /// Reads `bytes` (UTF-8) as one JSON value with nothing but white space around it.
  package init(parsing bytes: [UInt8]) throws {
    var reader = Reader(bytes: bytes)
    let value = try reader.value(depth: 0)
    reader.skipSpace()
    guard reader.offset == bytes.count else { throw SyntaxError(offset: reader.offset) }
    self = value
  }

  package subscript(key: String) -> JSONValue? {
    if case .object(let members) = self { return members[key] }
    return nil
  }

  package var string: String? {
    if case .string(let text) = self { return text }
    return nil
  }

  package var number: Double? {
    if case .number(let value) = self { return value }
    return nil
  }

  /// The number when it is a whole number an `Int` holds.
  package var integer: Int? {
    guard let value = number, value.rounded() == value, abs(value) < 9e15 else { return nil }
    return Int(value)
  }

  private struct Reader {
    package let bytes: [UInt8]
    package var offset = 0
    /// Deeper nesting is refused rather than risking the stack on a hostile file.
    package static let maximumDepth = 64

    package mutating func skipSpace() {
      while offset < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[offset]) { offset += 1 }
    }

    package mutating func value(depth: Int) throws -> JSONValue {
      skipSpace()
      guard offset < bytes.count, depth < Self.maximumDepth else {
        throw SyntaxError(offset: offset)
      }
      switch bytes[offset] {
      case UInt8(ascii: "{"): return try object(depth: depth)
      case UInt8(ascii: "["): return try array(depth: depth)
      case UInt8(ascii: "\""): return .string(try string())
      case UInt8(ascii: "t"): return try literal("true", .bool(true))
      case UInt8(ascii: "f"): return try literal("false", .bool(false))
      case UInt8(ascii: "n"): return try literal("null", .null)
      default: return .number(try number())
      }
    }

    private mutating func object(depth: Int) throws -> JSONValue {
      offset += 1
      var members: [String: JSONValue] = [:]
      skipSpace()
      if offset < bytes.count, bytes[offset] == UInt8(ascii: "}") {
        offset += 1
        return .object(members)
      }
      while true {
        skipSpace()
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else {
          throw SyntaxError(offset: offset)
        }
        let key = try string()
        skipSpace()
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: ":") else {
          throw SyntaxError(offset: offset)
        }
        offset += 1
        members[key] = try value(depth: depth + 1)
        guard try continues(closing: UInt8(ascii: "}")) else { return .object(members) }
      }
    }

    private mutating func array(depth: Int) throws -> JSONValue {
      offset += 1
      var elements: [JSONValue] = []
      skipSpace()
      if offset < bytes.count, bytes[offset] == UInt8(ascii: "]") {
        offset += 1
        return .array(elements)
      }
      while true {
        elements.append(try value(depth: depth + 1))
        guard try continues(closing: UInt8(ascii: "]")) else { return .array(elements) }
      }
    }

    /// Reads what follows a member or an element: true for a comma, false for `closing`.
    private mutating func continues(closing: UInt8) throws -> Bool {
      skipSpace()
      guard offset < bytes.count else { throw SyntaxError(offset: offset) }
      offset += 1
      switch bytes[offset - 1] {
      case UInt8(ascii: ","): return true
      case closing: return false
      default: throw SyntaxError(offset: offset - 1)
      }
    }

    /// A string from its opening quote, escapes decoded (surrogate pairs joined).
    private mutating func string() throws -> String {
      offset += 1
      var scalars = String.UnicodeScalarView()
      var runStart = offset
      func flushRun(to end: Int) {
        scalars.append(
          contentsOf: String(decoding: bytes[runStart..<end], as: UTF8.self).unicodeScalars)
      }
      while offset < bytes.count {
        let byte = bytes[offset]
        if byte == UInt8(ascii: "\"") {
          flushRun(to: offset)
          offset += 1
          return String(scalars)
        }
        guard byte >= 0x20 else { throw SyntaxError(offset: offset) }
        guard byte == UInt8(ascii: "\\") else {
          offset += 1
          continue
        }
        flushRun(to: offset)
        guard offset + 1 < bytes.count else { throw SyntaxError(offset: offset) }
        let escaped = bytes[offset + 1]
        offset += 2
        switch escaped {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"):
          scalars.append(Unicode.Scalar(escaped))
        case UInt8(ascii: "b"): scalars.append("\u{08}")
        case UInt8(ascii: "f"): scalars.append("\u{0C}")
        case UInt8(ascii: "n"): scalars.append("\n")
        case UInt8(ascii: "r"): scalars.append("\r")
        case UInt8(ascii: "t"): scalars.append("\t")
        case UInt8(ascii: "u"):
          var code = try hex4()
          if (0xD800..<0xDC00).contains(code), offset + 1 < bytes.count,
            bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u")
          {
            offset += 2
            let low = try hex4()
            guard (0xDC00..<0xE000).contains(low) else { throw SyntaxError(offset: offset - 4) }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
          }
          scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
        default:
          throw SyntaxError(offset: offset - 1)
        }
        runStart = offset
      }
      throw SyntaxError(offset: offset)
    }

    private mutating func hex4() throws -> UInt32 {
      guard offset + 4 <= bytes.count else { throw SyntaxError(offset: offset) }
      var code: UInt32 = 0
      for byte in bytes[offset..<(offset + 4)] {
        guard let digit = Int(String(Unicode.Scalar(byte)), radix: 16) else {
          throw SyntaxError(offset: offset)
        }
        code = code << 4 | UInt32(digit)
      }
      offset += 4
      return code
    }

    private mutating func number() throws -> Double {
      let start = offset
      while offset < bytes.count,
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[offset])
          || [
            UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "e"),
            UInt8(ascii: "E"),
          ].contains(bytes[offset])
      {
        offset += 1
      }
      guard offset > start,
        let value = Double(String(decoding: bytes[start..<offset], as: UTF8.self))
      else {
        throw SyntaxError(offset: start)
      }
      return value
    }

    private mutating func literal(_ word: String, _ value: JSONValue) throws -> JSONValue {
      let expected = Array(word.utf8)
      guard offset + expected.count <= bytes.count,
        Array(bytes[offset..<(offset + expected.count)]) == expected
      else {
        throw SyntaxError(offset: offset)
      }
      offset += expected.count
      return value
    }
  }
}
