import Foundation
import Testing

/// What the help of the commands that read files says about standard input is true.
@Suite struct InputHelpTests {
  @Test func index_helpDoesNotOfferStandardInput_andRefusesIt() throws {
    let help = try Policyq.run(["index", "--help"])
    #expect(help.status == 0)
    #expect(!help.stdout.contains("standard input"))
    #expect(!help.stdout.contains("'-'"))
    let refused = try Policyq.run(["index", "-"], bounds: RunBounds(seconds: 10, memoryMiB: 2048))
    #expect(refused.status == 2)
    #expect(refused.stderr.contains("-: error: policyq index reads files and directories"))
  }

  @Test(arguments: ["text", "extract"])
  func textAndExtract_helpOffersStandardInput_andReadIt(command: String) throws {
    let help = try Policyq.run([command, "--help"])
    #expect(help.stdout.contains("'-' reads standard input"))
    let result = try Policyq.run(
      [command, "-"], stdin: Data(HostileFolder.goodText.utf8),
      bounds: RunBounds(seconds: 10, memoryMiB: 2048))
    #expect(result.status == 0)
    #expect(result.stdout.contains("绿色工厂"))
  }

  /// Every command that reads documents offers the unpack limit.
  @Test(arguments: ["text", "extract", "index", "compare"])
  func maxUnpackedMiB_offered(command: String) throws {
    let help = try Policyq.run([command, "--help"])
    #expect(help.stdout.contains("--max-unpacked-mib <MiB>"))
  }
}
