import PolicyOutput
import Testing

@testable import PolicyKit

@Suite struct DocumentCSVTests {
  /// RFC 4180: a field holding a comma, a quote or a line break (CR LF too, which Swift
  /// counts as one Character) is quoted, quotes doubled.
  @Test func fieldsQuotedWhenNeeded() {
    #expect(
      DocumentCSV.row(["区经济信息委", "a,b", "说\"明\"", "一行\r\n二行", "末\r"])
        == "区经济信息委,\"a,b\",\"说\"\"明\"\"\",\"一行\r\n二行\",\"末\r\"\n")
  }
}
