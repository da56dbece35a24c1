import PolicyText

/// Reads an OFD (GB/T 33190-2016, 版式文档): a zip of XML parts. OFD.xml names the
/// document root (Doc_0/Document.xml), which lists the pages in order; each page's
/// Content.xml holds TextObjects whose TextCodes carry their text and the position of
/// each character (X, Y and DeltaX within the object's Boundary, in millimetres). The
/// characters go through the PDF reader's layout (reading order, running lines dropped,
/// paragraphs by geometry), so an OFD reads as the PDF it was made from, with pages.
struct OFDReader {
  /// How much the archive's parts may unpack to, and how many pages it may have.
  var limits = ContainerLimits.standard

  package func read(_ bytes: [UInt8], path: String) throws -> RawText {
    do {
      let archive = try ZipArchive(bytes)
      let root = try documentRoot(in: archive, path: path)
      let folder = root.split(separator: "/").dropLast().joined(separator: "/")
      let pagePaths = OFDParts.pageLocations(try part(root, of: archive, path: path)).map {
        Self.resolve($0, in: folder)
      }
      if pagePaths.count > limits.maximumPages {
        throw TextError.malformedContainer(
          path: path,
          reason:
            "the OFD has \(pagePaths.count) pages, over the limit of \(limits.maximumPages) for this file; not read. If the file is genuine, raise the limit with --max-unpacked-mib N (\(ContainerLimits.pagesPerMiB) pages per MiB)"
        )
      }
      var pages: [[PDFLine]] = []
      var heights: [Double] = []
      var hasImages = false
      // The columns of a table running to the foot of the page before.
      var openTable: [ClosedRange<Double>]?
      for pagePath in pagePaths {
        let content = try part(pagePath, of: archive, path: path)
        let page = OFDParts.page(content)
        let layout = PDFPageLayout(
          fragments: page.fragments, width: page.width, continuing: openTable)
        openTable = layout.openTable
        pages.append(layout.lines)
        heights.append(page.height)
        hasImages = hasImages || page.hasImages
      }
      return try PDFReader.rawText(
        pages: pages, heights: heights, path: path, hasImages: hasImages)
    } catch let damage as ZipArchive.Damage {
      throw TextError.malformedContainer(
        path: path,
        reason: damage.isNotAnArchive
          ? "not an OFD file (not a zip archive)" : "a damaged OFD: \(damage.reason)")
    } catch let exceeded as ContainerLimits.Exceeded {
      throw TextError.malformedContainer(
        path: path,
        reason:
          "\(exceeded.part) would unpack to more than the limit of \(exceeded.limit >> 20) MiB for this file (a zip bomb?); not read. If the file is genuine, give the limit with --max-unpacked-mib N"
      )
    }
  }

  /// The path of the document root that OFD.xml names.
  private func documentRoot(in archive: ZipArchive, path: String) throws -> String {
    guard archive.member(named: "OFD.xml") != nil else {
      throw TextError.malformedContainer(path: path, reason: "not an OFD file (no OFD.xml inside)")
    }
    let entry = try part("OFD.xml", of: archive, path: path)
    guard let root = OFDParts.documentRoot(entry) else {
      throw TextError.malformedContainer(
        path: path, reason: "a damaged OFD: OFD.xml names no DocRoot")
    }
    return root
  }

  /// The unpacked bytes of the part at `name`.
  private func part(_ name: String, of archive: ZipArchive, path: String) throws -> [UInt8] {
    guard let member = archive.member(named: name) else {
      throw TextError.malformedContainer(path: path, reason: "a damaged OFD: no \(name) inside")
    }
    return try archive.contents(of: member, within: limits)
  }

  /// `location` (a page's BaseLoc) as a path in the archive: relative to the document
  /// root's folder unless it starts with "/".
  static func resolve(_ location: String, in folder: String) -> String {
    if location.hasPrefix("/") { return String(location.dropFirst()) }
    return folder.isEmpty ? location : "\(folder)/\(location)"
  }
}
