import Foundation
import PolicyText

/// Reads the formats policyq does not parse itself — Word 97–2003 .doc, WPS .wps, RTF —
/// by converting them to .docx with LibreOffice (`soffice --headless --convert-to docx`)
/// in a private temporary folder, with a LibreOffice profile of its own (so that parallel
/// conversions do not clash) and a time limit, then reading the .docx. The offsets point
/// into the converted file's word/document.xml.
struct LibreOfficeConverter {
  /// How much the converted .docx may unpack to.
  var limits = ContainerLimits.standard
  /// How long one conversion may take, in seconds.
  var timeoutSeconds = 120

  /// LibreOffice's command on PATH, if installed.
  static var soffice: ExternalCommand? {
    ExternalCommand(displayName: "LibreOffice", names: ["soffice", "libreoffice"])
  }

  package func read(_ bytes: [UInt8], path: String, format: SourceFormat) throws -> RawText {
    guard let soffice = Self.soffice else {
      throw TextError.malformedContainer(
        path: path,
        reason:
          "a .\(format.rawValue) file is read by converting it with LibreOffice, which is not installed (soffice not found on PATH); install it (Debian: apt-get install libreoffice-writer) or save the file as .docx"
      )
    }
    let work = FileManager.default.temporaryDirectory.appendingPathComponent(
      "policyq-convert-\(getpid())-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: work) }
    let output = work.appendingPathComponent("out")
    try? FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
    let input = work.appendingPathComponent("input.\(format.rawValue)")
    do {
      try Data(bytes).write(to: input)
    } catch {
      throw TextError.unreadable(path: path, reason: "cannot write a temporary copy to convert")
    }
    let status = try soffice.run(
      [
        "--headless", "--norestore",
        "-env:UserInstallation=\(work.appendingPathComponent("profile").absoluteString)",
        "--convert-to", "docx", "--outdir", output.path, input.path,
      ], seconds: timeoutSeconds, for: path, doing: "to convert this file"
    ).status
    let converted = output.appendingPathComponent("input.docx")
    guard status == 0, let data = FileManager.default.contents(atPath: converted.path) else {
      throw TextError.malformedContainer(
        path: path,
        reason:
          "LibreOffice could not convert this .\(format.rawValue) file (damaged, or not a \(format.rawValue) file); not read"
      )
    }
    var raw = try DOCXReader(limits: limits).read(Array(data), path: path)
    raw.part = "\(DOCXReader.documentPart) of the .docx LibreOffice made"
    return raw
  }
}
