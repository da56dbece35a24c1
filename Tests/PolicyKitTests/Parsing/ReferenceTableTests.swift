import Foundation
import PolicyExtraction
import PolicyModel
import PolicyReaders
import Testing

@testable import PolicyKit

@Suite struct ReferenceTableTests {
  /// The keys the parser reads from the head of a document are those of its whole parse.
  @Test func referenceTarget_sameAsTheParsedDocuments() throws {
    let parser = PolicyParser()
    for path in Corpus.seeds {
      let text = try DocumentReader().read(contentsOf: path)
      #expect(parser.referenceTarget(of: text) == ReferenceTarget(parser.parse(text)), "\(path)")
    }
  }

  /// A table of keys resolves each document alone as the batch resolver resolves them all,
  /// whatever the order of the documents (a cited document after the citing one).
  @Test func oneDocumentAtATime_sameAsTheBatch() throws {
    let parser = PolicyParser()
    let texts = try Corpus.seeds.map { try DocumentReader().read(contentsOf: $0) }
    for order in [Array(texts.indices), Array(texts.indices.reversed())] {
      var batch = order.map { parser.parse(texts[$0]) }
      ReferenceResolver().resolve(&batch)
      let table = ReferenceTable(order.map { parser.referenceTarget(of: texts[$0]) })
      var resolved = 0
      for (position, index) in order.enumerated() {
        var document = parser.parse(texts[index])
        table.resolve(&document)
        #expect(document.references == batch[position].references)
        resolved += document.references.filter { $0.resolvedDocument != nil }.count
      }
      #expect(resolved > 0)
    }
  }
}
