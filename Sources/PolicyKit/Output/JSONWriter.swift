/// A small JSON writer with sorted, snake_case keys chosen by the caller: output that is
/// stable byte for byte, which `JSONEncoder` does not promise for ranges and enums.
public struct JSONWriter {
  private(set) public var output = ""
  private let indentUnit: String
  private var depth = 0
  private var needsComma: [Bool] = []

  /// - Parameter pretty: indent nested values by two spaces, one member per line.
  public init(pretty: Bool = true) {
    indentUnit = pretty ? "  " : ""
  }

  private var pretty: Bool { !indentUnit.isEmpty }

  private mutating func separate() {
    if let last = needsComma.last {
      if last { output += "," }
      needsComma[needsComma.count - 1] = true
      if pretty {
        output += "\n"
        output += String(repeating: indentUnit, count: depth)
      }
    }
  }

  /// Opens an object, as a member named `key` when inside an object.
  public mutating func beginObject(_ key: String? = nil) {
    separate()
    if let key { output += Self.quoted(key) + (pretty ? ": " : ":") }
    output += "{"
    depth += 1
    needsComma.append(false)
  }

  public mutating func endObject() { close("}") }

  /// Opens an array, as a member named `key` when inside an object.
  public mutating func beginArray(_ key: String? = nil) {
    separate()
    if let key { output += Self.quoted(key) + (pretty ? ": " : ":") }
    output += "["
    depth += 1
    needsComma.append(false)
  }

  public mutating func endArray() { close("]") }

  private mutating func close(_ bracket: String) {
    let hadMembers = needsComma.removeLast()
    depth -= 1
    if pretty && hadMembers {
      output += "\n" + String(repeating: indentUnit, count: depth)
    }
    output += bracket
  }

  private mutating func member(_ key: String?, _ literal: String) {
    separate()
    if let key { output += Self.quoted(key) + (pretty ? ": " : ":") }
    output += literal
  }

  public mutating func string(_ key: String? = nil, _ value: String?) {
    member(key, value.map(Self.quoted) ?? "null")
  }

  public mutating func int(_ key: String? = nil, _ value: Int?) {
    member(key, value.map(String.init) ?? "null")
  }

  public mutating func double(_ key: String? = nil, _ value: Double?) {
    guard let value, value.isFinite else { return member(key, "null") }
    let rounded = (value * 1_000_000).rounded() / 1_000_000
    member(key, rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int(rounded)) : String(rounded))
  }

  public mutating func bool(_ key: String? = nil, _ value: Bool?) {
    member(key, value.map { $0 ? "true" : "false" } ?? "null")
  }

  /// A compact array of integers on one line, such as a range `[12, 40]`.
  public mutating func ints(_ key: String? = nil, _ values: [Int]) {
    member(key, "[" + values.map(String.init).joined(separator: pretty ? ", " : ",") + "]")
  }

  /// JSON string syntax for `value`.
  public static func quoted(_ value: String) -> String {
    var out = "\""
    out.reserveCapacity(value.utf8.count + 2)
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case let s where s.value < 0x20:
        let hex = String(s.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
