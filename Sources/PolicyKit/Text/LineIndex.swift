#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Line numbers of byte offsets in a source file, 1-based.
struct LineIndex: Sendable {
  /// The offset at which each line starts.
  private var lineStarts: [Int]

  /// Indexes the lines of `bytes` read in `encoding` (a line ends with LF, CRLF or CR).
  init(_ bytes: [UInt8], encoding: TextEncoding) {
    var starts = [0]
    switch encoding {
    case .utf16LittleEndian, .utf16BigEndian:
      let lowFirst = encoding == .utf16LittleEndian
      var index = 0
      while index + 1 < bytes.count {
        let unit =
          lowFirst
          ? UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8
          : UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
        if unit == 0x0A {
          starts.append(index + 2)
        } else if unit == 0x0D {
          let hasLF = index + 3 < bytes.count && (lowFirst ? bytes[index + 2] == 0x0A && bytes[index + 3] == 0 : bytes[index + 2] == 0 && bytes[index + 3] == 0x0A)
          if !hasLF { starts.append(index + 2) }
        }
        index += 2
      }
    default:
      bytes.withUnsafeBufferPointer { buffer in
        guard let base = buffer.baseAddress else { return }
        let count = buffer.count
        if memchr(base, 0x0D, count) == nil {
          var position = 0
          while position < count, let found = memchr(base + position, 0x0A, count - position) {
            position = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
            starts.append(position)
          }
          return
        }
        for index in 0..<count {
          let byte = buffer[index]
          if byte == 0x0A {
            starts.append(index + 1)
          } else if byte == 0x0D && (index + 1 >= count || buffer[index + 1] != 0x0A) {
            starts.append(index + 1)
          }
        }
      }
    }
    lineStarts = starts
  }

  /// The 1-based line that holds byte `offset`.
  func line(at offset: Int) -> Int {
    var low = 0
    var high = lineStarts.count
    while low < high {
      let mid = (low + high) / 2
      if lineStarts[mid] <= offset { low = mid + 1 } else { high = mid }
    }
    return max(1, low)
  }

  /// The 1-based column (in bytes) of `offset` on its line.
  func column(at offset: Int) -> Int {
    offset - lineStarts[line(at: offset) - 1] + 1
  }
}
