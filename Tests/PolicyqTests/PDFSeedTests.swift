import Foundation
import PolicyTestSupport
import Testing

/// The seeds printed as PDFs the way governments print them (LibreOffice, GB/T 9704
/// layout: 仿宋 body, 黑体 headings, a red title, a running header, "— N —" footers):
/// each extracts the measures, targets and responsibility clauses of the seed's text; the
/// page of an item is the page its text is on; headers and page numbers are not text.
@Suite(.enabled(if: PrintedPDF.canPrintWord, "LibreOffice (soffice) or pdftotext is not installed"))
struct PDFSeedTests {
  /// The running header the made PDFs carry on every page.
  static let header = "永川政策文件汇编"

  /// The seeds, their cleaned text, and their PDFs, made once per test process.
  static let made: [(seed: String, pdf: URL)] = {
    let folder = Scratch.root.appendingPathComponent("seed-pdfs")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    var docxFiles: [URL] = []
    var seeds: [String] = []
    for prefix in ["000", "001", "002", "003", "004"] {
      let seed = Policyq.seed(prefix)
      guard let text = try? Policyq.run(["text", seed], bounds: .standard), text.status == 0
      else { continue }
      let docx = folder.appendingPathComponent("\(prefix).docx")
      guard (try? PrintedPDF.makeDocx(text: text.stdout, to: docx, header: header)) != nil else {
        continue
      }
      docxFiles.append(docx)
      seeds.append(seed)
    }
    let pdfs = (try? PrintedPDF.convert(docxFiles, to: "pdf", in: folder)) ?? []
    return zip(seeds, pdfs).map { ($0, $1) }
  }()

  /// The extract JSON of one file.
  static func extract(_ path: String) throws -> [String: Any] {
    let result = try Policyq.run(["extract", "--format", "json", path], bounds: .standard)
    #expect(result.status == 0, "\(path): \(result.stderr)")
    let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    return json as? [String: Any] ?? [:]
  }

  /// Text without spaces and punctuation: LibreOffice does not draw a comma it would hang
  /// past the right margin, and whether "1." is followed by a space cannot be told from
  /// the page.
  static func letters(_ value: Any?) -> String {
    String(
      String(describing: value ?? "").unicodeScalars.filter {
        !CharacterSet.whitespacesAndNewlines.contains($0)
          && !CharacterSet.punctuationCharacters.contains($0)
      })
  }

  /// What a user compares: measures by label, number, title and text; targets by year,
  /// indicator, value and unit; clauses by their departments and roles.
  static func items(_ document: [String: Any]) -> [String] {
    let measures = (document["measures"] as? [[String: Any]] ?? []).map {
      "measure \(letters($0["label"])) \(letters($0["title"])) \(letters($0["text"]))"
    }
    let targets = (document["targets"] as? [[String: Any]] ?? []).map {
      "target \(letters($0["year"])) \(letters($0["indicator_key"])) \(letters($0["value"])) \(letters($0["unit"]))"
    }
    let clauses = (document["responsibilities"] as? [[String: Any]] ?? []).map {
      "clause " + departments(of: $0).joined(separator: ",")
    }
    return measures + targets + clauses
  }

  /// The departments of a clause as written, in order.
  static func departments(of clause: [String: Any]) -> [String] {
    (clause["departments"] as? [[String: Any]] ?? []).map { letters($0["name"]) }
  }

  /// Whether `printed` is `written` with one "、" between two departments lost: LibreOffice
  /// 7.4 does not draw a mark it hangs past the right margin of a justified line (seen on
  /// the rendered page, and absent from pdftotext's text too), so two names run together.
  static func losesOneSeparator(_ written: String, _ printed: String) -> Bool {
    let names = written.dropFirst("clause ".count).split(separator: ",").map(String.init)
    let target = printed.dropFirst("clause ".count).split(separator: ",").map(String.init)
    guard names.count == target.count + 1 else { return false }
    return names.indices.dropLast().contains { index in
      var merged = names
      merged[index] += merged.remove(at: index + 1)
      return merged == target
    }
  }

  @Test func everySeedWasPrinted() {
    #expect(Self.made.count == 5, "\(Self.made.map(\.pdf.lastPathComponent))")
  }

  @Test(arguments: ["000", "001", "002", "003", "004"])
  func seedPDF_extractsWhatTheSeedTextDoes(_ prefix: String) throws {
    let pair = try #require(Self.made.first { $0.pdf.lastPathComponent.hasPrefix(prefix) })
    let fromText = Self.items(try Self.extract(pair.seed))
    let fromPDF = Self.items(try Self.extract(pair.pdf.path))
    #expect(!fromText.isEmpty)
    var missing = fromText.filter { !fromPDF.contains($0) }
    var extra = fromPDF.filter { !fromText.contains($0) }
    for item in missing {
      if let index = extra.firstIndex(where: { Self.losesOneSeparator(item, $0) }) {
        extra.remove(at: index)
        missing.removeAll { $0 == item }
      }
    }
    #expect(missing.isEmpty && extra.isEmpty, "missing: \(missing)\nextra: \(extra)")
  }

  @Test func itemPages_areThePagesTheirTextIsOn() throws {
    var checked = 0
    for (_, pdf) in Self.made {
      let document = try Self.extract(pdf.path)
      let measures = document["measures"] as? [[String: Any]] ?? []
      let targets = document["targets"] as? [[String: Any]] ?? []
      // The first, middle and last measure, and the last target's value.
      var picks: [(text: String, location: [String: Any])] = []
      for index in Set([0, measures.count / 2, measures.count - 1]) where index >= 0 {
        let measure = measures[index]
        picks.append(
          (measure["title"] as? String ?? "", measure["location"] as? [String: Any] ?? [:]))
      }
      if let target = targets.last {
        picks.append(
          (target["clause"] as? String ?? "", target["location"] as? [String: Any] ?? [:]))
      }
      for pick in picks where !pick.text.isEmpty {
        let page = try #require(pick.location["page"] as? Int, "\(pick)")
        let pageLine = try #require(pick.location["page_line"] as? Int)
        #expect(page >= 1 && pageLine >= 1)
        let onPage = Self.letters(try PrintedPDF.pageText(pdf, page: page))
        let head = String(Self.letters(pick.text).prefix(6))
        #expect(onPage.contains(head), "\(pdf.lastPathComponent) p\(page): \(head)")
        checked += 1
      }
    }
    #expect(checked >= 15)
  }

  @Test func runningHeadersAndPageNumbers_areNotText() throws {
    for (_, pdf) in Self.made {
      let result = try Policyq.run(["text", pdf.path], bounds: .standard)
      #expect(result.status == 0, "\(result.stderr)")
      #expect(!result.stdout.contains(Self.header), "\(pdf.lastPathComponent)")
      let lines = result.stdout.split(separator: "\n")
      #expect(!lines.contains { $0.hasPrefix("—") && $0.hasSuffix("—") && $0.count <= 8 })
      // The layer did have them: pdftotext shows both on page 2.
      let page2 = try PrintedPDF.pageText(pdf, page: 2)
      #expect(page2.contains(Self.header) && page2.contains("2—"))
    }
  }

  @Test func parallelExtract_isTheSameAsOneThread() throws {
    let paths = Self.made.map(\.pdf.path)
    let one = try Policyq.run(
      ["extract", "--format", "jsonl", "--jobs", "1"] + paths, bounds: .standard)
    let two = try Policyq.run(
      ["extract", "--format", "jsonl", "--jobs", "2"] + paths, bounds: .standard)
    #expect(one.status == 0 && two.status == 0, "\(one.stderr)\(two.stderr)")
    #expect(!one.stdout.isEmpty && one.stdout == two.stdout)
  }

  @Test func csvRows_carryThePage() throws {
    let pair = try #require(Self.made.first)
    let result = try Policyq.run(
      ["extract", "--format", "csv", "--table", "measures", pair.pdf.path], bounds: .standard)
    #expect(result.status == 0)
    let rows = result.stdout.split(separator: "\n")
    #expect(rows.first?.hasSuffix("line,source_start,source_end,page,page_line") == true)
    #expect(rows.dropFirst().allSatisfy { !$0.hasSuffix(",,") })
    let text = try Policyq.run(
      ["extract", "--format", "csv", "--table", "measures", pair.seed], bounds: .standard)
    #expect(text.stdout.split(separator: "\n").dropFirst().allSatisfy { $0.hasSuffix(",,") })
  }
}
