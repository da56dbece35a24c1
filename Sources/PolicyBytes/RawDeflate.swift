import CZlibShim

/// Raw deflate streams (no zlib header, as zip members hold them), inflated through zlib.
package enum RawDeflate {
  /// Why a stream did not inflate.
  package enum Failure: Error, Equatable {
    /// It would unpack to more than the limit.
    case overLimit
    /// It is damaged or cut short.
    case damaged
    /// Memory for the output could not be had.
    case noMemory
  }

  /// `bytes` inflated, at most `limit` bytes; `expectedLength` sizes the first buffer (it
  /// is not trusted).
  /// - Throws: `Failure` when the stream is damaged, cut short or over the limit.
  /// - Complexity: O(n) in the inflated length.
  package static func inflate(
    _ bytes: UnsafeBufferPointer<UInt8>, expectedLength: Int, limit: Int
  ) throws(Failure) -> [UInt8] {
    var output: UnsafeMutablePointer<UInt8>?
    var length = 0
    let status = pq_inflate_raw(
      bytes.baseAddress, bytes.count, max(0, expectedLength), max(0, limit), &output, &length)
    defer { pq_zlib_free(output) }
    switch status {
    case PQ_INFLATE_DONE: return Array(UnsafeBufferPointer(start: output, count: length))
    case PQ_INFLATE_OVER_LIMIT: throw .overLimit
    case PQ_INFLATE_NO_MEMORY: throw .noMemory
    default: throw .damaged
    }
  }

  /// The CRC-32 of `bytes` (as zip stores it).
  package static func crc32(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
    pq_crc32(bytes.baseAddress, bytes.count)
  }
}
