import Foundation
import PolicyTestSupport
import Testing

/// The gold documents with a PDF form (Scripts/make-gold-pdf.py: printed by LibreOffice
/// with GB/T 9704 layout) score as their text forms: measures, roles, targets and
/// references F1 within 0.01 of the same documents read from their sources.
@Suite(.enabled(if: PrintedPDF.soffice != nil, "LibreOffice (soffice) is not installed"))
struct GoldPDFFormTests {
  @Test func pdfForms_scoreAsTheirTextForms() throws {
    let corpusReal = EvalCommandTests.corpusReal
    guard FileManager.default.fileExists(atPath: corpusReal.path) else { return }
    let made = Scratch.root.appendingPathComponent("gold-pdf-forms")
    let script = try PrintedPDF.run(
      [
        "python3", Policyq.root.appendingPathComponent("Scripts/make-gold-pdf.py").path, "--gold",
        Policyq.root.appendingPathComponent("Tests/Gold").path, "--out", made.path, "--policyq",
        Policyq.executable.path, "--corpus-real", corpusReal.path,
      ], seconds: 600)
    #expect(script.status == 0)
    let result = try Policyq.run(
      [
        "eval", Policyq.root.appendingPathComponent("Tests/Gold").path, "--corpus-real",
        corpusReal.path, "--made", made.path, "--format", "csv",
      ], bounds: .standard)
    #expect(result.status == 0, "\(result.stderr)")
    // document,kind,gold,found,matched,… — totals per form and kind.
    var totals: [String: (gold: Int, found: Int, matched: Int)] = [:]
    let rows = result.stdout.split(separator: "\n").map { $0.split(separator: ",") }
    let pdfNames = Set(
      rows.compactMap { $0.first.flatMap { $0.hasSuffix(".pdf") ? String($0.dropLast(4)) : nil } })
    #expect(pdfNames.count >= 10, "\(pdfNames.sorted())")
    for row in rows where row.count >= 5 {
      let name = String(row[0])
      let form: String
      if name.hasSuffix(".pdf") {
        form = "pdf"
      } else if pdfNames.contains(name) {
        form = "text"
      } else {
        continue
      }
      guard let gold = Int(row[2]), let found = Int(row[3]), let matched = Int(row[4]) else {
        continue
      }
      let key = "\(form) \(row[1])"
      let sum = totals[key] ?? (0, 0, 0)
      totals[key] = (sum.gold + gold, sum.found + found, sum.matched + matched)
    }
    func f1(_ key: String) -> Double {
      guard let sum = totals[key], sum.found > 0, sum.gold > 0, sum.matched > 0 else { return 0 }
      let precision = Double(sum.matched) / Double(sum.found)
      let recall = Double(sum.matched) / Double(sum.gold)
      return 2 * precision * recall / (precision + recall)
    }
    for kind in ["measures", "roles", "targets", "references"] {
      let text = f1("text \(kind)")
      let pdf = f1("pdf \(kind)")
      #expect(text > 0.5)
      #expect(pdf >= text - 0.01, "\(kind): text \(text), pdf \(pdf)")
    }
  }
}
