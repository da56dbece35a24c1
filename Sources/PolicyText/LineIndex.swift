#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Line numbers of byte offsets in a source file, 1-based.
package struct LineIndex: Sendable {
  /// The offset at which each line starts.
  private var lineStarts: [Int]

  /// Indexes the lines of `bytes` read in `encoding`. Lines are counted as `grep -n` and
  /// editors count them: a line ends with LF (or CR LF); a CR alone ends a line only in a
  /// file without any LF (old Mac files). pkulaw's CR CR LF is one line end.
  package init(_ bytes: [UInt8], encoding: TextEncoding) {
    var starts = [0]
    switch encoding {
    case .utf16LittleEndian, .utf16BigEndian:
      let lowFirst = encoding == .utf16LittleEndian
      func unit(at index: Int) -> UInt16 {
        lowFirst
          ? UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8
          : UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
      }
      let units = stride(from: 0, to: bytes.count - 1, by: 2)
      let lineEnd: UInt16 = units.contains { unit(at: $0) == 0x0A } ? 0x0A : 0x0D
      for index in units where unit(at: index) == lineEnd { starts.append(index + 2) }
    default:
      bytes.withUnsafeBufferPointer { buffer in
        guard let base = buffer.baseAddress else { return }
        let count = buffer.count
        let lineEnd: Int32 = memchr(base, 0x0A, count) != nil ? 0x0A : 0x0D
        var position = 0
        while position < count, let found = memchr(base + position, lineEnd, count - position) {
          position = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
          starts.append(position)
        }
      }
    }
    lineStarts = starts
  }

  /// The 1-based line that holds byte `offset`.
  package func line(at offset: Int) -> Int {
    var low = 0
    var high = lineStarts.count
    while low < high {
      let mid = (low + high) / 2
      if lineStarts[mid] <= offset { low = mid + 1 } else { high = mid }
    }
    return max(1, low)
  }

  /// The 1-based column (in bytes) of `offset` on its line.
  package func column(at offset: Int) -> Int {
    offset - lineStarts[line(at: offset) - 1] + 1
  }
}
