import Foundation
import PolicyExtraction
import PolicyModel
import PolicyReaders
import Testing

@testable import PolicyKit

/// The forms of role statements that laws, regulations and State Council opinions use and
/// plans rarely do, found by a batch of documents annotated blind (docs/gold-format.md):
/// bodies named by the scope of government (县级以上人民政府), organs of a sector
/// (公安机关), lists of sectors sharing a law's ending, members of a mechanism, and closing
/// remarks after the last item.
@Suite struct LawRoleFormTests {
  func parse(_ text: String) throws -> PolicyDocument {
    try Parsed.text(text, path: "law.txt")
  }

  @Test func scopeOfGovernment_isPartOfTheName() throws {
    let document = try parse(
      """
      某省公共数据管理办法

      第一条　县级以上人民政府负责本行政区域内公共数据管理工作。

      第二条　设区的市人民政府负责本辖区的公共数据工作。

      第三条　县级以上地方人民政府民政部门负责本行政区域内的殡葬管理工作。

      第四条　户籍登记数据，由公安机关负责。

      第五条　发文机关负责解释。
      """)
    #expect(try document.roles(measure: "第一条") == ["responsible:县级以上人民政府"])
    #expect(try document.roles(measure: "第二条") == ["responsible:设区的市人民政府"])
    #expect(try document.roles(measure: "第三条") == ["responsible:县级以上地方人民政府民政部门"])
    #expect(try document.roles(measure: "第四条") == ["responsible:公安机关"])
    // A label, not a sector's organ.
    #expect(try document.roles(measure: "第五条").isEmpty)
  }

  /// Local regulations name the county level with a note on what stands for it
  /// (县（市、区）): the note's 、 lists no bodies of its own. Found in the blind batches of
  /// 浙江 and 山东 regulations; corpus-real holds some 280 such statements.
  @Test func levelNoteInsideAName_isPartOfIt() throws {
    let document = try parse(
      """
      某省湿地保护条例

      第一条　县（市、区）人民政府负责本行政区域内的湿地保护工作。

      第二条　设区的市、县（市、区）人民政府林业主管部门应当会同有关部门编制湿地保护规划。

      第三条　市、县（市、区）广播电视主管部门负责本行政区域内的广播电视管理工作。

      第四条　市、县（市、区）人民政府发展改革、财政、公安等部门按照各自职责，负责湿地保护的相关工作。

      第五条　乡、镇人民政府、街道办事处和公安、税务等部门应当密切配合。

      第六条　重要江河的防洪规划，由国务院水行政主管部门会同有关部门和有关省、自治区、直辖市人民政府编制。

      第七条　县（市、区）人民政府和乡镇人民政府应当有计划地开展培训，并负责解决所需经费。

      第八条　省人民政府林业主管部门会同有关省、自治区人民政府林业主管部门制定联防办法。

      第九条　县（市、区）、乡镇人民政府负责本行政区域内的工作。

      第十条　县(市、区)人民政府和乡镇人民政府负责培训。

      第十一条　物业管理机构负责小区安全。
      """)
    #expect(try document.roles(measure: "第一条") == ["responsible:县（市、区）人民政府"])
    #expect(
      try document.roles(measure: "第二条").sorted() == [
        "lead:县（市、区）人民政府林业主管部门", "lead:设区的市人民政府林业主管部门",
      ])
    #expect(
      try document.roles(measure: "第三条").sorted() == [
        "responsible:县（市、区）广播电视主管部门", "responsible:市广播电视主管部门",
      ])
    // The sectors of those governments, named as written.
    #expect(
      try document.roles(measure: "第四条") == [
        "responsible:发展改革", "responsible:财政", "responsible:公安",
      ])
    // Governments listed before sectors stay governments: the list is not read as the
    // sectors of a government.
    #expect(
      Set(try document.roles(measure: "第五条")).isSuperset(of: [
        "cooperating:镇人民政府", "cooperating:街道办事处", "cooperating:公安", "cooperating:税务",
      ]))
    // Levels sharing one government after 会同, each of those concerned (有关).
    #expect(
      try document.roles(measure: "第六条").sorted() == [
        "cooperating:有关直辖市人民政府", "cooperating:有关省人民政府", "cooperating:有关自治区人民政府",
        "lead:国务院水行政主管部门",
      ])
    #expect(
      try document.roles(measure: "第七条").sorted() == [
        "responsible:乡镇人民政府", "responsible:县（市、区）人民政府",
      ])
    // The governments' department after them is each one's.
    #expect(
      try document.roles(measure: "第八条").sorted() == [
        "cooperating:有关省人民政府林业主管部门", "cooperating:有关自治区人民政府林业主管部门",
        "lead:省人民政府林业主管部门",
      ])
    // A level with its note before 、, and half-width brackets.
    #expect(
      try document.roles(measure: "第九条").sorted() == [
        "responsible:乡镇人民政府", "responsible:县（市、区）人民政府",
      ])
    #expect(
      try document.roles(measure: "第十条").sorted() == [
        "responsible:乡镇人民政府", "responsible:县(市、区)人民政府",
      ])
    // A property manager is a regulated party, whatever its ending.
    #expect(try document.roles(measure: "第十一条").isEmpty)
  }

  /// One level's government before a list of its sectors closed by 等部门 is each
  /// sector's, as a level is ("省人民政府发展改革、公安…等部门应当协同…": 广东 家政服务条例,
  /// 浙江 风景名胜区条例, 开封 优化营商环境条例; 25 such lists in corpus-real); levels listed
  /// before it are not (the sectors of 市、县（市、区）人民政府 stay bare).
  @Test func oneGovernmentBeforeItsSectors_isEachSectorsLevel() throws {
    let document = try parse(
      """
      某省家政服务条例

      第一条　省人民政府发展改革、公安、商务等部门应当协同共享家政服务信息。

      第二条　市、县（市、区）人民政府发展改革、财政等部门应当协同做好相关工作。

      第三条　县（市、区）人民政府水利、生态环境等部门应当协同做好相关工作。
      """)
    #expect(
      try document.roles(measure: "第一条") == [
        "cooperating:省人民政府发展改革", "cooperating:省人民政府公安", "cooperating:省人民政府商务",
      ])
    #expect(try document.roles(measure: "第二条") == ["cooperating:发展改革", "cooperating:财政"])
    // One level, whose note lists what stands for it.
    #expect(
      try document.roles(measure: "第三条") == [
        "cooperating:县（市、区）人民政府水利", "cooperating:县（市、区）人民政府生态环境",
      ])
  }

  /// Laws name a body by the place it serves (所在地): "由库房所在地药品监督管理部门负责"
  /// (医疗器械经营监督管理办法), "所在地乡镇人民政府负责" (扬尘污染防治条例 of 开封, 德州,
  /// 滨州, 漯河); either of two bodies joined by 或者 has the role (浙江 城市市容和环境卫生
  /// 管理条例, 航道法); and a clause with a modal is no name ("建设单位应当通知航道主管部门").
  @Test func placeServed_alternatives_andModalsInsideNames() throws {
    let document = try parse(
      """
      某省管理条例

      第一条　医疗器械经营企业跨设区的市设置的库房，由库房所在地药品监督管理部门负责监督检查。

      第二条　所在地乡镇人民政府、街道办事处负责扬尘污染防治的日常监督管理。

      第三条　市容环境卫生主管部门或者镇人民政府负责公共信息栏的日常管理和保洁。

      第四条　建设单位应当通知航道主管部门，航道主管部门应当予以配合。

      第五条　公安派出所在地方党委领导下负责治安管理工作。
      """)
    #expect(try document.roles(measure: "第一条") == ["responsible:库房所在地药品监督管理部门"])
    #expect(
      try document.roles(measure: "第二条").sorted() == [
        "responsible:所在地乡镇人民政府", "responsible:街道办事处",
      ])
    #expect(
      try document.roles(measure: "第三条").sorted() == [
        "responsible:市容环境卫生主管部门", "responsible:镇人民政府",
      ])
    #expect(try document.roles(measure: "第四条").allSatisfy { !$0.contains("应当") })
    // 所在地方 is a body's 所, then 在地方.
    #expect(try document.roles(measure: "第五条").allSatisfy { !$0.contains("所在") })
  }

  /// Chongqing names its districts and counties 区县, with a note (区县（自治县）), and
  /// regulations of 山东 and 北京 cities write 市、区县 too: the city's department is 市 and
  /// the shared name, not 市县…; levels may end in 级 (设区的市级、县级…). Seen in the blind batch of 重庆 regulations (地质灾害防治,
  /// 非物质文化遗产); corpus-real holds 106 files with 市、区县.
  @Test func districtsAndCountiesAsOneLevel_shareTheName() throws {
    let document = try parse(
      """
      某市地质灾害防治条例

      第一条　市、区县（自治县）规划自然资源主管部门负责地质灾害防治工作。

      第二条　市、区县人民政府文化主管部门会同有关部门做好保护工作。

      第三条　设区的市级、县级市场监督管理部门负责本行政区域内食品生产经营监督检查工作。

      第四条　市、区（县级市）水行政主管部门负责本行政区域内节约用水的监督管理工作。
      """)
    #expect(
      try document.roles(measure: "第一条").sorted() == [
        "responsible:区县（自治县）规划自然资源主管部门", "responsible:市规划自然资源主管部门",
      ])
    #expect(
      try document.roles(measure: "第二条").sorted() == [
        "lead:区县人民政府文化主管部门", "lead:市人民政府文化主管部门",
      ])
    // Levels with 级, as ministry rules write them (食品生产经营监督检查管理办法), and 县级市
    // as a level of its own, in a note (威海 regulations).
    #expect(
      try document.roles(measure: "第三条").sorted() == [
        "responsible:县级市场监督管理部门", "responsible:设区的市级市场监督管理部门",
      ])
    #expect(
      try document.roles(measure: "第四条").sorted() == [
        "responsible:区（县级市）水行政主管部门", "responsible:市水行政主管部门",
      ])
  }

  /// 国务院 before the first of sectors sharing a department's ending is each one's, however
  /// long the first sector's name (清洁生产促进法: "国务院环境保护、工业、科学技术、财政部门和
  /// 其他有关部门，按照各自的职责，负责…"; 47 triples of national laws in corpus-real).
  @Test func stateCouncilBeforeALongSector_isEachSectorsLevel() throws {
    let document = try parse(
      """
      某某促进法

      第一条　国务院环境保护、工业、科学技术、财政部门和其他有关部门，按照各自的职责，负责有关的促进工作。
      """)
    #expect(
      try document.roles(measure: "第一条") == [
        "responsible:国务院环境保护部门", "responsible:国务院工业部门", "responsible:国务院科学技术部门",
        "responsible:国务院财政部门",
      ])
  }

  /// Laws name bodies by their duty with 主管机构 and 管理机构 as with 主管部门
  /// (国务院气象主管机构, 海事管理机构), and bring a body in after a modal and a verb
  /// (应当有…参加, 应当经…会同…批准): neither the modal nor the verb is part of its name.
  @Test func organsOfADuty_andBodiesBroughtInByAVerb() throws {
    let document = try parse(
      """
      某省气象条例

      第一条　国务院气象主管机构负责全国的气象工作。

      第二条　海事管理机构应当会同有关部门制定水上搜救应急预案。

      第三条　涉河建设项目竣工验收时，应当有水行政主管部门参加。

      第四条　重大的出口项目，应当经国务院商务主管部门会同国务院外交等有关部门批准。

      第五条　镇人民政府、街道办事处应当根据实际，设置或者确定应急管理机构，配备专职人员，负责本辖区的应急管理工作。
      """)
    #expect(try document.roles(measure: "第一条") == ["responsible:国务院气象主管机构"])
    #expect(try document.roles(measure: "第二条") == ["lead:海事管理机构"])
    #expect(try document.roles(measure: "第三条") == ["cooperating:水行政主管部门"])
    // The objects of 会同 cooperate, the verb following them at once (…等有关部门批准).
    #expect(
      try document.roles(measure: "第四条") == ["lead:国务院商务主管部门", "cooperating:国务院外交"])
    // A verb before a body's ending makes no name ("设置或者确定应急管理机构"): the
    // governments that open the sentence stay its subject.
    #expect(
      try document.roles(measure: "第五条") == ["responsible:镇人民政府", "responsible:街道办事处"])
  }

  @Test func sectorsSharingALawsEnding_eachGetsIt() throws {
    let document = try parse(
      """
      某市停车场管理办法

      第一条　停车场设置标准，由市交通行政主管部门会同市公安交通、规划资源行政管理部门编制。

      第二条　河湖保护范围的绿化分别由园林绿化、公路、水行政主管部门负责。

      第三条　县级以上价格主管、审计、监察等有关部门按照各自职责，负责非税收入管理的相关工作。

      第四条　市规划行政主管部门应当会同市住房和城乡建设、文物行政主管部门制定传统民居导则。
      """)
    #expect(
      try document.roles(measure: "第一条") == [
        "lead:市交通行政主管部门", "cooperating:市公安交通行政管理部门", "cooperating:市规划资源行政管理部门",
      ])
    #expect(
      try document.roles(measure: "第二条") == [
        "responsible:园林绿化主管部门", "responsible:公路主管部门", "responsible:水行政主管部门",
      ])
    // Sectors before 等有关部门 are named as written, without the scope (no "县审计").
    #expect(
      try document.roles(measure: "第三条") == [
        "responsible:价格主管", "responsible:审计", "responsible:监察",
      ])
    // A sector named with 和 is one sector of the list.
    #expect(
      try document.roles(measure: "第四条") == [
        "lead:市规划行政主管部门", "cooperating:市住房和城乡建设行政主管部门", "cooperating:市文物行政主管部门",
      ])
  }

  @Test func membersOfAMechanism_cooperate_andAreNotTheSubjectOfItsDuty() throws {
    let document = try parse(
      """
      一、重点任务

      （一）建立联席会议。市政府建立联席会议，由市住房城乡建设管理委牵头，市发展改革委、市财政局等部门和人民银行上海总部参加，负责指导、协调房地产市场监管工作。

      （二）建立协调机制。县级以上人民政府建立司法行政、编制管理、财政等单位参加的工作协调机制。
      """)
    #expect(
      try document.roles(measure: "（一）") == [
        "lead:市住房城乡建设管理委", "cooperating:市发展改革委", "cooperating:市财政局",
        "cooperating:人民银行上海总部",
      ])
    #expect(
      try document.roles(measure: "（二）") == [
        "cooperating:司法行政", "cooperating:编制管理", "cooperating:财政",
      ])
  }

  /// Laws name a government's department by its duty with 负责 inside the name ("县级以上
  /// 地方人民政府负责管理地震工作的部门或者机构负责…"): the 负责 of the name is no role word,
  /// the department (not the government) has the role of the verb after it, levels before
  /// 人民政府 share the name, and 国务院和… gives the State Council's body of that duty too.
  @Test func departmentNamedByItsDuty_hasTheRole_notItsGovernment() throws {
    let document = try parse(
      """
      某省妇女权益保障办法

      第一条　县级以上人民政府负责妇女儿童工作的机构，负责组织、协调有关部门做好妇女权益的保障工作。

      第二条　各区政府对行政区域内耕地保护工作负总责。

      第三条　县级以上地方人民政府负责管理地震工作的部门或者机构负责本行政区域内的地震安全性评价的监督管理工作。

      第四条　省、自治区、直辖市人民政府负责药品监督管理的部门负责除前款规定以外的审定。

      第五条　国务院地震工作主管部门和县级以上地方人民政府负责管理地震工作的部门或者机构，应当会同有关部门加强监督检查。

      第六条　国务院和县级以上地方各级人民政府管理机关事务工作的机构会同同级有关部门制定本级公共机构节能规划。

      第七条　县级以上人民政府负责组织有关部门开展检查。

      第八条　市人民政府负责促进中小企业发展工作的主管部门应当履行下列职责。

      第九条　其开采回采率由县级以上地方人民政府负责地质矿产管理工作的部门会同有关部门检查。

      第十条　县级以上地方人民政府负责本行政区域内的机构编制管理工作。

      第十一条　省人民政府负责自由贸易试验区工作的机构负责协调有关事项。
      """)
    #expect(try document.roles(measure: "第一条") == ["responsible:县级以上人民政府负责妇女儿童工作的机构"])
    #expect(try document.roles(measure: "第二条") == ["responsible:各区政府"])
    #expect(
      try document.roles(measure: "第三条") == ["responsible:县级以上地方人民政府负责管理地震工作的部门或者机构"])
    #expect(
      try document.roles(measure: "第四条") == [
        "responsible:省人民政府负责药品监督管理的部门", "responsible:自治区人民政府负责药品监督管理的部门",
        "responsible:直辖市人民政府负责药品监督管理的部门",
      ])
    #expect(
      try document.roles(measure: "第五条") == [
        "lead:国务院地震工作主管部门", "lead:县级以上地方人民政府负责管理地震工作的部门或者机构",
      ])
    #expect(
      try document.roles(measure: "第六条") == [
        "lead:国务院管理机关事务工作的机构", "lead:县级以上地方各级人民政府管理机关事务工作的机构",
      ])
    // 负责 with a verb and no 的部门 after it is the government's own role.
    #expect(try document.roles(measure: "第七条") == ["responsible:县级以上人民政府"])
    // The department has no role word; its government none either.
    #expect(try document.roles(measure: "第八条").isEmpty)
    #expect(
      try document.roles(measure: "第九条") == ["lead:县级以上地方人民政府负责地质矿产管理工作的部门"])
    // A kind that opens a word of its own (机构编制) ends no name: the government's own role.
    #expect(try document.roles(measure: "第十条") == ["responsible:县级以上地方人民政府"])
    // The 由 of 自由 inside a duty brings in no agent.
    #expect(try document.roles(measure: "第十一条") == ["responsible:省人民政府负责自由贸易试验区工作的机构"])
  }

  /// Blind batch 17: bodies described by a relative clause (作出…决定的, 依法组建的,
  /// …设置的) are its subject; 协作 and 根据需要 stand between a body and its role word; a
  /// procuratorate's department named by its duty gives the procuratorate no role; a clause
  /// verb inside a would-be name makes none (本市建立市人民政府…共同牵头的机制).
  @Test func relativeClauses_cooperationWords_andClauseVerbs() throws {
    let document = try parse(
      """
      某省家庭教育促进条例

      第一条　作出责令接受家庭教育指导决定的公安机关、人民检察院、人民法院可以会同教育行政部门和妇女联合会，委托有关学校进行指导。

      第二条　依法组建的评标委员会负责评标。

      第三条　市发展改革、粮食和储备等部门和区、县人民政府应当加强协作配合，具体落实各项工作。

      第四条　市和区民族事务行政部门应当根据需要协助教育、人力社保行政部门举办民族职业学校。

      第五条　不起诉决定的复查，由作出不起诉决定的人民检察院负责控告申诉检察的部门进行审查。

      第六条　本市建立市人民政府和市高级人民法院共同牵头、相关部门参加的企业破产工作协调机制。

      第七条　学前教育实行政府负责、分级管理、部门合作的管理体制。

      第八条　绿化委员会的办事机构负责日常工作。

      第九条　市和区交通行政管理部门应当在听取各方面意见的基础上，会同有关部门制定线网规划。
      """)
    #expect(
      try document.roles(measure: "第一条") == [
        "lead:公安机关", "lead:人民检察院", "lead:人民法院", "cooperating:教育行政部门", "cooperating:妇女联合会",
      ])
    #expect(try document.roles(measure: "第二条") == ["responsible:评标委员会"])
    #expect(
      try document.roles(measure: "第三条") == [
        "cooperating:市发展改革", "cooperating:市粮食和储备", "cooperating:县人民政府", "cooperating:区人民政府",
      ])
    #expect(
      try document.roles(measure: "第四条") == [
        "cooperating:区民族事务行政部门", "cooperating:市民族事务行政部门",
      ])
    #expect(try document.roles(measure: "第五条").isEmpty)
    #expect(!(try document.roles(measure: "第六条")).contains { $0.contains("建立") })
    #expect(try document.roles(measure: "第七条").isEmpty)
    // Levels joined by 和 before one ending, read as the subject a later clause's role word
    // takes: each level's department.
    #expect(
      try document.roles(measure: "第九条") == ["lead:区交通行政管理部门", "lead:市交通行政管理部门"])
    // A possessive is no relative clause: no body is named after its 的.
    #expect(try document.roles(measure: "第八条") != ["responsible:办事机构"])
  }

  @Test func lawsOwnForms_bodiesSetUp_dutyLists_peoplesOrganisations() throws {
    let document = try parse(
      """
      某省防汛条例

      第一条　国务院设立国家防汛总指挥部，负责组织领导全国的防汛抗洪工作。

      第二条　广播电视主管部门的职责是：

      （一）组织实施关于广播电视的法律、法规；

      （二）制定广播电视事业发展规划。

      第三条　工会、共青团、妇联、残联等人民团体应当参与预防化解纠纷工作。

      第四条　共产主义青年团、妇女联合会等团体应当会同村民委员会、居民委员会开展家庭禁毒宣传教育。

      第五条　工会、共产主义青年团、妇女联合会、科学技术协会等社会团体，应当积极参与、推动献血工作。

      第六条　鼓励和支持工会、共产主义青年团、妇女联合会等团体协助各级人民政府开展宣传教育。
      """)
    #expect(try document.roles(measure: "第一条") == ["responsible:国家防汛总指挥部"])
    #expect(try document.roles(measure: "第二条") == ["responsible:广播电视主管部门"])
    #expect(
      try document.roles(measure: "第三条") == [
        "cooperating:工会", "cooperating:共青团", "cooperating:妇联", "cooperating:残联",
      ])
    // 等团体 and 等社会团体 close such a list as 等人民团体 does.
    #expect(
      try document.roles(measure: "第四条") == [
        "lead:共产主义青年团", "lead:妇女联合会", "cooperating:村民委员会", "cooperating:居民委员会",
      ])
    #expect(
      try document.roles(measure: "第五条") == [
        "cooperating:工会", "cooperating:共产主义青年团", "cooperating:妇女联合会",
        "cooperating:科学技术协会",
      ])
    // Encouraged, not charged: no role.
    #expect(try document.roles(measure: "第六条").isEmpty)
  }

  /// A law as published has no signature: its adoption note under the title says who
  /// adopted it and when; amendments and approvals after it change neither.
  @Test func adoptionNote_givesIssuerLevelAndDate() throws {
    let document = try parse(
      """
      # 上海市志愿服务条例

      2009年4月23日 上海市第十三届人民代表大会常务委员会第十次会议通过

      2019年11月15日 上海市第十五届人民代表大会常务委员会第十五次会议《关于修改〈上海市志愿服务条例〉的决定》修正

      第一条　为了鼓励和规范志愿服务，制定本条例。

      第二条　市民政部门负责本市志愿服务的行政管理工作。
      """)
    #expect(document.metadata.issuer == "上海市人民代表大会常务委员会")
    #expect(document.metadata.writtenDate == "2009-04-23")
    #expect(document.metadata.level == .municipal)
    let national = try parse(
      """
      # 中华人民共和国铁路法

      1990年9月7日 第七届全国人民代表大会常务委员会第十五次会议通过

      第一条　为了保障铁路运输和铁路建设的顺利进行，制定本法。
      """)
    #expect(national.metadata.issuer == "全国人民代表大会常务委员会")
    #expect(national.metadata.writtenDate == "1990-09-07")
    #expect(national.metadata.level == .national)
  }

  /// What the rules above must not read: organs a law names by procedure or points at
  /// (有关机关, 复议机关), a role word whose object holds 的单位, a subject that takes part in
  /// one thing and is responsible for another, and 本计划 inside a word (成本计划).
  @Test func lawForms_doNotMisread() throws {
    let document = try parse(
      """
      某市办法

      第一条　有关机关负责监督检查。复议机关负责审查。

      第二条　区城管执法局负责对违法的单位依法查处。

      第三条　区财政局参与项目评审，负责资金拨付。
      """)
    #expect(try document.roles(measure: "第一条").isEmpty)
    #expect(try document.roles(measure: "第二条") == ["responsible:区城管执法局"])
    #expect(try document.roles(measure: "第三条") == ["cooperating:区财政局", "responsible:区财政局"])
    let plan = try parse(
      """
      一、主要任务

      （一）推进节能改造。区经济信息委负责组织实施。

      企业应当按照成本计划组织实施节能改造，区发展改革委负责指导。
      """)
    let last = try #require(plan.measure("（一）"))
    #expect(
      last.responsibilities.flatMap { plan.responsibilities[$0].departments.map(\.name) } == [
        "区经济信息委", "区发展改革委",
      ])
  }

  /// Levels joined by 和 share the name after them as levels joined by 、 do: "市和区、县
  /// 禁毒委员会" is each level's committee (a form of some 500 statements in corpus-real).
  @Test func levelsJoinedByAnd_shareTheName() throws {
    let document = try parse(
      """
      某市禁毒条例

      第一条　市和区、县禁毒委员会负责组织、协调、指导本行政区域内的禁毒工作。

      第二条　市和区、县（市）人民政府负责本行政区域内的管理工作。

      第三条　市和区交通行政管理部门负责道路运输管理工作。

      第四条　市住房和城乡建设管理部门负责建设管理工作。
      """)
    #expect(
      try document.roles(measure: "第一条").sorted() == [
        "responsible:区禁毒委员会", "responsible:县禁毒委员会", "responsible:市禁毒委员会",
      ])
    #expect(
      try document.roles(measure: "第二条").sorted() == [
        "responsible:区人民政府", "responsible:县（市）人民政府", "responsible:市人民政府",
      ])
    #expect(
      try document.roles(measure: "第三条").sorted() == [
        "responsible:区交通行政管理部门", "responsible:市交通行政管理部门",
      ])
    // 和 inside a sector's name joins no levels.
    #expect(try document.roles(measure: "第四条") == ["responsible:市住房和城乡建设管理部门"])
  }

  /// 基层群众性自治组织 (the villagers' and residents' committees, named together) is a body
  /// as 居民委员会 is; 组织 alone, a verb as often as a noun, ends no name. "等部门、单位"
  /// closes a list of sectors as "等部门和单位" does.
  @Test func selfGoverningOrganisations_andDepartmentsAndUnits() throws {
    let document = try parse(
      """
      某市献血条例

      第一条　乡镇人民政府、街道办事处、基层群众性自治组织应当配合有关部门开展献血工作。

      第二条　发展改革、交通运输、市场监督管理等部门、单位应当负责落实献血者的优待政策。

      第三条　县级以上地方人民政府组织有关部门开展献血宣传。

      第四条　红十字会、残疾人联合会应当参与献血宣传工作。
      """)
    #expect(
      try document.roles(measure: "第一条").sorted() == [
        "cooperating:乡镇人民政府", "cooperating:基层群众性自治组织", "cooperating:街道办事处",
      ])
    #expect(
      try document.roles(measure: "第二条").sorted() == [
        "responsible:交通运输", "responsible:发展改革", "responsible:市场监督管理",
      ])
    #expect(!(try document.roles(measure: "第三条")).contains { $0.contains("政府组织") })
    // People's organisations the dictionaries know (红十字会, 残联, 侨联), named alone.
    #expect(
      try document.roles(measure: "第四条").sorted() == [
        "cooperating:残疾人联合会", "cooperating:红十字会",
      ])
  }

  /// 应予 and 给予 before 配合 or 协助 are what 应当予以 is ("邮政部门应予配合", "公安、交通运输
  /// 等部门应当给予指导和配合"); 给予 before 参与 gives to those who take part.
  @Test func shallGiveCooperation_isCooperating() throws {
    let document = try parse(
      """
      某市条例

      第一条　卫生检疫机关进行卫生处理时，公安机关应予配合。

      第二条　公安、交通运输等部门应当给予指导和配合。

      第三条　市和区人民政府应当依法给予参与预案演练的单位补偿。
      """)
    #expect(try document.roles(measure: "第一条") == ["cooperating:公安机关"])
    #expect(
      try document.roles(measure: "第二条").sorted() == ["cooperating:交通运输", "cooperating:公安"])
    #expect(try document.roles(measure: "第三条").isEmpty)
  }

  /// A kind of unit beside named bodies (物业管理服务单位, 企业事业单位) takes no role and
  /// does not hide the bodies; units alone name no body.
  @Test func unitsBesideBodies_leaveTheBodiesTheirRole() throws {
    let document = try parse(
      """
      某市养犬管理条例

      第一条　村（居）民委员会、物业管理服务单位应当协助相关部门做好养犬管理工作。

      第二条　居民委员会、村民委员会、企业事业单位应当协助本地人民政府做好宣传工作。

      第三条　建设单位、运输单位应当协助相关部门做好管理工作。
      """)
    #expect(try document.roles(measure: "第一条") == ["cooperating:村（居）民委员会"])
    #expect(
      try document.roles(measure: "第二条").sorted() == [
        "cooperating:居民委员会", "cooperating:村民委员会",
      ])
    #expect(try document.roles(measure: "第三条").isEmpty)
  }

  @Test func closingRemarks_belongToNoMeasure() throws {
    let document = try parse(
      """
      国务院办公厅关于推进某项工作的意见

      一、主要任务

      （一）完善评价体系。各级财政部门要研究制定绩效考核办法。

      各地区、各部门要充分认识此项工作的重要意义。财政部要会同发展改革委、银保监会加强对本意见落实情况的指导。

      国务院办公厅
      2019年1月22日
      """)
    // The remark is not the last item's text, and its roles belong to no measure.
    let last = try #require(document.measure("（一）"))
    let lastText = document.text.text.utf8.dropFirst(last.span.start).prefix(
      last.span.end - last.span.start)
    #expect(!String(decoding: lastText, as: UTF8.self).contains("各地区、各部门"))
    let remark = document.responsibilities.filter { $0.measure == nil }
    #expect(
      remark.flatMap { $0.departments.map { "\($0.role.rawValue):\($0.name)" } } == [
        "lead:财政部", "cooperating:发展改革委", "cooperating:银保监会",
      ])
    // After a heading that stands alone, the paragraph is its text, not a remark.
    let standing = try parse(
      """
      关于促进某区发展的若干意见

      一、主要任务

      （一）完善政策。海关总署负责制定政策。

      二、有关要求

      各地区、各部门要加强组织领导。
      """)
    #expect(standing.measures.contains { $0.label == "二、" })
  }

  /// Forms a blind batch of eight laws and regulations (batch 14) missed, each met in many
  /// files of corpus-real: a sector that opens with a level's character (市场监管 in
  /// "市经济信息化、市场监管等部门" takes the list's 市 as the others do); sectors named
  /// with 和 (经济和信息化, 文化广电和旅游, 劳动和社会保障) and 农业农村, which ends in 村
  /// as a village does (679 lists in corpus-real); 国务院 before the first of
  /// sectors sharing an ending ("国务院能源、价格主管部门", some 200 lists in laws); a list
  /// closed by 等行政主管部门 (as 等部门); names joined after a closed list ("…等部门和城市
  /// 综合执法部门", "…等主管部门和工会、共青团、妇联等人民团体"), as objects or as subjects
  /// ("…口岸服务等部门和海关特殊监管区域管理机构应当配合"), the bodies of a place named
  /// after it (所在地的, 范围内的, 辖区内的, 区域内的), and the objects of 会同
  /// when the joint action's verb follows the list at once ("会同城市绿化等行政主管部门编制");
  /// 接受, which opens no name.
  @Test func sectorLists_levelsAndEndings() throws {
    let document = try parse(
      """
      某市口岸服务条例

      第一条　市经济信息化、口岸服务、市场监管等部门应当会同口岸查验机构建立信息共享机制。

      第二条　发展和改革、经济和信息化、文化广电和旅游等部门按照各自职责，协同推进相关工作。

      第三条　国务院财政部门会同国务院能源、价格主管部门制定具体办法。

      第四条　规划行政主管部门会同城市绿化等行政主管部门编制城市绿地系统规划。

      第五条　城乡规划主管部门应当会同住房和城乡建设等部门和城市综合执法部门建立信用档案。

      第六条　物业服务人应当接受住房和城乡建设等行政主管部门、街道办事处的指导和监督，并配合做好社区建设相关工作。

      第七条　区发展改革、市场监管等部门负责做好相关工作。

      第八条　新闻出版主管部门会同文化旅游、体育等主管部门和工会、共青团、妇联等人民团体，开展全民阅读活动。

      第九条　国务院林业草原、农业、水利等行政主管部门和气象主管机构，按照职责分工，各负其责，密切配合。

      第十条　农业农村、林业主管部门应当会同有关部门推进农业绿色发展。

      第十一条　市发展改革、口岸服务等部门和海关特殊监管区域管理机构应当配合口岸查验机构做好工作。

      第十二条　市政市容、园林绿化、文物等行政主管部门负责专业工程质量监督管理工作。

      第十三条　区人民政府会同市规划资源、建设、交通行政管理部门编制规划。

      第十四条　国务院财政、国务院税务主管部门负责制定具体办法。

      第十五条　会同公安等部门和区政府组织街道、社区等单位开展排查。

      第十六条　自然资源主管部门应当会同所在地的区人民政府推进山体修复。

      第十七条　山体保护范围内的村（居）民委员会协助开展山体保护工作。
      """)
    #expect(
      try document.roles(measure: "第一条") == [
        "lead:市经济信息化", "lead:市口岸服务", "lead:市市场监管", "cooperating:口岸查验机构",
      ])
    #expect(
      try document.roles(measure: "第二条") == [
        "cooperating:发展和改革", "cooperating:经济和信息化", "cooperating:文化广电和旅游",
      ])
    #expect(
      try document.roles(measure: "第三条") == [
        "lead:国务院财政部门", "cooperating:国务院能源主管部门", "cooperating:国务院价格主管部门",
      ])
    #expect(try document.roles(measure: "第四条") == ["lead:规划行政主管部门", "cooperating:城市绿化"])
    #expect(
      try document.roles(measure: "第五条") == [
        "lead:城乡规划主管部门", "cooperating:住房和城乡建设", "cooperating:城市综合执法部门",
      ])
    // The unit that accepts guidance is regulated; the bodies guiding it have no role.
    #expect(try document.roles(measure: "第六条").isEmpty)
    #expect(try document.roles(measure: "第七条") == ["responsible:区发展改革", "responsible:区市场监管"])
    #expect(
      try document.roles(measure: "第八条") == [
        "lead:新闻出版主管部门", "cooperating:文化旅游", "cooperating:体育", "cooperating:工会",
        "cooperating:共青团", "cooperating:妇联",
      ])
    #expect(
      try document.roles(measure: "第九条") == [
        "cooperating:国务院林业草原", "cooperating:国务院农业", "cooperating:国务院水利",
        "cooperating:气象主管机构",
      ])
    // 农业农村 is a sector, though it ends in 村 as a village does.
    #expect(try document.roles(measure: "第十条") == ["lead:农业农村主管部门", "lead:林业主管部门"])
    #expect(
      try document.roles(measure: "第十一条") == [
        "cooperating:市发展改革", "cooperating:市口岸服务", "cooperating:海关特殊监管区域管理机构",
      ])
    // 市政市容 is a sector, not 市 and 政市容: the others take no 市 from it.
    #expect(
      try document.roles(measure: "第十二条") == [
        "responsible:市政市容", "responsible:园林绿化", "responsible:文物",
      ])
    // The first sector's level is each sector's, the middle ones' too.
    #expect(
      try document.roles(measure: "第十三条") == [
        "lead:区人民政府", "cooperating:市规划资源行政管理部门", "cooperating:市建设行政管理部门",
        "cooperating:市交通行政管理部门",
      ])
    #expect(
      try document.roles(measure: "第十四条") == [
        "responsible:国务院财政主管部门", "responsible:国务院税务主管部门",
      ])
    // A clause goes on after 区政府 (组织…): the units it organises are no names of the list.
    #expect(!(try document.roles(measure: "第十五条")).contains { $0.contains("组织") })
    // The bodies of a place are named after it (所在地的, 范围内的), as subjects and as the
    // objects of 会同.
    #expect(
      try document.roles(measure: "第十六条") == [
        "lead:自然资源主管部门", "cooperating:区人民政府",
      ])
    #expect(try document.roles(measure: "第十七条") == ["cooperating:村（居）民委员会"])
  }

  /// Names that blind batch 26 (local regulations of Zhejiang and Shandong) found read
  /// wrong or not at all: a sector named with 和 alone, a list of a dozen sectors, 乡（镇）
  /// after 会同, places sharing a department or government, a government's unnamed bodies,
  /// a preposition after the names, and governments opening a list of sectors.
  @Test func namesOfLocalRegulations() throws {
    let document = try parse(
      """
      某市条例

      第一条　住房和城乡建设部门负责督促物业服务企业做好管理工作。

      第二条　县级以上人民政府发展和改革、农业和农村工作综合管理、财政、农业、林业、水利、海洋与渔业、交通运输、住房和城乡建设、城乡规划、环境保护等部门按照各自职责，负责土地整治的相关工作。

      第三条　县（市、区）国土资源主管部门会同同级发展和改革、财政等部门以及乡（镇）人民政府、街道办事处，拟定土地整治年度计划。

      第四条　崂山区、城阳区和各县级市建设主管部门负责本辖区的民用建筑节能监督管理工作。

      第五条　萧山区、余杭区公安分局负责本辖区工作。诸暨市、嵊州市人民政府负责本辖区工作。

      第六条　县级以上人民政府其他有关部门在各自职责范围内，负责有关工作。

      第七条　市供水管理机构和区(市)城市供水行政主管部门按照规定的职责,负责城市供水行政管理工作。

      第八条　区、县人民政府和市建设交通、发展改革、财政等有关行政管理部门按照各自职责分工，协同实施本办法。

      第九条　居民委员会、村民委员会和其他基层组织，应当协助做好养犬管理工作。
      """)
    #expect(try document.roles(measure: "第一条") == ["responsible:住房和城乡建设部门"])
    #expect(
      try document.roles(measure: "第二条") == [
        "responsible:发展和改革", "responsible:农业和农村工作综合管理", "responsible:财政",
        "responsible:农业", "responsible:林业", "responsible:水利", "responsible:海洋与渔业",
        "responsible:交通运输", "responsible:住房和城乡建设", "responsible:城乡规划",
        "responsible:环境保护",
      ])
    #expect(
      try document.roles(measure: "第三条") == [
        "lead:县（市、区）国土资源主管部门", "cooperating:发展和改革", "cooperating:财政",
        "cooperating:乡（镇）人民政府", "cooperating:街道办事处",
      ])
    #expect(
      try document.roles(measure: "第四条") == [
        "responsible:崂山区建设主管部门", "responsible:城阳区建设主管部门", "responsible:各县级市建设主管部门",
      ])
    #expect(
      try document.roles(measure: "第五条") == [
        "responsible:萧山区公安分局", "responsible:余杭区公安分局", "responsible:诸暨市人民政府",
        "responsible:嵊州市人民政府",
      ])
    // The government's bodies are left unnamed: no role, and none for the government.
    #expect(try document.roles(measure: "第六条").isEmpty)
    #expect(
      try document.roles(measure: "第七条") == [
        "responsible:市供水管理机构", "responsible:区(市)城市供水行政主管部门",
      ])
    #expect(
      try document.roles(measure: "第八条") == [
        "cooperating:区人民政府", "cooperating:县人民政府", "cooperating:市建设交通",
        "cooperating:发展改革", "cooperating:财政",
      ])
    #expect(
      try document.roles(measure: "第九条") == [
        "cooperating:居民委员会", "cooperating:村民委员会",
      ])
  }

  /// Organs named by their work and 机构 (防汛指挥机构) are bodies, the institutions that
  /// serve the public (医疗机构) regulated parties; the office a body sets up is named by
  /// it; the body another may name in its place is the one named; a body whose unnamed
  /// ones follow is none.
  @Test func organsInstitutionsAndDelegates() throws {
    let document = try parse(
      """
      某市条例

      第一条　防汛指挥机构负责本行政区域的防汛工作。

      第二条　医疗机构应当配合做好疫情防控工作。

      第三条　劳动争议仲裁委员会下设办事机构，负责办理劳动争议仲裁委员会的日常工作。

      第四条　移交后由教育主管部门或者其指定的教育机构负责管理维护。

      第五条　市人大财经委员会应当会同市人民代表大会其他有关的专门委员会进行初步审查。

      第六条　若干职能机构负责日常工作。

      第七条　市人民政府应当支持金融机构设立小型微型企业金融服务专营机构，配合国家金融管理部门建立考核指标体系。

      第八条　市蚕种检验机构负责全市蚕种的质量检验。

      第九条　市发展改革委、市财政局各负其责，配合做好相关工作。

      第十条　市水务局应当会同市财政局、区人民政府其他有关部门编制规划。

      第十一条　乡（镇）人民政府以及街道办事处、开发区（集聚区、园区）管理机构等人民政府的派出机关（机构）应当加强监督检查，协助有关部门依法履行监督管理职责。
      """)
    #expect(try document.roles(measure: "第一条") == ["responsible:防汛指挥机构"])
    #expect(try document.roles(measure: "第二条").isEmpty)
    #expect(try document.roles(measure: "第三条") == ["responsible:劳动争议仲裁委员会办事机构"])
    #expect(try document.roles(measure: "第四条") == ["responsible:教育主管部门"])
    #expect(try document.roles(measure: "第五条") == ["lead:市人大财经委员会"])
    #expect(try document.roles(measure: "第六条").isEmpty)
    // The body that has another set one up keeps the role.
    #expect(try document.roles(measure: "第七条") == ["cooperating:市人民政府"])
    // A level's own institution is a body of its government.
    #expect(try document.roles(measure: "第八条") == ["responsible:市蚕种检验机构"])
    // 各 as an adverb leaves the names their role; before unnamed bodies, only the last
    // name of a list is theirs.
    #expect(
      try document.roles(measure: "第九条") == ["cooperating:市发展改革委", "cooperating:市财政局"])
    #expect(try document.roles(measure: "第十条") == ["lead:市水务局", "cooperating:市财政局"])
    // A list closed by 等人民政府的派出机关, a note with 、 inside one of its names.
    #expect(
      try document.roles(measure: "第十一条") == [
        "cooperating:乡（镇）人民政府", "cooperating:街道办事处", "cooperating:开发区（集聚区、园区）管理机构",
      ])
  }
}
