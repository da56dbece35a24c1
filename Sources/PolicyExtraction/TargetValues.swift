import PolicyBytes
import PolicyText

/// A value in a sentence: its number, unit and where it stands (scalar indices).
struct TargetValue {
  package var number: Double
  /// The unit as written, scale included ("万亩"); empty for a bare count.
  package var unit: String
  package var start: Int
  package var end: Int
  /// A bare number ("0.5117") or an age (1岁): a value only right after a verb.
  var isBare = false
  /// The kind of its unit; nil for a bare number (a count) or a zero (清零); a share for a
  /// fraction in words (一半, 三分之一), bare as it is.
  package var kind: TargetUnits.Kind? = nil

  /// Whether the value counts things: 18家, 2万个, a bare count.
  package var counts: Bool { kind == nil || kind == .count || kind == .scale }
  /// Whether the value is a share (50%, 5个百分点), which qualifies the noun before it.
  var isShare: Bool { kind == .share }
}

/// Reads the values of a sentence: numbers with their units (14.5%, 30万亩, 1.2亿千瓦, 两家,
/// 百分之七十, 千分之六点一), fractions in words (一半, 三分之一), ranges by their first
/// value (30-40个 → 30 个, 3-5年一遇 → 3 年一遇), and the words that set a value of zero
/// (清零, 零发生).
struct TargetValueReader {
  package let units: TargetUnits

  /// Between the two numbers of a range: 30-40个, 30%—50%, 3~5年一遇, 3至5个.
  static let rangeDashes: Set<Unicode.Scalar> = ["-", "—", "–", "~", "至"]
  /// After 个, the words that make it a period (6个月, 5个工作日, 24个小时), not a count.
  static let periodWords = ["月", "工作日", "小时", "季度"].map { Array($0.utf8) }
  /// Lengths of time after a bare number: 24小时, 30分钟, 2周.
  static let timeWords = ["小时", "分钟", "秒", "周"].map { Array($0.utf8) }
  /// 发生 of 零发生 (zero occurrences), which sets a value of zero, as 清零 (cleared) does.
  private static let occurrence = Array("发生".utf8)

  /// The values of `sentence`, in order.
  package func values(in sentence: FoldedRun) -> [TargetValue] {
    let chars = sentence.chars
    var values: [TargetValue] = []
    var index = 0
    while index < chars.count {
      // Most scalars start no value: passed by one bitmap test.
      guard TargetGrammar.valueStarts.contains(chars[index].value) else {
        index += 1
        continue
      }
      let start = index
      // 清零, 零发生: a value of zero.
      if chars[index] == "零" {
        if index > 0 && chars[index - 1] == "清" {
          values.append(TargetValue(number: 0, unit: "", start: index - 1, end: index + 1))
          index += 1
          continue
        }
        if sentence.hasWord(Self.occurrence, at: index + 1) {
          values.append(TargetValue(number: 0, unit: "", start: index, end: index + 3))
          index += 3
          continue
        }
      }
      // 百分之七十, 千分之十三, 百分之四点五
      if chars[index] == "百" || chars[index] == "千", index + 3 < chars.count,
        chars[index + 1] == "分", chars[index + 2] == "之",
        let number = Self.numeral(in: chars, from: index + 3, decimals: true)
      {
        values.append(
          TargetValue(
            number: number.value, unit: chars[index] == "百" ? "%" : "‰", start: start,
            end: number.end, kind: .share))
        index = number.end
        continue
      }
      if UTF8Scalars.isDigit(chars[index].value) {
        let end = Self.numberEnd(chars, from: index)
        let before = start > 0 ? chars[start - 1] : " "
        // Not part of a word or code: 5g, 2235, a year (2025年), 1+3+n, nor an ordinal
        // (第46次常务会议, 第3批). (Digits and points are one scalar per character.)
        let isYear = end - start == 4 && end < chars.count && chars[end] == "年"
        // (The ideograph test first: it is cheap, and most values follow an ideograph.)
        let glued =
          !UTF8Scalars.isIdeograph(before.value) && before.properties.isAlphabetic || before == "+"
          || before == "“" || before == "-" || before == "第"
        if !isYear && !glued, let number = Double(sentence.text(start..<end)),
          let value = value(number, from: start, numberEnd: end, in: sentence)
        {
          values.append(value)
          index = value.end
        } else {
          index = max(end, index + 1)
        }
        continue
      }
      // 一半, 三分之一: a share of what the verb before it acts on (减少一半以上, 压减三分之一).
      if let fraction = Self.fraction(in: chars, at: index) {
        values.append(
          TargetValue(
            number: fraction.value, unit: "", start: start, end: fraction.end, isBare: true,
            kind: .share))
        index = fraction.end
        continue
      }
      // 两家, 四家: Chinese numerals with a count unit.
      if ChineseNumeral.isNumeral(chars[index].value), chars[index] != "万", chars[index] != "千",
        chars[index] != "百"
      {
        var end = index
        var run: [UInt32] = []
        while end < chars.count, ChineseNumeral.isNumeral(chars[end].value), run.count < 4 {
          run.append(chars[end].value)
          end += 1
        }
        let previous = start > 0 ? chars[start - 1] : " "
        // 二次开发, 三次供水: 次 after a Chinese numeral makes a word, not a count. One is a
        // count only as 翻一番 writes it (一家 is an article; 番 is checked below).
        if let unit = units.unit(in: sentence, at: end), unit.kind == .count, unit.text != "次",
          !ChineseNumeral.isNumeral(previous.value),
          previous != "第", !isPeriod(unit, in: sentence, at: end),
          let value = ChineseNumeral.value(of: run),
          value > 1 || run.count > 1 || unit.text == TargetGrammar.doublingUnit
        {
          values.append(
            TargetValue(
              number: Double(value), unit: unit.text, start: start, end: end + unit.length,
              kind: .count))
          index = end + unit.length
          continue
        }
        index = end
        continue
      }
      index += 1
    }
    return values.filter { value in
      // 番 only after 翻 or 翻了 (翻一番; 三番五次, 一番努力 are none).
      if value.unit == TargetGrammar.doublingUnit {
        return TargetGrammar.doublingVerbs.contains { verb in
          let verb = Array(verb.unicodeScalars)
          return value.start >= verb.count
            && chars[(value.start - verb.count)..<value.start].elementsEqual(verb)
        }
      }
      // A value alone in brackets describes what it follows: 远香湖南（4.73平方公里）.
      if value.start > 0 && chars[value.start - 1] == "(" && value.end < chars.count
        && chars[value.end] == ")"
      {
        return false
      }
      // A bare number counts only right after a verb.
      guard value.isBare else { return true }
      let before = sentence.byteRange(max(0, value.start - 3)..<value.start)
      return TargetGrammar.verbIndex.words.contains {
        ByteSearch.hasSuffix($0, in: sentence.folded, before)
      }
    }
  }

  /// The fraction written in words at `index` (一半, 三分之一, 十分之一: less than one) and
  /// where it ends; the value to four decimal places (三分之一 → 0.3333). Held as a bare
  /// number is, a value only right after a verb: 人口的一半 or 占世界人口五分之一 sets none.
  static func fraction(in chars: UnsafeBufferPointer<Unicode.Scalar>, at index: Int) -> (
    value: Double, end: Int
  )? {
    if chars[index] == "一", index + 1 < chars.count, chars[index + 1] == "半" {
      return (0.5, index + 2)
    }
    guard chars[index] != "百", chars[index] != "千",
      let whole = numeral(in: chars, from: index, most: 3),
      whole.end + 2 < chars.count, chars[whole.end] == "分", chars[whole.end + 1] == "之",
      let part = numeral(in: chars, from: whole.end + 2, most: 3), part.value > 0,
      part.value < whole.value
    else { return nil }
    // A fraction too small for four places (十万分之三) is no value here.
    let value = (part.value / whole.value * 10_000).rounded() / 10_000
    return value > 0 ? (value, part.end) : nil
  }

  /// The Chinese numeral at `start` (at most `most` characters) and where it ends; with
  /// `decimals`, the digits after a 点 that follows it too (四点五 → 4.5). Nil when no
  /// numeral starts there.
  static func numeral(
    in chars: UnsafeBufferPointer<Unicode.Scalar>, from start: Int, most: Int = .max,
    decimals: Bool = false
  ) -> (value: Double, end: Int)? {
    var end = start
    while end < chars.count, end - start < most, ChineseNumeral.isNumeral(chars[end].value) {
      end += 1
    }
    guard let whole = ChineseNumeral.value(of: chars[start..<end].lazy.map(\.value)) else {
      return nil
    }
    var value = Double(whole)
    if decimals, end + 1 < chars.count, chars[end] == "点" {
      var last = end + 1
      while last < chars.count, ChineseNumeral.digit(chars[last].value) != nil { last += 1 }
      if let fraction = ChineseNumeral.decimals(of: chars[(end + 1)..<last].lazy.map(\.value)) {
        value += fraction
        end = last
      }
    }
    return (value, end)
  }

  /// The value of the number `number` written at `start..<numberEnd`, with its unit, or
  /// the first value of a range that starts with it; nil when the number is no value
  /// (a date, a code, a period).
  private func value(_ number: Double, from start: Int, numberEnd: Int, in sentence: FoldedRun)
    -> TargetValue?
  {
    let chars = sentence.chars
    var end = numberEnd
    // 30-40个: the unit follows the range's second number.
    if end + 1 < chars.count, Self.rangeDashes.contains(chars[end]),
      UTF8Scalars.isDigit(chars[end + 1].value)
    {
      let secondEnd = Self.numberEnd(chars, from: end + 1)
      // A span of years (2024-2026年) is no range of values.
      if secondEnd - end == 5 && secondEnd < chars.count && chars[secondEnd] == "年" { return nil }
      end = secondEnd
    }
    var unitStart = end
    while unitStart < chars.count && chars[unitStart] == " " { unitStart += 1 }
    if let unit = units.unit(in: sentence, at: unitStart) {
      // "10月" is no unit here, nor 天 of 天然气; 6个月 is a period.
      if unit.text == "天" && unitStart + 1 < chars.count && chars[unitStart + 1] == "然" {
        return nil
      }
      if isPeriod(unit, in: sentence, at: unitStart) { return nil }
      var valueEnd = unitStart + unit.length
      // 30%—50%: the range's second value, in the same unit.
      if valueEnd + 1 < chars.count, Self.rangeDashes.contains(chars[valueEnd]),
        UTF8Scalars.isDigit(chars[valueEnd + 1].value)
      {
        let secondEnd = Self.numberEnd(chars, from: valueEnd + 1)
        if let second = units.unit(in: sentence, at: secondEnd), second.text == unit.text {
          valueEnd = secondEnd + second.length
        }
      }
      return TargetValue(
        number: number, unit: unit.text, start: start, end: valueEnd, kind: unit.kind)
    }
    guard end < chars.count else {
      return TargetValue(number: number, unit: "", start: start, end: end, isBare: true)
    }
    let next = chars[end]
    // An age (人均预期寿命提高1岁, 达到79岁) is held as a bare number is: a value only right
    // after a verb, so that an age limit (3岁以下婴幼儿, 年满60岁) is none.
    if next == "岁" {
      return TargetValue(
        number: number, unit: "岁", start: start, end: end + 1, isBare: true, kind: .quantity)
    }
    if next == "+" || (!UTF8Scalars.isIdeograph(next.value) && next.properties.isAlphabetic)
      || next == "月" || next == "日" || next == "年"
    {
      return nil
    }
    // A length of time (24小时动态巡查) is no count.
    if Self.timeWords.contains(where: { sentence.hasWord($0, at: end) }) { return nil }
    return TargetValue(number: number, unit: "", start: start, end: end, isBare: true)
  }

  /// Whether `unit`, at scalar `position`, is 个 of a period (6个月, 5个工作日).
  private func isPeriod(_ unit: TargetUnits.Match, in sentence: FoldedRun, at position: Int) -> Bool
  {
    unit.text == "个" && Self.periodWords.contains { sentence.hasWord($0, at: position + 1) }
  }

  /// Where the digits (and decimal point) that start at `start` end.
  private static func numberEnd(_ chars: UnsafeBufferPointer<Unicode.Scalar>, from start: Int)
    -> Int
  {
    var end = start
    while end < chars.count,
      UTF8Scalars.isDigit(chars[end].value)
        || (chars[end] == "." && end + 1 < chars.count && UTF8Scalars.isDigit(chars[end + 1].value))
    {
      end += 1
    }
    return end
  }
}

extension FoldedRun {
  /// Whether `word` (folded UTF-8) is written at scalar `position`.
  func hasWord(_ word: [UInt8], at position: Int) -> Bool {
    position < count && ByteSearch.hasPrefix(word, in: folded, byteRange(position..<count))
  }
}
