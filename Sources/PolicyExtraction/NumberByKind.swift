import PolicyText

/// The last number seen for each kind of heading, in an array: a dictionary keyed by
/// `HeadingMarker.Kind` hashes the kind's raw string on every lookup.
struct NumberByKind {
  private var numbers = [Int?](repeating: nil, count: HeadingMarker.Kind.allCases.count)

  package subscript(kind: HeadingMarker.Kind) -> Int? {
    get { numbers[Self.slot(kind)] }
    set { numbers[Self.slot(kind)] = newValue }
  }

  private static func slot(_ kind: HeadingMarker.Kind) -> Int {
    switch kind {
    case .part: 0
    case .chapter: 1
    case .section: 2
    case .chineseOrdinal: 3
    case .parenthesizedChineseOrdinal: 4
    case .arabicOrdinal: 5
    case .parenthesizedArabicOrdinal: 6
    case .circledOrdinal: 7
    case .article: 8
    case .column: 9
    case .attachment: 10
    case .paragraph: 11
    case .table: 12
    case .tableRow: 13
    case .decimal1: 14
    case .decimal2: 15
    case .decimal3: 16
    case .decimal4: 17
    case .ordinalPoint: 18
    }
  }
}
