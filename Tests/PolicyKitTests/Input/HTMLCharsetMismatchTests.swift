import Foundation
import PolicyReaders
import PolicyText
import Testing

@testable import PolicyKit

/// Pages whose declared charset is not the one their bytes are in: read in the one that
/// fits, with a warning naming both, rather than indexed as mojibake.
@Suite struct HTMLCharsetMismatchTests {
  let reader = DocumentReader()

  static func page(charset: String) -> String {
    HTMLReaderTests.page.replacingOccurrences(
      of: "<head>", with: "<head><meta charset=\"\(charset)\">")
  }

  @Test func declaresUTF8_butIsGB18030_readAsGB18030WithAWarning() throws {
    let bytes = try #require(TextEncoding.gb18030.encode(Self.page(charset: "utf-8")))
    let document = try reader.read(bytes: bytes, path: "mislabelled.html")
    #expect(document.source.encoding == "GB18030")
    #expect(document.text.hasPrefix("重庆市人民政府关于印发行动计划的通知"))
    #expect(!document.text.contains("\u{FFFD}"))
    let warnings = document.diagnostics.map(\.description)
    #expect(
      warnings.contains {
        $0.hasPrefix("mislabelled.html: warning: the declared charset UTF-8 does not fit: ")
          && $0.contains("read as GB18030 (detected at")
      }, "\(warnings)")
  }

  @Test func declaresGB2312_butIsUTF8_readAsUTF8WithAWarning() throws {
    let bytes = Array(Self.page(charset: "gb2312").utf8)
    let document = try reader.read(bytes: bytes, path: "mislabelled.html")
    #expect(document.source.encoding == "UTF-8")
    #expect(document.text.hasPrefix("重庆市人民政府关于印发行动计划的通知"))
    let warnings = document.diagnostics.map(\.description)
    #expect(
      warnings.contains {
        $0.hasPrefix("mislabelled.html: warning: the declared charset GB18030 does not fit: ")
          && $0.hasSuffix("read as UTF-8 (its bytes are valid UTF-8)")
      }, "\(warnings)")
  }

  /// A page in the charset it declares is read in it, without a warning.
  @Test func declaredCharsetThatFits_noWarning() throws {
    for (charset, encoding) in [("gb2312", TextEncoding.gb18030), ("utf-8", .utf8)] {
      let bytes = try #require(encoding.encode(Self.page(charset: charset)))
      let document = try reader.read(bytes: bytes, path: "page.html")
      #expect(document.source.encoding == encoding.description)
      #expect(document.diagnostics.isEmpty)
    }
  }
}
