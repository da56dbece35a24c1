/// How much a container file (.docx, PDF, OFD) may unpack to: an absolute cap, and
/// a ratio to its stored size above a floor, so that a small file that claims or turns out
/// to unpack to gigabytes (a zip bomb) is refused with an error naming it, instead of
/// taking the machine's memory. Real .docx plans unpack to a few MB at ratios under 20.
public struct ContainerLimits: Sendable, Equatable {
  /// The most bytes one part may unpack to, whatever its stored size.
  public var maximumUnpackedBytes: Int
  /// The most bytes one part may unpack to per stored byte, above `ratioFloorBytes`.
  public var maximumRatio: Int
  /// Parts up to this size are not held to the ratio (small parts compress well).
  public var ratioFloorBytes: Int

  /// 256 MiB a part, and 200 times its stored size above 8 MiB.
  public static let standard = ContainerLimits(
    maximumUnpackedBytes: 256 << 20, maximumRatio: 200, ratioFloorBytes: 8 << 20)

  /// Limits with these values.
  public init(maximumUnpackedBytes: Int, maximumRatio: Int, ratioFloorBytes: Int) {
    self.maximumUnpackedBytes = maximumUnpackedBytes
    self.maximumRatio = maximumRatio
    self.ratioFloorBytes = ratioFloorBytes
  }

  /// The most pages a PDF may have per MiB of `maximumUnpackedBytes`.
  static let pagesPerMiB = 64

  /// The most pages a PDF or OFD may have: 64 per MiB of `maximumUnpackedBytes` (16,384
  /// for the standard 256 MiB), so that raising that limit raises this one.
  public var maximumPages: Int { max(1, maximumUnpackedBytes >> 20) * Self.pagesPerMiB }

  /// The most bytes a part stored in `storedSize` bytes may unpack to.
  func maximumUnpackedSize(storedSize: Int) -> Int {
    // An overflowing product is no limit (its wrapped value could be negative: with a ratio
    // of .max, any even stored size gave -size, so the floor became the limit).
    let (scaled, overflow) = max(storedSize, 0).multipliedReportingOverflow(by: maximumRatio)
    let byRatio = max(ratioFloorBytes, overflow ? Int.max : scaled)
    return min(maximumUnpackedBytes, byRatio)
  }

  /// A part that would unpack to more than the limits allow.
  struct Exceeded: Error {
    /// The part's name in the container.
    var part: String
    /// The size it declares, when that is what passed the limit (nil: found unpacking).
    var size: Int?
    /// The limit it passed.
    var limit: Int
  }
}
