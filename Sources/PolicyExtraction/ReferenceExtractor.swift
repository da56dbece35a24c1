import PolicyBytes
import PolicyModel
import PolicyText

/// Finds references to other documents: 《title》, optionally followed by a document
/// number in parentheses, "《…行动计划（2022—2025年）》（永川府发〔2022〕11号）".
struct ReferenceExtractor {
  struct Found {
    package var title: String
    package var documentNumber: DocumentNumber?
    package var span: TextSpan
  }

  package func references(in bytes: [UInt8]) -> [Found] {
    var found: [Found] = []
    // Short names the text gives documents it named ("以下简称《意见》"): later uses of
    // them cite nothing new.
    var shortNames = Set<String>()
    // The short forms the titles found so far may be cited by (`ShortForms`): a set, so
    // that each title is checked once however many came before it.
    var shortForms = Set<String>()
    bytes.withUnsafeBufferPointer { buffer in
      var index = 0
      var open: Int? = nil
      var depth = 0
      while index < buffer.count {
        // Past text without a line feed or the start of 《 or 》 (E3 80 8A, E3 80 8B; the
        // common 、。 are E3 80 81, E3 80 82). A skip may end inside a scalar: its
        // continuation bytes then read as themselves, which are none of the scalars
        // looked for.
        index = SWAR.skip(buffer, from: index, limit: buffer.count) { word in
          !SWAR.hasByte(in: word, equalTo: 0x0A)
            && !SWAR.mayHoldSequence(word, lead: 0xE3, second: 0x80, thirdA: 0x8A, thirdB: 0x8B)
        }
        guard index < buffer.count else { break }
        let (scalar, length) = UTF8Scalars.scalar(in: buffer, at: index)
        if scalar == 0x0A {
          open = nil
          depth = 0
        } else if scalar == .scalar("《") {
          if depth == 0 { open = index }
          depth += 1
        } else if scalar == .scalar("》"), depth > 0 {
          depth -= 1
          if depth == 0, let start = open {
            let title = String(decoding: buffer[(start + 3)..<index], as: UTF8.self)
            var end = index + length
            var number: DocumentNumber? = nil
            // "（永川府发〔2022〕11号）" right after the title.
            if end < buffer.count {
              let next = UTF8Scalars.scalar(in: buffer, at: end)
              if next.value == .scalar("（") || next.value == 0x28 {
                var close = end + next.length
                while close < buffer.count && close - end < 90 {
                  let inner = UTF8Scalars.scalar(in: buffer, at: close)
                  if inner.value == .scalar("）") || inner.value == 0x29 || inner.value == 0x0A {
                    break
                  }
                  close += inner.length
                }
                let inside = String(decoding: buffer[(end + next.length)..<close], as: UTF8.self)
                if close < buffer.count, buffer[close] != 0x0A,
                  let parsed = DocumentNumber.first(in: inside),
                  parsed.range.lowerBound == inside.startIndex
                    || inside.hasPrefix(parsed.number.text)
                {
                  number = parsed.number
                  end = close + UTF8Scalars.scalar(in: buffer, at: close).length
                } else if close < buffer.count, buffer[close] != 0x0A,
                  let decree = DocumentNumber.firstDecree(in: inside),
                  inside.hasPrefix(decree.text)
                {
                  // "（上海市人民政府令第80号）", "（市政府第16号令）".
                  number = decree
                  end = close + UTF8Scalars.scalar(in: buffer, at: close).length
                }
              }
            }
            // "…令第80号公布的《…》": the number stands before the title.
            if number == nil { number = Self.numberBefore(buffer, start) }
            if Self.isShortName(buffer, before: start) {
              shortNames.insert(title)
            } else if !title.isEmpty && title.hasAtMostCharacters(120)
              && !Self.namesNoDocument(title)
              && !shortNames.contains(title)
              && !shortForms.contains(title)
            {
              found.append(Found(title: title, documentNumber: number, span: TextSpan(start, end)))
              shortForms.formUnion(Self.shortForms(of: title))
            }
            open = nil
          }
        }
        index += length
      }
    }
    return found
  }

  /// The short forms by which a later 《》 may cite `title` again without 以下简称: an
  /// ending of it that opens with a kind of document ("《中共中央关于制定…规划的建议》…根据
  /// 《建议》精神", "《…规划纲要（草案）》…《纲要（草案）》"), and a national law without
  /// 中华人民共和国 — not a province's law without its province ("《山东省物业管理条例》…
  /// 《物业管理条例》" cites the State Council's regulation, a second document). At most
  /// `longestShortForm` characters each, and a few per title.
  static func shortForms(of title: String) -> [String] {
    var forms: [String] = []
    if title.hasPrefix(nationalPrefix) {
      forms.append(String(title.dropFirst(nationalPrefix.count)))
    }
    let characters = Array(title)
    for length in 2..<min(characters.count, longestShortForm + 1) {
      let ending = String(characters[(characters.count - length)...])
      if shortFormKinds.contains(where: { ending.hasPrefix($0) }) { forms.append(ending) }
    }
    return forms.filter { $0.count <= longestShortForm }
  }
  /// Kinds of document a short form names alone.
  static let shortFormKinds = ["建议", "纲要", "规划", "方案", "总体方案", "意见", "决定", "通知"]
  static let nationalPrefix = "中华人民共和国"
  /// The longest short form read as an earlier title's ending, in characters.
  static let longestShortForm = 8

  /// How the titles of things that are no documents end: forms (…申请表), certificates and
  /// cards (…居住证), newspapers and journals (…日报, …期刊).
  private static let nonDocumentEndings = ["表", "证", "卡", "报", "刊", "杂志"]
  /// Tables that are parts of plans, and reports (报告, and 汇报 submitted upward:
  /// 《…监测结果汇报》): documents.
  private static let documentEndings = ["分解表", "分工表", "计划表", "一览表", "报告", "汇报"]

  /// Whether a title in 《》 names something other than a document.
  static func namesNoDocument(_ title: String) -> Bool {
    let bare = title.trimmingScalars { $0 == " " }
    return nonDocumentEndings.contains { bare.hasSuffixBytes($0) }
      && !documentEndings.contains { bare.hasSuffixBytes($0) }
  }

  /// Words between a number and the title it was issued under: "…令第80号公布的《…》",
  /// "（沪府发〔2020〕1号）印发的《…》".
  private static let issuedBefore = ["公布的", "印发的", "发布的"].map { Array($0.utf8) }

  /// A document number that stands right before a title, in the 90 bytes (30
  /// characters) before the words that issue it.
  private static func numberBefore(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int)
    -> DocumentNumber?
  {
    guard
      let words = issuedBefore.first(where: {
        start >= $0.count && Array(buffer[(start - $0.count)..<start]) == $0
      })
    else {
      return nil
    }
    var from = max(0, start - words.count - 90)
    while from < start && !UTF8Scalars.startsScalar(buffer[from]) { from += 1 }
    let before = String(decoding: buffer[from..<(start - words.count)], as: UTF8.self)
    let clause = before.split { "，。；".contains($0) }.last.map(String.init) ?? before
    if let number = DocumentNumber.first(in: clause),
      clause.hasSuffix(number.number.text) || clause.hasSuffix(number.number.text + "）")
    {
      return number.number
    }
    if let decree = DocumentNumber.firstDecree(in: clause), clause.hasSuffix(decree.text) {
      return decree
    }
    return nil
  }

  /// Whether the 《 at `start` opens a short name the text gives a document it named
  /// before ("（以下简称《意见》）"): no reference of its own.
  private static func isShortName(_ buffer: UnsafeBufferPointer<UInt8>, before start: Int) -> Bool {
    let word = Array("简称".utf8)
    guard start >= word.count else { return false }
    return Array(buffer[(start - word.count)..<start]) == word
  }
}
