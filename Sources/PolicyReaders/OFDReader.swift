import PolicyText

/// Reads an OFD (GB/T 33190-2016): placeholder until the reader lands.
struct OFDReader {
  /// How much the archive's parts may unpack to.
  var limits = ContainerLimits.standard

  package func read(_ bytes: [UInt8], path: String) throws -> RawText {
    throw TextError.malformedContainer(path: path, reason: "OFD is not read yet")
  }
}
