/// The measures of one side grouped by folded text: measures with the same text score the
/// same against anything, so each distinct text is shingled and scored once (a document
/// that repeats itself costs what one copy costs).
struct TextGroups {
  /// The shingles of each distinct text, in the order of each text's first measure.
  let shingles: [Shingles]
  /// The group of each measure.
  let groupOfMeasure: [Int]
  /// The first measure of each group.
  let firstMeasure: [Int]

  /// Groups `texts`, one per measure (numbering already dropped).
  init(_ texts: [String]) {
    var groupOfText: [[UInt32]: Int] = [:]
    var shingles: [Shingles] = []
    var groupOfMeasure: [Int] = []
    var firstMeasure: [Int] = []
    groupOfMeasure.reserveCapacity(texts.count)
    for (measure, text) in texts.enumerated() {
      let scalars = Shingles.keptScalars(text)
      if let group = groupOfText[scalars] {
        groupOfMeasure.append(group)
        continue
      }
      let group = shingles.count
      groupOfText[scalars] = group
      shingles.append(Shingles(scalars: scalars))
      groupOfMeasure.append(group)
      firstMeasure.append(measure)
    }
    self.shingles = shingles
    self.groupOfMeasure = groupOfMeasure
    self.firstMeasure = firstMeasure
  }

  /// The number of distinct texts.
  var count: Int { shingles.count }
}
