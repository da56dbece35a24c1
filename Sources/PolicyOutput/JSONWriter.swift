/// A small JSON writer with sorted, snake_case keys chosen by the caller: output that is
/// stable byte for byte, which `JSONEncoder` does not promise for ranges and enums.
public struct JSONWriter {
  private var bytes: [UInt8] = []
  /// What has been written.
  public var output: String { String(decoding: bytes, as: UTF8.self) }
  private let indentUnit: String
  private var depth = 0
  private var needsComma: [Bool] = []

  /// - Parameter pretty: indent nested values by two spaces, one member per line.
  public init(pretty: Bool = true) {
    indentUnit = pretty ? "  " : ""
  }

  /// A writer that continues an array already open, for one element of it written on its
  /// own: the element comes out as within `beginArray()` at the top level ("\n  {…\n  }"
  /// when pretty), without the bracket or the comma before it, so that an array can be
  /// written out an element at a time.
  package init(elementOfArray pretty: Bool) {
    self.init(pretty: pretty)
    depth = 1
    needsComma = [false]
  }

  private var pretty: Bool { !indentUnit.isEmpty }

  private mutating func separate() {
    if let last = needsComma.last {
      if last { bytes.append(0x2C) }
      needsComma[needsComma.count - 1] = true
      if pretty {
        bytes.append(0x0A)
        for _ in 0..<depth { bytes.append(contentsOf: indentUnit.utf8) }
      }
    }
  }

  /// Opens an object, as a member named `key` when inside an object.
  public mutating func beginObject(_ key: String? = nil) { open(key, 0x7B) }

  /// Closes the innermost open object.
  public mutating func endObject() { close("}") }

  /// Opens an array, as a member named `key` when inside an object.
  public mutating func beginArray(_ key: String? = nil) { open(key, 0x5B) }

  private mutating func open(_ key: String?, _ bracket: UInt8) {
    separate()
    if let key { writeKey(key) }
    bytes.append(bracket)
    depth += 1
    needsComma.append(false)
  }

  /// Closes the innermost open array.
  public mutating func endArray() { close("]") }

  private mutating func close(_ bracket: String) {
    let hadMembers = needsComma.removeLast()
    depth -= 1
    if pretty && hadMembers {
      bytes.append(0x0A)
      for _ in 0..<depth { bytes.append(contentsOf: indentUnit.utf8) }
    }
    bytes.append(contentsOf: bracket.utf8)
  }

  private mutating func writeKey(_ key: String) {
    Self.appendQuoted(key, to: &bytes)
    bytes.append(0x3A)
    if pretty { bytes.append(0x20) }
  }

  private mutating func member(_ key: String?, _ literal: String) {
    separate()
    if let key { writeKey(key) }
    bytes.append(contentsOf: literal.utf8)
  }

  /// Writes a string, as a member named `key` when inside an object; nil writes `null`.
  public mutating func string(_ key: String? = nil, _ value: String?) {
    guard let value else { return member(key, "null") }
    separate()
    if let key { writeKey(key) }
    Self.appendQuoted(value, to: &bytes)
  }

  /// Writes an integer, as a member named `key` when inside an object; nil writes `null`.
  public mutating func int(_ key: String? = nil, _ value: Int?) {
    member(key, value.map(String.init) ?? "null")
  }

  /// Writes a number rounded to six decimals (an integral one without decimals), as a
  /// member named `key` when inside an object; nil, infinity and NaN write `null`.
  public mutating func double(_ key: String? = nil, _ value: Double?) {
    guard let value, value.isFinite else { return member(key, "null") }
    member(key, value.plainText(decimals: 6))
  }

  /// Writes `true` or `false`, as a member named `key` when inside an object; nil writes
  /// `null`.
  public mutating func bool(_ key: String? = nil, _ value: Bool?) {
    member(key, value.map { $0 ? "true" : "false" } ?? "null")
  }

  /// A compact array of integers on one line, such as a range `[12, 40]`.
  public mutating func ints(_ key: String? = nil, _ values: [Int]) {
    member(key, "[" + values.map(String.init).joined(separator: pretty ? ", " : ",") + "]")
  }

  /// Appends `value` in JSON string syntax: runs of plain bytes are copied at once.
  static func appendQuoted(_ value: String, to out: inout [UInt8]) {
    out.append(0x22)
    var copy = value
    copy.withUTF8 { utf8 in
      var runStart = 0
      for index in 0..<utf8.count {
        let byte = utf8[index]
        guard byte == 0x22 || byte == 0x5C || byte < 0x20 else { continue }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
        switch byte {
        case 0x22: out.append(contentsOf: [0x5C, 0x22])
        case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
        case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
        case 0x0D: out.append(contentsOf: [0x5C, 0x72])
        case 0x09: out.append(contentsOf: [0x5C, 0x74])
        default:
          let hex = Array("0123456789abcdef".utf8)
          out.append(contentsOf: [
            0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)],
          ])
        }
        runStart = index + 1
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
    }
    out.append(0x22)
  }
}
