/// 附件复述 — where a document restates its own measures in another of its parts: a
/// task-decomposition table (附件 重点任务分解表) whose rows repeat the body's tasks, a
/// rulebook (附件 细则) detailing them. A measure linked to the other document lends its
/// link to its echoes, which a reader links too.
package struct DocumentEchoes {
  /// For each text, the texts of the same document in another top-level part that are
  /// like it (body or heading cosine at least `threshold`), with the cosine.
  private(set) var echoes: [[(text: Int, similarity: Double)]]

  /// The least cosine of two texts of one document taken as the same task.
  package static let threshold = 0.5

  /// The echoes among `profiles` (the distinct texts of one document), their bodies and
  /// headings weighted by `weights`.
  init(_ profiles: [MeasureProfile], weights: BigramWeights, listLimit: Int, visited: inout Int) {
    let bodies = profiles.map { weights.vector($0.body) }
    let headings = profiles.map { weights.vector($0.heading) }
    var similarity: [Int: [Int: Double]] = [:]
    // Texts of one part are not echoes of each other: only pairs of parts are compared.
    var parts: [String: [Int]] = [:]
    for (index, profile) in profiles.enumerated() { parts[profile.part, default: []].append(index) }
    let names = parts.keys.sorted()
    for (first, name) in names.enumerated() {
      for other in names[(first + 1)...] {
        let (mine, theirs) = (parts[name] ?? [], parts[other] ?? [])
        for vectors in [bodies, headings] {
          let overlaps = VectorOverlap.all(
            mine.map { vectors[$0] }, theirs.map { vectors[$0] }, listLimit: listLimit,
            visited: &visited)
          for (x, row) in overlaps {
            for (y, overlap) in row {
              let (a, b) = (mine[x], theirs[y])
              let norms = vectors[a].norm * vectors[b].norm
              let cosine = norms == 0 ? 0 : min(1, overlap.dot / norms)
              similarity[a, default: [:]][b] = max(similarity[a]?[b] ?? 0, cosine)
              similarity[b, default: [:]][a] = max(similarity[b]?[a] ?? 0, cosine)
            }
          }
        }
      }
    }
    echoes = profiles.indices.map { a in
      (similarity[a] ?? [:]).filter { $0.value >= Self.threshold }.sorted { $0.key < $1.key }
        .map { (text: $0.key, similarity: $0.value) }
    }
  }
}
