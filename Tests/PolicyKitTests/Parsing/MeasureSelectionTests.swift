import Foundation
import PolicyExtraction
import PolicyModel
import PolicyReaders
import PolicyText
import Testing

@testable import PolicyKit

/// Which items are measures: the measure level part by part, the parts that hold none,
/// unnumbered items, and the list of attachments.
@Suite struct MeasureSelectionTests {
  func parse(_ text: String, format: SourceFormat = .plainText) throws -> PolicyDocument {
    PolicyParser().parse(
      try DocumentReader().read(bytes: Array(text.utf8), path: "plan.txt", format: format))
  }

  func labels(_ document: PolicyDocument) -> [String] {
    document.measures.map { measure in
      var chain: [String] = []
      var current: Int? = measure.section
      while let index = current {
        let section = document.sections[index]
        chain.insert(section.kind == .paragraph ? "#\(section.number ?? 0)" : section.label, at: 0)
        current = section.parent
      }
      return chain.joined(separator: " ")
    }
  }

  @Test func safeguards_areMeasures_framingAndStepsAreNot() throws {
    let document = try parse(
      """
      一、总体要求
      （一）指导思想。以改革为动力。
      （二）工作目标。到2025年建成体系。
      二、重点任务
      （一）推进改革。深化审批制度改革。
      （二）优化服务。推行一网通办。
      三、实施步骤
      （一）动员部署阶段（3月底前）。制定方案。
      （二）整治提升阶段（4月至10月）。全面整治。
      四、保障措施
      （一）加强组织领导。各部门落实责任。
      （二）强化资金保障。安排专项资金。
      五、附则
      本方案自印发之日起施行。

      """)
    #expect(labels(document) == ["二、 （一）", "二、 （二）", "四、 （一）", "四、 （二）"])
  }

  /// A title ending in 流程 or 程序 heads a procedure (工作流程, 考核程序), unless a verb
  /// makes it a task on one (优化业务流程, 规范审核程序).
  @Test func procedureTitles_holdNoMeasures_tasksOnProceduresDo() throws {
    let document = try parse(
      "一、重点任务\n（一）优化业务流程。合并简化申请材料。\n（二）规范审核程序。明确审核时限。\n二、考核程序\n（一）自查。各单位开展自查。\n（二）复核。组织复核。\n")
    #expect(labels(document) == ["一、 （一）", "一、 （二）"])
  }

  /// Notes under a list or a table ("注：" then 1. 2. …) explain what stands above them:
  /// they are no items. A heading that only names a body heads its duties, each a measure,
  /// even after a lead-in ("…主要履行以下职责：").
  @Test func notes_areNoItems_bodyHeadingsHeadDuties() throws {
    let document = try parse(
      """
      一、职责分工
      （一）区绿化市容局
      区绿化市容局是本区建筑垃圾处理的主管部门，主要履行以下职责：
      1.组织制定建筑垃圾处置管理标准；
      2.办理建筑垃圾处置申报相关手续。
      （二）加强执法。开展联合执法。
      注：
      1.本表所称建筑垃圾包括工程渣土。
      2.标记“▲”的为重点任务。

      """)
    #expect(labels(document) == ["一、 （一） 1.", "一、 （一） 2.", "一、 （二）"])
  }

  /// 整治方式 lists kinds of case, 考评内容 what is judged, 治理范围 what is covered.
  @Test func criteriaAndScopeParts_holdNoMeasures() throws {
    let document = try parse(
      "一、治理范围\n（一）高层住宅。\n（二）高层公共建筑。\n二、整治方式\n（一）拆除。违法建筑一律拆除。\n（二）完善手续。补办手续。\n三、考评内容\n1.工作推进情况。\n2.群众满意度。\n四、工作措施\n（一）全面排查。建立台账。\n"
    )
    #expect(labels(document) == ["四、 （一）"])
  }

  /// Reply letters and county pages (blind batch 16): a part that reports a situation
  /// (处理情况, …成因分析) or sets what qualifies (入围标准, 贫困户“脱贫”标准) holds no
  /// measures, and a short heading ending in 目标 frames the plan — unless a verb opens it
  /// (及时反馈执行情况, 健全产业标准, 制定年度目标 are tasks).
  @Test func situationsStandardsAndGoals_holdNoMeasures_tasksOnThemDo() throws {
    let document = try parse(
      """
      一、地质险情成因分析
      （一）降雨。连续强降雨导致滑坡。
      二、处理情况
      （一）转移群众。已转移群众300人。
      三、脱贫目标
      1.易地扶贫搬迁。2020年完成搬迁5086户。
      四、入围标准
      （一）质量标准。通过一致性评价。
      五、工作措施
      （一）及时反馈执行情况。各地按月报送。
      （二）健全产业标准。制定地方标准。
      （三）制定年度目标。分解到各区。
      （四）定期通报工作进展情况。每月通报一次。
      （五）推动实现碳达峰碳中和目标。加快绿色转型。
      六、2024年工作总体要求和重点任务
      （一）稳定就业。落实就业优先政策。
      （二）扩大内需。实施消费提振行动。

      """)
    #expect(
      labels(document) == [
        "五、 （一）", "五、 （二）", "五、 （三）", "五、 （四）", "五、 （五）", "六、 （一）", "六、 （二）",
      ])
    // The goals part's quantities are still targets; the situation's are not.
    #expect(document.targets.map { "\(Int($0.value))\($0.unit)" } == ["5086户"])
  }

  /// An item whose sub-items spell out its own lead-in ("…：") is one measure; a group
  /// whose items are tasks gives way to them.
  @Test func leadInItems_holdTheirSubItems_groupsGiveWay() throws {
    let document = try parse(
      """
      一、重点任务
      （一）完善设施
      1.增补消防设施。对缺失消防设施的高层建筑按照标准增补。
      2.开展专项检查。重点检查以下内容：
      （1）消防控制室值班情况；
      （2）疏散通道畅通情况。
      （二）加强宣传。开展消防宣传进社区活动。

      """)
    #expect(labels(document) == ["一、 （一） 1.", "一、 （一） 2.", "一、 （二）"])
  }

  @Test func unnumberedRunInParagraphs_areItems_plainParagraphsAreNot() throws {
    let document = try parse(
      """
      一、重点任务
      （一）推进改革。深化审批制度改革。
      二、保障措施
      各部门要按照本方案要求抓好落实。
      加强组织领导。成立工作专班，统筹推进各项工作。
      强化督查考核。将落实情况纳入年度考核。
      三、工作要求
      各区要高度重视，结合实际制定细则，确保各项任务落到实处。

      """)
    #expect(labels(document) == ["一、 （一）", "二、 #1", "二、 #2", "三、"])
    let second = try #require(document.measures.last { $0.label.isEmpty })
    #expect(second.title == "强化督查考核")
  }

  /// A plan's closing part (附则, 其他, 其他事项: its effective date and who interprets it)
  /// holds no measures.
  @Test func closingPart_holdsNoMeasures() throws {
    for title in ["附则", "其他", "其他事项"] {
      let document = try parse(
        "一、重点任务\n（一）推进改革。深化审批制度改革。\n二、\(title)\n1.本意见自发布之日起施行。\n2.本意见由区建设管理委负责解释。\n")
      #expect(labels(document) == ["一、 （一）"], "\(title)")
    }
  }

  /// "区民防办：负责…" paragraphs name the body whose duties follow: each is an item.
  @Test func departmentLabelParagraphs_areItems() throws {
    let document = try parse(
      "一、职责分工\n区民防办：负责制定应急避难场所专业规划，指导街镇建设。\n区教育局：负责推进在学校建设应急避难场所。\n区财政局：负责落实建设资金。\n")
    #expect(labels(document) == ["一、 #1", "一、 #2", "一、 #3"])
  }

  /// "附件：1.…" and the numbered lines after it list the attachments; a bare "附件："
  /// before the attachment's title heads the attachment.
  @Test func attachmentList_isNoOutline() throws {
    let document = try parse(
      """
      一、重点任务
      （一）推进绿化。建设公园。
      附件：1.郊野公园建设项目表
      2.公园绿地重点建设计划表
      3.造林项目计划表
      上海市某区人民政府
      2024年5月8日
      附件：
      公园绿化任务清单
      一、公园建设
      （一）建设郊野公园。完成规划。

      """)
    #expect(!document.sections.contains { $0.title.contains("计划表") })
    #expect(labels(document) == ["一、 （一）", "附件 一、 （一）"])
  }

  /// In a real district plan, the duties of each department (五、 of the Fengxian shelter
  /// plan, "区民防办：负责…") are items, and its 工作步骤-like parts are not.
  @Test func realPlan_departmentDutiesAreItems() throws {
    guard let real = Corpus.real else { return }
    let file = real.appendingPathComponent(
      "shanghai/消防与人防/上海市奉贤区人民政府办公室关于印发《奉贤区关于进一步推进应急避难场所建设的实施方案》的通知.md")
    let document = try Parsed.file(file)
    let duties = document.measures.filter {
      $0.text.hasPrefix("区民防办：") || $0.text.hasPrefix("区教育局：")
    }
    #expect(duties.count == 2)
    #expect(duties.allSatisfy { document.sections[$0.section].kind == .paragraph })
  }

  /// "第一条（目的依据）" is an article with its title in brackets.
  @Test func bracketedArticleTitles() throws {
    let document = try parse("第一条（目的依据）为了加强管理，制定本规定。\n第二条（适用范围）本规定适用于本市。\n")
    #expect(document.measures.map(\.label) == ["第一条", "第二条"])
    #expect(document.measures.map(\.title) == ["目的依据", "适用范围"])
  }

  /// A web page indents with &emsp;: "  （一）…" is still an item.
  @Test func emSpaceIndentedItems() throws {
    let document = try parse(
      "<html><body><p>三、主要任务</p><p>\u{2003}\u{2003}（一）构建评价指标体系。制定标准。</p></body></html>",
      format: .html)
    #expect(labels(document) == ["三、 （一）"])
  }

  /// An attachment whose title stands on the line after "附件1" takes its role from it:
  /// "建筑高度的计算方法" sets criteria, not tasks.
  @Test func attachmentTitleOnItsOwnLine_givesTheRole() throws {
    let document = try parse(
      "一、重点任务\n（一）开展排查。全面排查隐患。\n附件1\n建筑高度的计算方法\n1.建筑屋面为坡屋面时，建筑高度应为室外地面至檐口的高度。\n2.局部突出屋顶的瞭望塔不计入建筑高度。\n"
    )
    #expect(labels(document) == ["一、 （一）"])
  }

  /// Items with items of their own are not an enumeration of a lead-in: in the county's
  /// education page, 二、资助项目 ends with a colon, its 1.–3. group the support items
  /// （1）（2）（3）, which are the measures.
  @Test func realPage_leadInWithGroupedItems() throws {
    guard let real = Corpus.real else { return }
    let document = try Parsed.file(real.appendingPathComponent("county-html/01_教育精准扶贫政策.html"))
    let supports = document.measures.filter { $0.label.hasPrefix("（") }
    #expect(supports.count == 8)
    #expect(!document.measures.contains { $0.label == "二、" })
  }

  /// Government work reports number the tasks of a part, or of an item, in words at the
  /// start of their paragraphs (2005: 六、… 第一，深化政府机构改革。…第六，; 2008: （九）…
  /// 第一，…第四，; also 1999, 2004): each point is a measure. Points that do not run from
  /// 第一 (a report's 第四， and 第六， whose first three stand inside a paragraph) are no
  /// list, and a heading that opens with an adverb of effort is no body's name.
  @Test func pointsNumberedInWords_areItems_whenTheyRunAsAList() throws {
    let document = try parse(
      """
      二、今年主要任务
      （一）加强农业基础建设。
      稳定发展粮食生产。
      （二）加强政府自身建设。
      第一，深化政府机构改革。
      按照精简、统一、效能的原则推进改革。
      第二，努力建设服务型政府。
      政府各部门要各司其职，加强协调配合。
      （三）高度重视安全生产。
      我们要做好以下工作。第一，落实责任。第二，加强监管。第三，严格执法。
      第四，加大安全生产投入。国家今年再安排资金。
      第六，强化企业管理。加强企业安全生产基础工作。
      """)
    #expect(
      labels(document) == [
        "二、 （一）", "二、 （二） 第一，", "二、 （二） 第二，", "二、 （三）",
      ])
    #expect(document.responsibilities.isEmpty)
    // Points inside an item of a deeper rank are its text (1. stays the sibling of 2.), and a
    // line wrapped before 第二， goes on with its paragraph.
    let nested = try parse(
      """
      二、重点任务
      1．深化改革。全面推进。
      第一，优化营商环境。
      第二，扩大有效投资。
      2．扩大开放。地区生产总值增速居全省
      第二，高于全国平均水平。
      """)
    #expect(labels(nested) == ["二、 1．", "二、 2．"])
    #expect(nested.measures.last?.text.contains("增速居全省第二，高于全国平均水平") == true)
  }

  /// Reports of 1993–2002 set their bold headings on lines of their own
  /// ("加快农业和农村经济结构调整。" then its body): each heads an item, as a run-in heading
  /// does; short sentences each on a line, with no body after them, are no headings.
  @Test func headingsOnLinesOfTheirOwn_headTheBodyAfterThem() throws {
    let document = try parse(
      """
      三、加强农业基础地位，努力增加农民收入
      农业、农村和农民问题是关系改革开放和现代化建设全局的重大问题。
      加快农业和农村经济结构调整。
      这是提高农业经济效益，增加农民收入的根本途径。
      积极推进农村各项改革。
      在长期稳定土地承包关系的基础上，推进农村改革。
      四、公司领导干部任职年龄
      总经理、副总经理不超过六十五周岁。
      董事长、副董事长不超过七十周岁。
      五、保障措施
      具体措施如下。
      加大资金投入，落实配套资金。
      """)
    #expect(labels(document) == ["三、 #1", "三、 #2", "四、", "五、"])
    // A heading on its own line is no run-in heading.
    #expect(document.sections.filter { $0.kind == .paragraph }.allSatisfy { !$0.isRunIn })
  }
}
