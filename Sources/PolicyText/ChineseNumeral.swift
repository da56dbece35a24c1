/// Chinese numerals as written in official documents: 一 … 九十九, 两, 〇/零, 百, 千, 万,
/// and digit-by-digit forms such as 二〇二二.
public enum ChineseNumeral {
  /// The value of a single numeral digit (零/〇 → 0, 一 → 1, 两 → 2 …), or nil.
  @inline(__always)
  public static func digit(_ scalar: UInt32) -> Int? {
    switch scalar {
    case .scalar("零"), .scalar("〇"): return 0
    case .scalar("一"): return 1
    case .scalar("二"), .scalar("两"): return 2
    case .scalar("三"): return 3
    case .scalar("四"): return 4
    case .scalar("五"): return 5
    case .scalar("六"): return 6
    case .scalar("七"): return 7
    case .scalar("八"): return 8
    case .scalar("九"): return 9
    default: return nil
    }
  }

  /// The multiplier of a unit character (十 → 10, 百 → 100, 千 → 1000, 万 → 10000).
  @inline(__always)
  public static func unit(_ scalar: UInt32) -> Int? {
    switch scalar {
    case .scalar("十"): return 10
    case .scalar("百"): return 100
    case .scalar("千"): return 1000
    case .scalar("万"): return 10000
    default: return nil
    }
  }

  /// Whether `scalar` can be part of a Chinese numeral.
  @inline(__always)
  public static func isNumeral(_ scalar: UInt32) -> Bool {
    digit(scalar) != nil || unit(scalar) != nil
  }

  /// The value of a run of numeral scalars: positional (二十四, 一百零五, 两万) or digit by
  /// digit (二〇二二). Returns nil for an empty or malformed run.
  public static func value<S: Sequence>(of scalars: S) -> Int? where S.Element == UInt32 {
    let run = Array(scalars)
    guard !run.isEmpty else { return nil }
    if run.count > 1 && run.allSatisfy({ digit($0) != nil }) {
      return run.reduce(0) { $0 * 10 + (digit($1) ?? 0) }
    }
    var total = 0
    var section = 0
    var pending = 0
    var sawAny = false
    for scalar in run {
      if let value = digit(scalar) {
        pending = value
        sawAny = true
      } else if let multiplier = unit(scalar) {
        sawAny = true
        if multiplier == 10000 {
          total += (section + pending) * multiplier
          section = 0
        } else {
          section += (pending == 0 ? 1 : pending) * multiplier
        }
        pending = 0
      } else {
        return nil
      }
    }
    return sawAny ? total + section + pending : nil
  }

  /// The value of digits written after a decimal point (点): 五 → 0.5, 二五 → 0.25; nil
  /// when one is no digit or there are none.
  public static func decimals<S: Sequence>(of scalars: S) -> Double? where S.Element == UInt32 {
    var value = 0.0
    var scale = 0.1
    var any = false
    for scalar in scalars {
      guard let digit = digit(scalar) else { return nil }
      value += Double(digit) * scale
      scale /= 10
      any = true
    }
    return any ? value : nil
  }

  /// The value of a Chinese numeral string such as "二十四".
  public static func value(of text: String) -> Int? {
    value(of: text.unicodeScalars.map(\.value))
  }
}
