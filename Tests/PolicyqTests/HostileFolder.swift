import Foundation
import PolicyTestSupport

#if canImport(Glibc)
import Glibc
#endif

/// A scratch folder for the tests of hostile input: a short document to read beside
/// whatever the test puts there.
struct HostileFolder {
  let url: URL
  var path: String { url.path }

  /// A short policy text that every command reads.
  static let goodText = """
    关于推进绿色工厂建设的通知

    一、工作目标
    到2025年，创建绿色工厂10家。
    二、主要任务
    （一）区经济信息委牵头推进绿色工厂建设。
    """

  /// An empty folder under `Scratch.root`.
  init() throws {
    url = Scratch.root.appendingPathComponent("hostile-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  /// Writes `contents` (the good text when nil) at `relative`; returns its path.
  @discardableResult
  func write(_ relative: String, _ contents: Data? = nil) throws -> String {
    let file = url.appendingPathComponent(relative)
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try (contents ?? Data(Self.goodText.utf8)).write(to: file)
    return file.path
  }

  /// Makes a FIFO at `relative` with mkfifo(2); returns its path.
  @discardableResult
  func makeFIFO(_ relative: String) throws -> String {
    let path = url.appendingPathComponent(relative).path
    guard mkfifo(path, 0o644) == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
    return path
  }

  /// Makes a directory whose name is the bytes `name` (not UTF-8) with mkdir(2).
  func makeDirectory(bytes name: [UInt8]) throws {
    let path = Array(url.path.utf8) + [0x2F] + name + [0]
    let made = path.withUnsafeBufferPointer { buffer -> Int32 in
      guard let base = buffer.baseAddress else { return -1 }
      return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { mkdir($0, 0o755) }
    }
    guard made == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
  }

  /// Writes the good text in a file whose path in the folder is the bytes `name` (not
  /// UTF-8) with open(2).
  func writeNamed(bytes name: [UInt8]) throws {
    let path = Array(url.path.utf8) + [0x2F] + name + [0]
    let descriptor = path.withUnsafeBufferPointer { buffer -> Int32 in
      guard let base = buffer.baseAddress else { return -1 }
      return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
        open($0, O_WRONLY | O_CREAT, 0o644)
      }
    }
    guard descriptor >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
    defer { close(descriptor) }
    let bytes = Array(Self.goodText.utf8)
    guard Glibc.write(descriptor, bytes, bytes.count) == bytes.count else {
      throw POSIXError(.EIO)
    }
  }
}
