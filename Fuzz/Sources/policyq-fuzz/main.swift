import CFuzzerDriver
import PolicyKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The formats an input is read as, chosen by its first byte.
let formats: [SourceFormat] = [.plainText, .markdown, .html, .docx]

/// The parser, made once: its dictionaries are loaded at first use.
let parser = PolicyParser()

/// One input: read (after its first byte) as a file of the format the first byte chooses,
/// then parsed and written as JSON. Errors the readers throw for bad input are an expected
/// answer; a crash, a hang or a sanitizer report is a bug. Exported under libFuzzer's name,
/// which its own `main` calls when the linker keeps that one instead of this file's.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data, size > 0 else { return 0 }
  let format = formats[Int(data[0]) % formats.count]
  let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
  guard let text = try? DocumentReader().read(bytes: bytes, path: "input", format: format)
  else { return 0 }
  let document = parser.parse(text)
  _ = DocumentJSON.render(document, pretty: false)
  return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(pq_fuzzer_run(&argc, &argv) { fuzzOneInput($0, $1) })
