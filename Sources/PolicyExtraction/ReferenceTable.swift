import PolicyModel

/// The documents of a batch as references find them: by normalised document number and
/// by title key, with bigram postings of the titles for near matches. Built once from the
/// batch's `ReferenceTarget`s, in the order of the batch, then shared by every thread that
/// resolves the references of one document.
public struct ReferenceTable: Sendable {
  /// One title of a document of the batch.
  private struct Title: Sendable {
    var documentID: String
    var key: String
  }

  /// The least bigram similarity between titles that still counts as the same document.
  public let titleSimilarity: Double
  /// The id of the last document with each number.
  private var byNumber: [String: String] = [:]
  private var titles: [Title] = []
  /// The ids of the documents with each title key, in batch order.
  private var byTitle: [String: [String]] = [:]
  /// The titles that hold each bigram.
  private var postings: [String: [Int]] = [:]
  /// Bigrams in more titles than this ("中华", "人民") are passed over for near matches.
  private let rareLimit: Int

  /// The table of `targets`, in the order of the batch.
  /// - Parameters:
  ///   - targets: the keys of the documents of the batch.
  ///   - titleSimilarity: the least similarity of a near match (`ReferenceResolver`).
  public init(_ targets: [ReferenceTarget], titleSimilarity: Double = 0.8) {
    self.titleSimilarity = titleSimilarity
    for target in targets {
      if let number = target.documentNumber { byNumber[number] = target.documentID }
      for key in target.titleKeys {
        titles.append(Title(documentID: target.documentID, key: key))
        byTitle[key, default: []].append(target.documentID)
      }
    }
    for (index, title) in titles.enumerated() {
      for bigram in Set(ReferenceResolver.bigrams(title.key)) {
        postings[bigram, default: []].append(index)
      }
    }
    rareLimit = max(50, titles.count / 20)
  }

  /// Resolves the references of `document` against the documents of the table (its own
  /// entry, if it has one, excepted): by document number first, then by title.
  /// - Complexity: O(r · c) for r references and c candidate titles sharing a rare
  ///   bigram with each; exact titles and numbers are hash lookups.
  public func resolve(_ document: inout PolicyDocument) {
    let ownID = document.id
    for referenceIndex in document.references.indices {
      let reference = document.references[referenceIndex]
      if let number = reference.documentNumber, let target = byNumber[number.normalized],
        target != ownID
      {
        document.references[referenceIndex].resolvedDocument = target
        document.references[referenceIndex].resolvedBy = "document_number"
        continue
      }
      if let resolved = documentID(titled: reference.title, except: ownID) {
        document.references[referenceIndex].resolvedDocument = resolved
        document.references[referenceIndex].resolvedBy = "title"
      }
    }
  }

  /// The id of the document whose title is `title`, else of the nearest at `titleSimilarity` or more,
  /// other than `ownID`.
  private func documentID(titled title: String, except ownID: String) -> String? {
    let key = ReferenceResolver.titleKey(title)
    guard !key.isEmpty else { return nil }
    if let exact = byTitle[key]?.first(where: { $0 != ownID }) { return exact }
    var shared: [Int: Int] = [:]
    for bigram in Set(ReferenceResolver.bigrams(key)) {
      guard let list = postings[bigram], list.count <= rareLimit else { continue }
      for index in list { shared[index, default: 0] += 1 }
    }
    var best: (id: String, score: Double)? = nil
    for (index, _) in shared.sorted(by: {
      $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key
    }).prefix(20) where titles[index].documentID != ownID {
      let score = ReferenceResolver.similarity(titles[index].key, key)
      if score >= titleSimilarity, score > (best?.score ?? 0) {
        best = (titles[index].documentID, score)
      }
    }
    return best?.id
  }
}
