import Foundation
import PolicyTestSupport
import Testing

/// The implementation map of municipal plans against the district and township documents
/// of ../shared/corpus-real/shanghai (skipped when it is absent): each plan's map lists
/// the district documents that implement it and none on another subject.
///
/// The pairs were judged from the titles, 文号 and the references in the texts (which
/// municipal document a district document says it carries out), before the tool was run
/// on them; file names only, relative to the shanghai folder.
@Suite struct ImplementationMapShanghaiTests {
  static let shanghai = Policyq.root.deletingLastPathComponent().appendingPathComponent(
    "shared/corpus-real/shanghai")

  static var isPresent: Bool { FileManager.default.fileExists(atPath: shanghai.path) }

  /// One municipal plan: the documents that implement it, and those on the same subject
  /// that a reader could take either way (an earlier document, a narrower one), which the
  /// test does not judge. Every other lower document of the folder is on another subject.
  struct JudgedPlan: Sendable, CustomStringConvertible {
    /// The municipal plan.
    var upper: String
    /// The documents that carry it out (they cite it, or restate its title for the
    /// district).
    var implementing: [String]
    /// Same subject, not judged.
    var undecided: [String] = []

    var description: String { upper }
  }

  static let plans: [JudgedPlan] = [
    JudgedPlan(
      upper: "建筑垃圾与材料/上海市人民政府办公厅关于全面加强建筑垃圾管理的实施意见.md",
      implementing: [
        // Cites it by title (2025).
        "建筑垃圾与材料/上海市青浦区人民政府办公室关于印发《青浦区关于全面加强建筑垃圾管理的实施意见》的通知.md",
        // Cites 沪府办〔2024〕56号.
        "建筑垃圾与材料/上海市奉贤区人民政府关于印发《奉贤区规范工程渣土消纳管理意见》的通知.md",
      ],
      undecided: [
        // Same subject, earlier than the plan (2016, 2017, 2022) or a narrow campaign.
        "建筑垃圾与材料/上海市青浦区人民政府办公室关于转发青浦区加强建筑垃圾全程管理实施意见的通知.md",
        "建筑垃圾与材料/虹口区人民政府印发《虹口区关于加强和规范建筑垃圾处置管理的实施意见》的通知.md",
        "建筑垃圾与材料/关于印发《2026年松江区建筑垃圾运输行业“清水行动”工作方案》的通知.md",
        "市容绿化与景观/上海市徐汇区人民政府办公室关于转发区绿化市容局制订的《关于进一步加强本区装修垃圾处理的工作方案》的通.md",
      ]),
    JudgedPlan(
      upper: "市容绿化与景观/上海市景观照明管理办法.md",
      implementing: [
        // Cites 《上海市景观照明管理办法》.
        "市容绿化与景观/上海市奉贤区人民政府关于印发《奉贤区景观照明管理实施意见》的通知.md"
      ]),
    JudgedPlan(
      upper: "市政与基础设施/上海市人民政府办公厅关于印发上海市深化农村公路管理养护体制改革实施方案的通知.md",
      implementing: [
        "市政与基础设施/上海市奉贤区人民政府关于印发《奉贤区深化农村公路管理养护体制改革实施方案》的通知.md"
      ]),
    JudgedPlan(
      upper: "消防与人防/上海市人民政府办公厅关于进一步加强本市城市公共消防安全工作的意见.md",
      implementing: [
        // Cites 沪府办规〔2024〕6号.
        "消防与人防/上海市青浦区人民政府办公室关于印发《关于进一步加强本区公共消防安全工作的实施方案》的通知.md"
      ],
      undecided: [
        // Cites the 2019 opinion of the same title (沪府办规〔2019〕5号), not this one.
        "消防与人防/上海市长宁区人民政府办公室印发《关于进一步加强长宁区公共消防安全的工作意见》的通知.md",
        // Fire safety, earlier than the plan.
        "消防与人防/上海市崇明区人民政府办公室转发区消防安全委员会制定的《上海市崇明区高层建筑消防安全综合治理工作方案》.md",
        "消防与人防/上海市奉贤区人民政府办公室关于印发《奉贤区消防安全责任制实施办法》的通知.md",
        "消防与人防/关于印发《关于推进奉贤区文物建筑消防安全标准化建设工作的实施方案》的通知.md",
      ]),
    JudgedPlan(
      upper: "绿色低碳与节能/上海市人民政府办公厅关于印发《本市系统化全域推进海绵城市建设的实施意见》的通知.md",
      implementing: [
        // Cites 沪府办发〔2024〕3号.
        "绿色低碳与节能/上海市嘉定区人民政府办公室关于转发《嘉定区系统化全域推进海绵城市建设的实施方案》的通知.md"
      ],
      undecided: [
        "绿色低碳与节能/关于印发《嘉定区绿色生态城区建设管理办法（试行）》的通知.md"
      ]),
    JudgedPlan(
      upper: "市政与基础设施/上海市安全生产委员会关于印发上海市城镇燃气安全专项整治实施方案的通知.md",
      implementing: [
        // Cites it by title.
        "市政与基础设施/上海市奉贤区民政局关于印发《奉贤区养老服务机构燃气安全专项整治工作方案》的通知.md"
      ]),
    // A plan no district document of the folder implements.
    JudgedPlan(
      upper: "市容绿化与景观/上海市人民政府办公厅关于科学绿化的实施意见.md",
      implementing: [],
      undecided: [
        "市容绿化与景观/上海市奉贤区人民政府办公室关于印发《关于加快推进本区公园城市建设实施意见》的通知.md"
      ]),
  ]

  /// An index of the shanghai folder (built once per test process).
  static let index: URL = {
    let directory = Scratch.root.appendingPathComponent("policyq-shanghai-\(UUID().uuidString)")
    _ = try? Policyq.run(
      ["index", shanghai.path, "--index", directory.path],
      bounds: RunBounds(seconds: 300, memoryMiB: 4096))
    return directory
  }()

  /// The files of the documents the map of `upper` lists, relative to the shanghai folder.
  static func mappedFiles(_ upper: String) throws -> [String] {
    let result = try Policyq.run(
      [
        "compare", "--index", index.path, "--upper", shanghai.appendingPathComponent(upper).path,
        "--table", "map", "--format", "json",
      ],
      bounds: RunBounds(seconds: 300, memoryMiB: 4096))
    #expect(result.status == 0 && !result.timedOut, "\(result.stderr.suffix(500))")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let documents = try #require(object["documents"] as? [[String: Any]])
    let prefix = shanghai.path + "/"
    return documents.compactMap { $0["file"] as? String }.map {
      $0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : $0
    }
  }

  @Test(.enabled(if: isPresent), arguments: plans)
  func map_listsTheImplementingDocumentsAndNoneOnAnotherSubject(plan: JudgedPlan) throws {
    let mapped = try Self.mappedFiles(plan.upper)
    let missing = plan.implementing.filter { !mapped.contains($0) }
    #expect(missing.isEmpty, "not in the map of \(plan.upper): \(missing)")
    let unrelated = mapped.filter {
      !plan.implementing.contains($0) && !plan.undecided.contains($0)
    }
    #expect(unrelated.isEmpty, "in the map of \(plan.upper), on another subject: \(unrelated)")
  }
}
