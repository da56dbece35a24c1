import Foundation
import Testing

/// Standard input is read up to a limit: `/dev/zero` (or a runaway pipe) is an error, not a
/// process that grows until the machine kills it.
@Suite struct StandardInputTests {
  @Test func endlessStandardInput_isAnErrorAtTheLimit() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    // Within 4 GiB of address space; the limit is 512 MiB.
    process.arguments = [
      "-c", "ulimit -v 4194304 && exec \"$0\" text - < /dev/zero", Policyq.executable.path,
    ]
    let error = Pipe()
    process.standardError = error
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let killer = DispatchWorkItem { process.terminate() }
    DispatchQueue.global().asyncAfter(deadline: .now() + 30, execute: killer)
    let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    killer.cancel()
    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus != 0)
    #expect(message.contains("standard input: error:"))
    #expect(message.contains("512 MiB"))
  }
}
