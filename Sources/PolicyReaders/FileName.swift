import PolicyBytes
import PolicyText

/// How the names in a directory are shown: a file system name is bytes, and one that is
/// not UTF-8 (a GBK name from an archive unpacked on Windows) cannot be a `String` as it
/// is. Such a name is shown GB18030-decoded when that is valid and no other name in the
/// directory is shown the same, else with its non-ASCII bytes escaped (`\xB9\xCC.txt`).
/// The shown form is what output, errors and the index's file list hold; `NativePath`
/// finds the bytes again from it by the same rules, so the file can still be opened.
package enum FileName {
  /// The shown forms of `names`, the names of one directory, in order; nil for a name
  /// that no form tells apart from another (its file cannot be named, so is not read).
  /// The rules look at all the names together, not at their order.
  package static func shownForms(of names: [[UInt8]]) -> [String?] {
    var forms: [String?] = names.map { UTF8Scan($0).invalidSequences == 0 ? utf8($0) : nil }
    let utf8Names = Set(forms.compactMap { $0 })
    let decoded = names.indices.map { index in
      forms[index] == nil ? TextEncoding.gb18030.decodeStrictly(names[index]) : nil
    }
    var decodedCounts: [String: Int] = [:]
    for form in decoded.compactMap({ $0 }) { decodedCounts[form, default: 0] += 1 }
    var escapedCounts: [String: Int] = [:]
    var escapedForms: [Int: String] = [:]
    for index in names.indices where forms[index] == nil {
      if let form = decoded[index], decodedCounts[form] == 1, !utf8Names.contains(form) {
        forms[index] = form
      } else {
        let form = escaped(names[index])
        escapedForms[index] = form
        escapedCounts[form, default: 0] += 1
      }
    }
    let taken = Set(forms.compactMap { $0 })
    for (index, form) in escapedForms where escapedCounts[form] == 1 && !taken.contains(form) {
      forms[index] = form
    }
    return forms
  }

  /// `name` with each byte outside ASCII written `\xNN`.
  package static func escaped(_ name: [UInt8]) -> String {
    var shown = ""
    for byte in name {
      if byte < 0x80 {
        shown.unicodeScalars.append(Unicode.Scalar(byte))
      } else {
        shown += "\\x" + String(byte, radix: 16, uppercase: true)
      }
    }
    return shown
  }

  /// The bytes `escaped(_:)` made `shown` from: each `\xNN` one byte, the rest as UTF-8;
  /// nil when `shown` has no such escape.
  package static func unescaped(_ shown: String) -> [UInt8]? {
    let utf8 = Array(shown.utf8)
    var bytes: [UInt8] = []
    var index = 0
    var found = false
    while index < utf8.count {
      if utf8[index] == 0x5C, index + 3 < utf8.count, utf8[index + 1] == 0x78,
        let byte = UInt8(
          String(decoding: utf8[(index + 2)...(index + 3)], as: UTF8.self), radix: 16)
      {
        bytes.append(byte)
        index += 4
        found = true
      } else {
        bytes.append(utf8[index])
        index += 1
      }
    }
    return found ? bytes : nil
  }

  private static func utf8(_ bytes: [UInt8]) -> String {
    String(decoding: bytes, as: UTF8.self)
  }
}
