import Foundation
import PolicyBytes
import PolicyReaders
import PolicyTestSupport
import Testing

@testable import PolicyKit

#if canImport(Glibc)
import Glibc
#endif

/// Names that are not UTF-8: how they are shown, and how the shown form finds the file.
@Suite struct FileNameTests {
  /// "固废.txt" in GBK.
  static let gbk: [UInt8] = [0xB9, 0xCC, 0xB7, 0xCF] + Array(".txt".utf8)

  @Test func shownForms_utf8AsIs_gbkDecoded_restEscaped() {
    let forms = FileName.shownForms(of: [Array("通知.txt".utf8), Self.gbk, [0xFF, 0x41]])
    #expect(forms == ["通知.txt", "固废.txt", "\\xFFA"])
  }

  /// A GBK name whose decoded form is the name of a UTF-8 file beside it is escaped, so
  /// that each shown form names one file.
  @Test func shownForms_gbkTwinOfAUTF8Name_escaped() {
    let forms = FileName.shownForms(of: [Self.gbk, Array("固废.txt".utf8)])
    #expect(forms == ["\\xB9\\xCC\\xB7\\xCF.txt", "固废.txt"])
    // The order of the names changes nothing.
    #expect(
      FileName.shownForms(of: [Array("固废.txt".utf8), Self.gbk]) == [
        "固废.txt", "\\xB9\\xCC\\xB7\\xCF.txt",
      ])
  }

  @Test func escapedAndUnescaped_roundTrip() {
    let name: [UInt8] = [0xFF, 0x41, 0xB9] + Array(".txt".utf8)
    #expect(FileName.escaped(name) == "\\xFFA\\xB9.txt")
    #expect(FileName.unescaped(FileName.escaped(name)) == name)
    #expect(FileName.unescaped("plain.txt") == nil)
  }

  @Test func nativePath_findsTheBytesOfEachShownForm() throws {
    let directory = Scratch.root.appendingPathComponent("names-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let gbkPath = Array(directory.utf8) + [0x2F] + Self.gbk
    let created = FileBytes.withCString(gbkPath) { open($0, O_WRONLY | O_CREAT, 0o644) }
    #expect(created >= 0)
    close(created)
    try Data("甲".utf8).write(to: URL(fileURLWithPath: directory + "/固废.txt"))
    let listing = DirectoryListing(directory: directory)
    #expect(Set(listing.relativePaths) == ["固废.txt", "\\xB9\\xCC\\xB7\\xCF.txt"])
    #expect(NativePath.bytes(of: directory + "/\\xB9\\xCC\\xB7\\xCF.txt") == gbkPath)
    #expect(NativePath.bytes(of: directory + "/固废.txt") == Array((directory + "/固废.txt").utf8))
    // A name that is nowhere stays as it is written.
    #expect(NativePath.bytes(of: directory + "/无.txt") == Array((directory + "/无.txt").utf8))
  }
}

/// What `FileBytes` reads: regular files only, and no more than they may grow.
@Suite struct FileBytesLimitTests {
  /// Why `result` failed, or nil when it did not.
  static func reason(_ result: Result<[UInt8], FileBytes.Failure>) -> String? {
    guard case .failure(let failure) = result else { return nil }
    return failure.reason
  }

  /// A /proc file says its size is 0 and holds more: it is read on, up to the limit.
  @Test func fileThatGrowsPastItsSize_readUpToTheLimit() throws {
    let path = "/proc/self/status"
    guard FileManager.default.fileExists(atPath: path) else { return }
    guard case .success(let bytes) = FileBytes.contents(atPath: path) else {
      Issue.record("\(path) was not read")
      return
    }
    #expect(bytes.count > 16)
    #expect(
      Self.reason(FileBytes.contents(atPath: path, maximumGrowth: 16))
        == "it grew by more than 16 bytes while it was read")
  }

  @Test func specialFiles_notRead_withTheirKind() throws {
    #expect(
      Self.reason(FileBytes.contents(atPath: "/dev/zero"))
        == "not a regular file (a character device)")
    let directory = Scratch.root.appendingPathComponent("fifo-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    #expect(mkfifo(directory + "/pipe", 0o644) == 0)
    #expect(
      Self.reason(FileBytes.contents(atPath: directory + "/pipe")) == "not a regular file (a FIFO)")
    #expect(Self.reason(FileBytes.contents(atPath: directory)) == "it is a directory")
  }
}
