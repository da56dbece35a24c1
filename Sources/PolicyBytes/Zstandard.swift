import CZstdShim

/// Zstandard frames (libzstd), with a dictionary trained on samples of the text they hold:
/// the index's stored text, compressed a few units at a time, where a shared dictionary
/// finds the phrases one small chunk alone cannot (corpus-real's stored text to 0.28 of
/// its size at level 3, against 0.35 with raw deflate at level 1, and faster).
package enum Zstandard {
  /// Why a frame did not decompress.
  package enum Failure: Error, Equatable {
    /// It is damaged, of another length than expected, or made with another dictionary.
    case damaged
    /// Memory could not be had.
    case noMemory
  }

  /// A dictionary of at most `capacity` bytes trained on `samples` (the same samples give
  /// the same dictionary); nil when none can be trained (too few or too small samples).
  /// - Complexity: O(n) in the samples' bytes.
  package static func trainDictionary(samples: [[UInt8]], capacity: Int) -> [UInt8]? {
    guard !samples.isEmpty, capacity > 0, samples.count <= Int(UInt32.max) else { return nil }
    let joined = Array(samples.joined())
    let lengths = samples.map(\.count)
    var dictionary = [UInt8](repeating: 0, count: capacity)
    let length = joined.withUnsafeBufferPointer { joined in
      lengths.withUnsafeBufferPointer { lengths in
        dictionary.withUnsafeMutableBufferPointer { dictionary in
          pq_zstd_train(
            joined.baseAddress, lengths.baseAddress, UInt32(samples.count),
            dictionary.baseAddress, capacity)
        }
      }
    }
    guard length > 0 else { return nil }
    return Array(dictionary.prefix(length))
  }

  /// The frames laid end to end in `bytes` (as the `zstd` tool writes a file in several
  /// and reads it back whole), made without a dictionary, decompressed and joined. The
  /// frames carry no checksum of their own: a caller checksums the bytes it reads (a byte
  /// flipped inside a frame may decode to other bytes of the declared length).
  /// - Throws: `Failure.damaged` when a frame is cut or malformed, does not declare its
  ///   length, or would take the whole past `limit` bytes; `.noMemory`.
  /// - Complexity: O(n) in the decompressed bytes.
  package static func decompressFrames(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int)
    throws(Failure) -> [UInt8]
  {
    guard let decompressor = Decompressor(dictionary: UnsafeBufferPointer(start: nil, count: 0))
    else { throw .noMemory }
    var joined: [UInt8] = []
    var at = 0
    while at < bytes.count {
      let rest = UnsafeBufferPointer(rebasing: bytes[at...])
      var compressed = 0
      var content: UInt64 = 0
      guard pq_zstd_frame_lengths(rest.baseAddress, rest.count, &compressed, &content) == 0,
        compressed > 0, content <= UInt64(max(0, limit - joined.count))
      else { throw .damaged }
      joined += try decompressor.decompress(
        UnsafeBufferPointer(rebasing: rest[..<compressed]), expectedLength: Int(content))
      at += compressed
    }
    return joined
  }

  /// Compresses with one level and dictionary; one compressor serves every thread.
  package final class Compressor: @unchecked Sendable {
    private let handle: OpaquePointer

    /// nil when memory is short or libzstd refuses the dictionary (empty for none).
    package init?(dictionary: [UInt8], level: Int32) {
      let handle = dictionary.withUnsafeBufferPointer {
        pq_zstd_compressor_create($0.baseAddress, $0.count, level)
      }
      guard let handle else { return nil }
      self.handle = handle
    }

    deinit { pq_zstd_compressor_free(handle) }

    /// `bytes` as one frame, or nil when memory is short.
    /// - Complexity: O(n) in the length of `bytes`.
    package func compress(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
      let capacity = pq_zstd_bound(bytes.count)
      var length = 0
      let output = [UInt8](unsafeUninitializedCapacity: capacity) { output, initialized in
        length = pq_zstd_compress(
          handle, bytes.baseAddress, bytes.count, output.baseAddress, capacity)
        initialized = length
      }
      return length > 0 ? output : nil
    }
  }

  /// Decompresses frames made with one dictionary; one decompressor serves every thread.
  package final class Decompressor: @unchecked Sendable {
    private let handle: OpaquePointer

    /// nil when memory is short or libzstd refuses the dictionary.
    package init?(dictionary: UnsafeBufferPointer<UInt8>) {
      guard let handle = pq_zstd_decompressor_create(dictionary.baseAddress, dictionary.count)
      else { return nil }
      self.handle = handle
    }

    deinit { pq_zstd_decompressor_free(handle) }

    /// The frame `bytes`, decompressed, which must be `expectedLength` bytes long.
    /// - Throws: `Failure.damaged` when it is damaged, of another length or made with
    ///   another dictionary; `.noMemory`.
    /// - Complexity: O(n) in `expectedLength`.
    package func decompress(_ bytes: UnsafeBufferPointer<UInt8>, expectedLength: Int)
      throws(Failure)
      -> [UInt8]
    {
      var status: Int32 = 1
      let output = [UInt8](unsafeUninitializedCapacity: max(1, expectedLength)) {
        output, initialized in
        status = pq_zstd_decompress(
          handle, bytes.baseAddress, bytes.count, output.baseAddress, expectedLength)
        initialized = status == 0 ? expectedLength : 0
      }
      switch status {
      case 0: return output
      case 2: throw .noMemory
      default: throw .damaged
      }
    }
  }
}
