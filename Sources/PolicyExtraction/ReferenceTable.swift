import PolicyModel

/// The documents of a batch as references find them: by normalised document number and
/// by title key, with bigram postings of the titles for near matches. Built once from the
/// batch's `ReferenceTarget`s, in the order of the batch, then shared by every thread that
/// resolves the references of one document.
public struct ReferenceTable: Sendable {
  /// One title of a document of the batch.
  struct Title: Sendable {
    var documentID: String
    var key: String
    /// The places it opens with (`AdministrativePlace`), one after another: 上海市, 山东省;
    /// empty for a national title.
    var place: String
    /// The kind of document it names (`kind(of:)`).
    var kind: String?
    /// The sum of its bigrams' weights (`bigramWeight`), each occurrence counted.
    var weight = 0.0
    /// Where its subject starts in `key`: at its first 关于 (the issuer before it left
    /// out), else at its start.
    var subjectStart: String.Index
    /// The weight of `subject`'s bigrams.
    var subjectWeight = 0.0

    /// The key from `subjectStart` on.
    var subject: String { String(key[subjectStart...]) }
  }

  /// The least similarity (`nearestTitle`) between titles that still counts as the same
  /// document.
  public let titleSimilarity: Double
  /// The id of the last document with each number.
  private var byNumber: [String: String] = [:]
  private(set) var titles: [Title] = []
  /// The ids of the documents with each title key, in batch order.
  private var byTitle: [String: [String]] = [:]
  /// The titles that hold each bigram (each title once per bigram, in title order).
  private(set) var postings: [String: [Int]] = [:]

  /// The table of `targets`, in the order of the batch.
  /// - Parameters:
  ///   - targets: the keys of the documents of the batch.
  ///   - titleSimilarity: the least similarity of a near match (`nearestTitle`).
  public init(_ targets: [ReferenceTarget], titleSimilarity: Double = 0.8) {
    self.titleSimilarity = titleSimilarity
    for target in targets {
      if let number = target.documentNumber { byNumber[number] = target.documentID }
      for key in target.titleKeys {
        titles.append(
          Title(
            documentID: target.documentID, key: key,
            place: Self.place(of: key), kind: Self.kind(of: key),
            subjectStart: key.rangeOfBytes("关于")?.lowerBound ?? key.startIndex))
        byTitle[key, default: []].append(target.documentID)
      }
    }
    for (index, title) in titles.enumerated() {
      for bigram in Set(ReferenceResolver.bigrams(title.key)) {
        postings[bigram, default: []].append(index)
      }
    }
    for index in titles.indices {
      titles[index].weight = ReferenceResolver.bigrams(titles[index].key).reduce(0) {
        $0 + bigramWeight($1)
      }
      titles[index].subjectWeight = ReferenceResolver.bigrams(titles[index].subject).reduce(0) {
        $0 + bigramWeight($1)
      }
    }
  }

  /// Resolves the references of `document` against the documents of the table (its own
  /// entry, if it has one, excepted): by document number first, then by title.
  /// - Complexity: per reference, hash lookups for numbers and exact titles, and for a
  ///   near match the titles that share one of the few rarest bigrams of its title
  ///   (`nearestTitle`).
  public func resolve(_ document: inout PolicyDocument) {
    let ownID = document.id
    let citingPlace = document.metadata.regionPath.first ?? ""
    for referenceIndex in document.references.indices {
      let reference = document.references[referenceIndex]
      if let number = reference.documentNumber, let target = byNumber[number.normalized],
        target != ownID
      {
        document.references[referenceIndex].resolvedDocument = target
        document.references[referenceIndex].resolvedBy = "document_number"
        continue
      }
      if let resolved = documentID(
        titled: reference.title, except: ownID, citingPlace: citingPlace)
      {
        document.references[referenceIndex].resolvedDocument = resolved
        document.references[referenceIndex].resolvedBy = "title"
      }
    }
  }

  /// The id of the document whose title is `title`, else of the nearest at
  /// `titleSimilarity` or more (`nearestTitle`), other than `ownID`.
  private func documentID(titled title: String, except ownID: String, citingPlace: String)
    -> String?
  {
    let key = ReferenceResolver.titleKey(title)
    guard !key.isEmpty else { return nil }
    if let exact = byTitle[key]?.first(where: { $0 != ownID }) { return exact }
    return nearestTitle(to: key, except: ownID, citedFrom: citingPlace).map {
      titles[$0].documentID
    }
  }
}
