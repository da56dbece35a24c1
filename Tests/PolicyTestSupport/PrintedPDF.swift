import Foundation

/// PDFs printed the way real ones are: LibreOffice from a .docx with GB/T 9704 layout
/// (Scripts/make-gbt9704-docx.py), headless Chromium from HTML. Each run has a timeout and
/// its own LibreOffice profile under `Scratch.root`, so parallel tests do not clash. The
/// tests that need them skip when the programs are not installed.
public enum PrintedPDF {
  /// The repository root.
  public static let root: URL = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url
  }()

  /// The path of `name` on PATH, if it is installed.
  public static func program(_ name: String) -> String? {
    let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(
      separator: ":")
    for directory in paths {
      let candidate = "\(directory)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  /// LibreOffice's command, if installed.
  public static let soffice = program("soffice") ?? program("libreoffice")
  /// Chromium's command, if installed.
  public static let chromium = program("chromium") ?? program("chromium-browser")
  /// pdftotext, if installed.
  public static let pdftotext = program("pdftotext")
  /// Whether LibreOffice and pdftotext are both there (the tests of real layouts).
  public static let canPrintWord = soffice != nil && pdftotext != nil

  /// Runs `arguments` (the program first) under `timeout` seconds; returns its status
  /// and standard output.
  @discardableResult
  public static func run(_ arguments: [String], seconds: Int = 120, in directory: URL? = nil)
    throws -> (status: Int32, output: Data)
  {
    let process = Process()
    if let directory { process.currentDirectoryURL = directory }
    process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
    process.arguments = ["-k", "5", String(seconds)] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, output)
  }

  /// Writes `text` (one paragraph per line) as a .docx with GB/T 9704 layout.
  public static func makeDocx(
    text: String, to docx: URL, header: String = "政策文件", columns: Int = 1
  ) throws {
    let input = docx.deletingPathExtension().appendingPathExtension("paragraphs.txt")
    try Data(text.utf8).write(to: input)
    let script = root.appendingPathComponent("Scripts/make-gbt9704-docx.py").path
    try run([
      "python3", script, input.path, docx.path, "--header", header, "--columns", String(columns),
    ])
  }

  /// Converts each of `files` with LibreOffice to `format` ("pdf", "doc", "docx") in
  /// `directory`; returns the converted files, in order (missing ones absent).
  public static func convert(_ files: [URL], to format: String, in directory: URL) throws -> [URL] {
    guard let soffice else { return [] }
    let profile = Scratch.root.appendingPathComponent("lo-profile-\(UUID().uuidString)")
    try run(
      [
        soffice, "--headless", "-env:UserInstallation=file://\(profile.path)", "--convert-to",
        format, "--outdir", directory.path,
      ] + files.map(\.path), seconds: 180)
    return files.map {
      directory.appendingPathComponent($0.deletingPathExtension().lastPathComponent)
        .appendingPathExtension(format)
    }.filter { FileManager.default.fileExists(atPath: $0.path) }
  }

  /// Prints `html` with headless Chromium to `pdf` (with its header of date and title
  /// and footer of URL and page number when `headerAndFooter`); whether it was written.
  public static func printHTML(_ html: URL, to pdf: URL, headerAndFooter: Bool = false) throws
    -> Bool
  {
    guard let chromium else { return false }
    let profile = Scratch.root.appendingPathComponent("chromium-\(UUID().uuidString)")
    try run(
      [
        chromium, "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.path)",
        headerAndFooter ? "--disable-extensions" : "--no-pdf-header-footer",
        "--print-to-pdf=\(pdf.path)", html.absoluteString,
      ], seconds: 120)
    return FileManager.default.fileExists(atPath: pdf.path)
  }

  /// Whether Python's easyofd is installed (it writes OFD files from PDFs).
  public static let hasEasyOFD: Bool = {
    guard program("python3") != nil else { return false }
    return (try? run(["python3", "-c", "import easyofd"]).status) == 0
  }()

  /// Writes `pdf` as an OFD with its text (easyofd's pdf2ofd, which writes its work files
  /// in the current directory: a fresh one under `Scratch.root`); whether it was written.
  public static func makeOFD(from pdf: URL, to ofd: URL) throws -> Bool {
    let work = Scratch.root.appendingPathComponent("easyofd-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    let script = """
      import sys
      from easyofd.ofd import OFD
      data = OFD().pdf2ofd(open(sys.argv[1], "rb").read(), optional_text=True)
      open(sys.argv[2], "wb").write(data)
      """
    try run(["python3", "-c", script, pdf.path, ofd.path], seconds: 180, in: work)
    return FileManager.default.fileExists(atPath: ofd.path)
  }

  /// The text `pdftotext` gives for page `page` (1-based) of `pdf`.
  public static func pageText(_ pdf: URL, page: Int) throws -> String {
    guard let pdftotext else { return "" }
    let result = try run([pdftotext, "-f", String(page), "-l", String(page), pdf.path, "-"])
    return String(decoding: result.output, as: UTF8.self)
  }
}
