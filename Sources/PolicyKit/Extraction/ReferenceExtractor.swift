/// Finds references to other documents: 《title》, optionally followed by a document
/// number in parentheses, "《…行动计划（2022—2025年）》（永川府发〔2022〕11号）".
struct ReferenceExtractor {
  struct Found {
    var title: String
    var documentNumber: DocumentNumber?
    var span: TextSpan
  }

  func references(in bytes: [UInt8]) -> [Found] {
    var found: [Found] = []
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
        } else if scalar == 0x300A {  // 《
          if depth == 0 { open = index }
          depth += 1
        } else if scalar == 0x300B, depth > 0 {  // 》
          depth -= 1
          if depth == 0, let start = open {
            let title = String(decoding: buffer[(start + 3)..<index], as: UTF8.self)
            var end = index + length
            var number: DocumentNumber? = nil
            // "（永川府发〔2022〕11号）" right after the title.
            if end < buffer.count {
              let next = UTF8Scalars.scalar(in: buffer, at: end)
              if next.value == 0xFF08 || next.value == 0x28 {
                var close = end + next.length
                while close < buffer.count && close - end < 90 {
                  let inner = UTF8Scalars.scalar(in: buffer, at: close)
                  if inner.value == 0xFF09 || inner.value == 0x29 || inner.value == 0x0A { break }
                  close += inner.length
                }
                let inside = String(decoding: buffer[(end + next.length)..<close], as: UTF8.self)
                if close < buffer.count, buffer[close] != 0x0A, let parsed = DocumentNumber.first(in: inside),
                  parsed.range.lowerBound == inside.startIndex || inside.hasPrefix(parsed.number.text)
                {
                  number = parsed.number
                  end = close + UTF8Scalars.scalar(in: buffer, at: close).length
                }
              }
            }
            if !title.isEmpty && title.hasAtMostCharacters(120) {
              found.append(Found(title: title, documentNumber: number, span: TextSpan(start, end)))
            }
            open = nil
          }
        }
        index += length
      }
    }
    return found
  }
}
