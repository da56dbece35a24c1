import PolicyBytes

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
      let directory: [UInt8] = started ? (resolved.isEmpty ? [0x2F] : resolved) : [0x2E]
      let names = (try? DirectoryEntries.read(directory).get())?.map(\.name) ?? []
      let forms = FileName.shownForms(of: names)
      guard let match = forms.firstIndex(where: { $0 == String(component) }) else { return nil }
      resolved = started ? resolved + [0x2F] + names[match] : names[match]
      started = true
    }
    return resolved
  }

  /// Whether something (a link included, dangling or not) is at `path`.
  private static func exists(_ path: [UInt8]) -> Bool {
    var status = stat()
    return FileBytes.withCString(path) { lstat($0, &status) } == 0
  }
}
