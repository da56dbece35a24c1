import PolicyIndex
import Testing

@testable import PolicyKit

/// What a query's words with colons mean: a known name before an ASCII colon is a filter,
/// anything else is text.
@Suite struct SearchQuerySyntaxTests {
  @Test func fullWidthColon_isText() throws {
    let query = try SearchQuery("责任单位：区发展改革委")
    #expect(query.filters.isEmpty)
    #expect(query.groups.map { $0.map(\.text) } == [["责任单位：区发展改革委"]])
    // Also a known name: 部门：… as a document writes it is text too.
    #expect(try SearchQuery("部门：区发展改革委").filters.isEmpty)
  }

  @Test func unknownNameWithAsciiColon_isText() throws {
    for text in ["责任单位:区发展改革委", "比例1:1000", "https://example.org"] {
      let query = try SearchQuery(text)
      #expect(query.filters.isEmpty, "\(text)")
      #expect(query.groups.map { $0.map(\.text) } == [[text]])
    }
  }

  @Test func knownNameWithAsciiColon_isAFilter() throws {
    #expect(try SearchQuery("dept:区发展改革委").filters == [.department("区发展改革委", role: nil)])
    #expect(try SearchQuery("部门:区发展改革委").filters == [.department("区发展改革委", role: nil)])
    #expect(try SearchQuery("Year:2025 固废").filters == [.year(2025)])
    #expect(throws: IndexError.badQuery("dept: needs a value")) { try SearchQuery("dept:") }
    #expect(throws: IndexError.badQuery("year:abc: not a year")) { try SearchQuery("year:abc") }
  }
}
