import Foundation
import PolicyEvaluation
import PolicyExtraction
import PolicyTestSupport
import Testing

@testable import PolicyKit

@Suite struct EvaluatorTests {
  @Test func numberingTokens_foldAsAReaderReadsThem() {
    #expect(NumberingToken.folded("（一）") == NumberingToken.folded("(一)"))
    #expect(NumberingToken.folded("（一）") == NumberingToken.folded("㈠"))
    #expect(NumberingToken.folded("（1）") == NumberingToken.folded("⑴"))
    #expect(NumberingToken.folded("1．") == NumberingToken.folded("1."))
    #expect(NumberingToken.folded("1、") == NumberingToken.folded("1"))
    #expect(NumberingToken.folded("１﹒") == NumberingToken.folded("1."))
    #expect(NumberingToken.folded("四、") == NumberingToken.folded("四"))
    #expect(NumberingToken.folded("第十二条") == NumberingToken.folded("第12条"))
    #expect(NumberingToken.folded("附件一") == NumberingToken.folded("附件 1"))
    #expect(NumberingToken.folded("（一）") != NumberingToken.folded("一、"))
    #expect(NumberingToken.folded("（1）") != NumberingToken.folded("1."))
  }

  @Test func targetQuantities_foldScaleAndSpelling() {
    #expect(TargetQuantity(value: 2, unit: "万个") == TargetQuantity(value: 20000, unit: "个"))
    #expect(TargetQuantity(value: 1.2, unit: "亿千瓦") == TargetQuantity(value: 12000, unit: "万千瓦"))
    #expect(TargetQuantity(value: 3, unit: "万平米") == TargetQuantity(value: 3, unit: "万平方米"))
    #expect(TargetQuantity(value: 5, unit: "个百分点") == TargetQuantity(value: 5, unit: "百分点"))
    #expect(TargetQuantity(value: 14.5, unit: "%") != TargetQuantity(value: 14.5, unit: "个百分点"))
    #expect(TargetQuantity(value: 18, unit: "家") != TargetQuantity(value: 18, unit: ""))
  }

  @Test func indicators_agreeWhenOneHoldsMostOfTheOther() {
    #expect(Evaluator.indicatorsAgree("单位工业增加值能耗", "规模以上企业单位工业增加值能耗"))
    #expect(Evaluator.indicatorsAgree("公共充电桩", "新增公共充电桩"))
    #expect(!Evaluator.indicatorsAgree("公共充电桩", "停车位"))
  }

  /// A department named with its district (虹口区绿化和市容管理局) is the district's
  /// department as the gold names it (区绿化市容局); another level is another body.
  @Test func departmentKeys_placeNamesTheirLevel() {
    let keys = DepartmentKeys(dictionaries: PolicyDictionaries.bundledDepartments)
    #expect(keys.key("虹口区绿化和市容管理局") == keys.key("区绿化市容局"))
    #expect(keys.key("上海市公安局") == keys.key("市公安局"))
    #expect(keys.key("区建设和管理委员会") == keys.key("区建设管理委"))
    #expect(keys.key("市绿化市容局") != keys.key("区绿化市容局"))
  }

  @Test func counts_precisionRecallAndF1() {
    let count = MatchCount(matched: 8, extra: 2, missed: 8)
    #expect(count.precision == 0.8)
    #expect(count.recall == 0.5)
    #expect(abs(count.f1 - 2 * 0.8 * 0.5 / 1.3) < 1e-12)
    #expect(MatchCount().f1 == 1)
    #expect(MatchCount(extra: 3).f1 == 0)
  }

  /// Seed 000 scored against a gold written here: one measure folded differently, one
  /// missed, department aliases, a target with a scaled unit and one that is not there.
  @Test func seed000_scoredAgainstASmallGold() throws {
    let gold = try GoldDocument.decode(
      """
      {"gold_format": 1, "source": {"corpus": "repository", "path": "corpus/documents/000_3cf4a8736e0c5b8a.txt"},
       "annotation": {"annotator": "test", "date": "2026-12-06", "measure_level": "1. under 三、"},
       "metadata": {"document_number": {"text": "永川府发〔2022〕11号", "issuer_code": "永川府发", "year": 2022, "serial": 11},
                    "issuer": "重庆市永川区人民政府", "level": "district", "title": null, "plan_title": null,
                    "written_date": "2022-07-22"},
       "measures": [
         {"path": ["三、", "(一)", "1、"], "lead": "推动能源消费低碳化转型"},
         {"path": ["三、", "（二）", "5."], "lead": "加快汽摩行业转型升级"},
         {"path": ["九、", "（一）"], "lead": "不存在的措施"}],
       "roles": [
         {"measure": ["三、", "（二）", "5."], "department": "区经信委", "role": "lead"},
         {"measure": ["三、", "（二）", "5."], "department": "区科技局", "role": "lead"}],
       "targets": [
         {"year": 2025, "indicator": "单位工业增加值能耗", "value": 14.5, "unit": "%", "direction": "decrease",
          "baseline_year": 2020, "cumulative": false, "hedges": [], "measure": null},
         {"year": 2030, "indicator": "不存在的指标", "value": 7, "unit": "万吨", "direction": "reach",
          "baseline_year": null, "cumulative": false, "hedges": [], "measure": null}],
       "references": []}
      """)
    let document = try Parsed.seed("000")
    let evaluation = Evaluator().evaluate(
      document, against: gold, name: "seed-000", path: Corpus.seed("000"))
    let measures = evaluation.count(.measures)
    #expect(measures.matched == 2)
    #expect(measures.missed == 1)
    #expect(measures.extra == document.measures.count - 2)
    #expect(evaluation.measureLeads.agreed == 2)
    let roles = evaluation.count(.roles)
    #expect(roles.matched == 1)  // 区经信委 = 区经济信息委, lead
    #expect(roles.missed == 1)  // 区科技局 cooperates, it does not lead
    #expect(
      evaluation.findings.contains {
        $0.kind == "roles" && $0.verdict == .missed && $0.item.contains("区科技局")
      })
    let targets = evaluation.count(.targets)
    #expect(targets.matched == 1)
    #expect(targets.missed == 1)
    #expect(evaluation.metadata[.documentNumber]?.agreed == 1)
    #expect(evaluation.metadata[.level]?.agreed == 1)
  }

  @Test func goldFile_errorsNameTheFile() throws {
    let url = Scratch.root.appendingPathComponent("broken-\(UUID().uuidString).gold.json")
    try #"{"gold_format": 1, "source": {"corpus": "elsewhere", "path": "x"}}"#.write(
      to: url, atomically: true, encoding: .utf8)
    #expect {
      try GoldDocument.load(contentsOf: url.path)
    } throws: { error in
      "\(error)".hasPrefix("\(url.path): error: not a gold file")
    }
  }
}

extension GoldDocument {
  static func decode(_ json: String) throws -> GoldDocument {
    let url = Scratch.root.appendingPathComponent("gold-\(UUID().uuidString).gold.json")
    try json.write(to: url, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: url) }
    return try GoldDocument.load(contentsOf: url.path)
  }
}
