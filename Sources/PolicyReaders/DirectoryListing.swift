import PolicyBytes

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The entries under a directory, read with `readdir(3)`: each entry's type comes with its
/// name, so only directories are opened and nothing is `stat`ed unless the file system
/// does not say (or the entry is a link). `FileManager`'s enumerator takes about 16 µs an
/// entry (corpus-real's 3,700 files: 60 ms, 1.5% of indexing them), and passes over a
/// directory it cannot open without a word.
///
/// Names are read as bytes: one that is not UTF-8 is listed in the form `FileName` shows
/// it in, which `NativePath` turns back into its bytes. Special files (FIFOs, sockets,
/// devices, and links to them) are not listed but `skipped`: reading one blocks or never
/// ends.
public struct DirectoryListing: Sendable {
  /// A directory that could not be opened, with why (its files are not listed).
  public struct Unreadable: Equatable, Sendable {
    /// The directory's path: the one listed, joined with the names under it ("corpus/sub").
    public var path: String
    /// Why, in the system's words ("permission denied").
    public var reason: String
    package init(path: String, reason: String) {
      self.path = path
      self.reason = reason
    }
  }

  /// An entry that is not listed: a special file, or a name no shown form tells apart.
  public struct Skipped: Equatable, Sendable {
    /// The entry's path relative to the directory, as shown.
    public var relativePath: String
    /// Why, in words after the name ("not a regular file (a FIFO)").
    public var reason: String
    package init(relativePath: String, reason: String) {
      self.relativePath = relativePath
      self.reason = reason
    }
  }

  /// The paths of the entries under the directory, relative to it (`sub/a.txt`), at every
  /// depth, hidden ones included; symbolic links are listed but not followed. Unordered.
  public private(set) var relativePaths: [String] = []
  /// The directory itself, or directories under it, that could not be opened.
  public private(set) var unreadable: [Unreadable] = []
  /// The entries passed over: special files, and links to them.
  public private(set) var skipped: [Skipped] = []

  /// Lists `directory` (found by its bytes when a name in it is shown in another form).
  public init(directory: String) {
    list(NativePath.bytes(of: directory), shown: directory, prefix: "")
  }

  private mutating func list(_ directory: [UInt8], shown: String, prefix: String) {
    let entries: [DirectoryEntries.Entry]
    switch DirectoryEntries.read(directory) {
    case .success(let read): entries = read
    case .failure(let failure):
      unreadable.append(Unreadable(path: shown, reason: failure.reason))
      return
    }
    let forms = FileName.shownForms(of: entries.map(\.name))
    var subdirectories: [(path: [UInt8], shown: String, relative: String)] = []
    for (entry, form) in zip(entries, forms) {
      let path = directory + [0x2F] + entry.name
      guard let form else {
        skipped.append(
          Skipped(
            relativePath: prefix + FileName.escaped(entry.name),
            reason: "its name cannot be shown apart from another's"))
        continue
      }
      let relative = prefix + form
      var kind = entry.kind
      if kind == .unknown { kind = Self.kind(of: path, following: false) }
      if kind == .symbolicLink {
        let target = Self.kind(of: path, following: true)
        if target.isSpecial { kind = target }
      }
      if kind.isSpecial {
        skipped.append(Skipped(relativePath: relative, reason: "not a regular file (\(kind))"))
        continue
      }
      relativePaths.append(relative)
      if kind == .directory {
        subdirectories.append((path, shown + (shown.hasSuffix("/") ? "" : "/") + form, relative))
      }
    }
    for subdirectory in subdirectories {
      list(subdirectory.path, shown: subdirectory.shown, prefix: subdirectory.relative + "/")
    }
  }

  /// The kind of the file at `path`, from `lstat` or (`following` links) `stat`;
  /// `.unknown` when neither can tell (a dangling link).
  private static func kind(of path: [UInt8], following: Bool) -> FileKind {
    var status = stat()
    let result = FileBytes.withCString(path) { following ? stat($0, &status) : lstat($0, &status) }
    return result == 0 ? FileKind(mode: status.st_mode) : .unknown
  }
}
