import Foundation
import PolicyBytes
import PolicyIndex
import Testing

@testable import PolicyKit

@Suite struct JSONValueTests {
  @Test func readsAManifestAsJSONEncoderWritesIt() throws {
    let written = IndexManifest(
      format: IndexManifest.format, version: IndexManifest.version, created: "2026-11-22T16:29:40Z",
      documentCount: 1005,
      unitCount: 41205, keyCount: 9044, textBytes: 19_242_534, averageUnitLength: 187.6341463414634,
      checksums: [
        "postings.bin": ["22777179", "f860686fbf22a4a5"],
        "units.bin": ["32935347", "5b58d05919843df9"],
      ])
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    let read = try #require(IndexManifest(json: Array(try encoder.encode(written))))
    #expect(
      read.format == written.format && read.version == written.version
        && read.created == written.created)
    #expect(
      read.documentCount == 1005 && read.unitCount == 41205 && read.keyCount == 9044
        && read.textBytes == 19_242_534)
    #expect(read.averageUnitLength == written.averageUnitLength)
    #expect(read.checksums == written.checksums)
  }

  @Test func readsAFileListAsJSONEncoderWritesIt() throws {
    let modified = 1_795_361_920.266_123_4
    let written = IndexFileList(
      files: [
        IndexManifest.File(
          path: "corpus/documents/000 “引号”.txt", size: 18524, modified: modified,
          hash: "5b58d05919843df9", document: "3cf4a8736e0c5b8a")
      ],
      failures: [
        IndexManifest.Failure(path: "bad.docx", error: "bad.docx: error: not a zip archive")
      ])
    let read = try #require(IndexFileList(json: Array(try JSONEncoder().encode(written))))
    #expect(read.files.count == 1 && read.failures.count == 1)
    #expect(
      read.files[0].path == written.files[0].path && read.files[0].size == 18524
        && read.files[0].modified == modified)
    #expect(
      read.files[0].hash == "5b58d05919843df9" && read.files[0].document == "3cf4a8736e0c5b8a")
    #expect(
      read.failures[0].path == "bad.docx" && read.failures[0].error == written.failures[0].error)
    #expect(IndexFileList(json: Array(#"{"files": [{"path": "a"}], "failures": []}"#.utf8)) == nil)
  }

  @Test func aManifestMissingAFieldOrOfTheWrongTypeIsNotRead() {
    #expect(IndexManifest(json: Array(#"{"format": "policyq-index", "version": 5}"#.utf8)) == nil)
    #expect(IndexManifest(json: Array(#"{"format": 5}"#.utf8)) == nil)
    #expect(IndexManifest(json: Array("not json".utf8)) == nil)
    #expect(IndexManifest(json: []) == nil)
  }

  @Test func decodesStringsNumbersAndNesting() throws {
    let text =
      #" { "a": [1, -2.5e3, true, false, null], "s": "引号\"\\\/\n\t\u00e9\ud83d\ude00", "o": {"x": {}} , "e": [] } "#
    let value = try JSONValue(parsing: Array(text.utf8))
    #expect(value["a"] == .array([.number(1), .number(-2500), .bool(true), .bool(false), .null]))
    #expect(value["s"]?.string == "引号\"\\/\n\té😀")
    #expect(value["o"] == .object(["x": .object([:])]))
    #expect(value["e"] == .array([]))
    #expect(
      value["a"]?.integer == nil && JSONValue.number(41205).integer == 41205
        && JSONValue.number(1.5).integer == nil)
  }

  @Test func refusesWhatIsNotJSONAndSaysWhere() {
    for text in [
      "", "{", #"{"a" 1}"#, #"{"a": 1,}"#, "[1 2]", #""open"#, "tru", "{} x", #""\q""#, "-",
      String(repeating: "[", count: 100) + String(repeating: "]", count: 100),
    ] {
      #expect(throws: JSONValue.SyntaxError.self, "\(text)") {
        try JSONValue(parsing: Array(text.utf8))
      }
    }
    #expect(throws: JSONValue.SyntaxError(offset: 3)) { try JSONValue(parsing: Array("{} x".utf8)) }
  }
}
