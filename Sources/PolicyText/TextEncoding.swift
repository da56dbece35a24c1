/// The character encoding a source file was read in.
public enum TextEncoding: Sendable, Equatable, CustomStringConvertible {
  case utf8
  case utf16LittleEndian
  case utf16BigEndian
  /// GB18030, the superset of GBK and GB2312.
  case gb18030
  case big5
  /// Another charset ICU can convert, by its ICU name.
  case other(String)

  /// The name ICU converts this encoding by.
  var icuName: String {
    switch self {
    case .utf8: return "UTF-8"
    case .utf16LittleEndian: return "UTF-16LE"
    case .utf16BigEndian: return "UTF-16BE"
    case .gb18030: return "GB18030"
    case .big5: return "Big5"
    case .other(let name): return name
    }
  }

  /// The encoding for a charset label as found in ICU's detector or an HTML `<meta>`.
  /// GBK and GB2312 labels read as GB18030, which contains both.
  package init(label: String) {
    let key = label.lowercased().filter { $0.isLetter || $0.isNumber }
    switch key {
    case "utf8": self = .utf8
    case "utf16le", "utf16": self = .utf16LittleEndian
    case "utf16be": self = .utf16BigEndian
    case "gb18030", "gbk", "gb2312", "cp936", "windows936", "euccn", "xgbk", "hzgb2312":
      self = .gb18030
    case "big5", "big5hkscs", "cp950": self = .big5
    default: self = .other(label)
    }
  }

  /// The encoding's ICU name ("UTF-8", "GB18030").
  public var description: String { icuName }

  /// `text` encoded in this encoding (no byte-order mark), or nil when ICU cannot.
  public func encode(_ text: String) -> [UInt8]? {
    ICU.encode(text, charset: icuName)
  }

  /// The text `bytes` hold in this encoding, or nil when a sequence is invalid in it (or
  /// ICU cannot convert from it): a strict decoding, for telling what a name is.
  package func decodeStrictly(_ bytes: [UInt8]) -> String? {
    let conversion = bytes.withUnsafeBufferPointer { ICU.convertToUTF16($0, charset: icuName) }
    guard let conversion, conversion.invalidSequences == 0 else { return nil }
    return String(decoding: conversion.units, as: UTF16.self)
  }
}
