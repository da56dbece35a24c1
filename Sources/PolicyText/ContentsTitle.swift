import PolicyBytes

/// The title of a table of contents: "目录", often spaced ("目　　录"), a line of its own.
package enum ContentsTitle {
  /// The longest line read as one, in scalars.
  static let maximumScalars = 8

  /// Whether `scalars` (a line's, blanks included) are 目, blanks, 录.
  package static func matches<Scalars: Collection>(_ scalars: Scalars) -> Bool
  where Scalars.Element == UInt32 {
    let line = Array(scalars.prefix(maximumScalars + 1))
    guard line.count >= 2, line.count <= maximumScalars, line[0] == .scalar("目"),
      line[line.count - 1] == .scalar("录")
    else { return false }
    return line.dropFirst().dropLast().allSatisfy(UTF8Scalars.isBlank)
  }
}
