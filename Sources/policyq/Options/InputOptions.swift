import ArgumentParser

/// The files a command reads.
struct InputOptions: ParsableArguments {
  @Argument(
    help: ArgumentHelp(
      "Files to read (.txt, .md, .html, .docx, in UTF-8, GB18030/GBK, Big5 or UTF-16); '-' reads standard input.",
      valueName: "file"))
  var files: [String]

  func validate() throws {
    if files.isEmpty { throw ValidationError("Give at least one file, or '-' for standard input.") }
  }
}
