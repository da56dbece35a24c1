import PolicyBytes
import PolicyText

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of a path as the file system holds them, found from the path as shown
/// (`FileName`): a directory walk shows a name that is not UTF-8 in a readable form,
/// and the file is opened by its bytes again. A path that exists as it is written is
/// taken as it is; only a missing one is looked for name by name.
package enum NativePath {
  /// The bytes of the file `path` names: its UTF-8 when that exists (or nothing matches),
  /// else the names of the directories and file whose shown forms make it up.
  package static func bytes(of path: String) -> [UInt8] {
    let utf8 = Array(path.utf8)
    if exists(utf8) { return utf8 }
    return resolved(path) ?? utf8
  }

  /// The `stat` of the file `path` names, links followed: by the path as written, else by
  /// its bytes (`bytes(of:)`); nil when neither can be `stat`ed.
  package static func status(of path: String) -> stat? {
    var status = stat()
    guard
      stat(path, &status) == 0
        || FileBytes.withCString(bytes(of: path), { stat($0, &status) }) == 0
    else { return nil }
    return status
  }

  /// The bytes of the path whose components are shown as `path`'s, looked up one
  /// directory at a time; nil when a component matches no name.
  private static func resolved(_ path: String) -> [UInt8]? {
    let components = path.split(separator: "/", omittingEmptySubsequences: false)
    var resolved: [UInt8] = []
    // Whether `resolved` is a directory to go on from: false before the first component
    // of a relative path.
    var started = false
    for component in components {
      let name = Array(component.utf8)
      let candidate = started ? resolved + [0x2F] + name : name
      if name.isEmpty || name == [0x2E] || name == [0x2E, 0x2E] || exists(candidate) {
        resolved = candidate
        started = true
        continue
      }
      let join = { (name: [UInt8]) in started ? resolved + [0x2F] + name : name }
      let shown = String(component)
      if let name = likelyName(shownAs: shown, exists: { exists(join($0)) }) {
        resolved = join(name)
      } else {
        // Other names may share the shown form: the directory's names decide.
        let directory: [UInt8] = started ? (resolved.isEmpty ? [0x2F] : resolved) : [0x2E]
        let names = (try? DirectoryEntries.read(directory).get())?.map(\.name) ?? []
        let forms = FileName.shownForms(of: names)
        guard let match = forms.firstIndex(where: { $0 == shown }) else { return nil }
        resolved = join(names[match])
      }
      started = true
    }
    return resolved
  }

  /// The name shown as `shown` when it is found without listing its directory: `shown`
  /// encoded in GB18030, or with its `\xNN` escapes undone, when a file has that name and
  /// `FileName` would show it so (no UTF-8 name is shown the same, which `exists` tells).
  /// One `lstat` or two a component, where listing a directory of n GBK names costs n
  /// conversions for each file in it.
  private static func likelyName(shownAs shown: String, exists: ([UInt8]) -> Bool) -> [UInt8]? {
    // The UTF-8 name `shown` does not exist (the caller looked), so a GB18030 name
    // decoding to it is shown decoded: GB18030 maps one string to one byte sequence.
    if let encoded = TextEncoding.gb18030.encode(shown), UTF8Scan(encoded).invalidSequences > 0,
      TextEncoding.gb18030.decodeStrictly(encoded) == shown, exists(encoded)
    {
      return encoded
    }
    guard let unescaped = FileName.unescaped(shown), UTF8Scan(unescaped).invalidSequences > 0,
      FileName.escaped(unescaped) == shown, exists(unescaped)
    else { return nil }
    // Shown escaped: not GB18030, or its GB18030 form is a UTF-8 name beside it.
    if let decoded = TextEncoding.gb18030.decodeStrictly(unescaped), !exists(Array(decoded.utf8)) {
      return nil
    }
    return unescaped
  }

  /// Whether something (a link included, dangling or not) is at `path`.
  private static func exists(_ path: [UInt8]) -> Bool {
    var status = stat()
    return FileBytes.withCString(path) { lstat($0, &status) } == 0
  }
}
