/// A named cleaning step of the text layer. Each one repairs a kind of noise that
/// official documents pick up on their way to a researcher's disk.
public enum CleaningRule: String, Sendable, CaseIterable, Codable {
  /// Control characters, zero-width spaces and stray byte-order marks are dropped.
  case invisibleCharacter = "invisible_character"
  /// Word export residue such as "[bookmark: _Hlk117096641]" is dropped.
  case wordBookmark = "word_bookmark"
  /// Pinyin glosses after characters, "發(fā)" → "發", are dropped.
  case pinyinGloss = "pinyin_gloss"
  /// Page-number lines such as "— 3 —", "- 3 -" or "第3页" are dropped.
  case pageNumberLine = "page_number_line"
  /// Lines of one paragraph broken apart by PDF extraction are joined again.
  case hardWrap = "hard_wrap"
  /// Spaces inside runs of Chinese ("期 间", "到 2025 年") are dropped.
  case straySpace = "stray_space"
  /// Markdown heading marks and comments ("## 第一章", "<!-- INFO END -->") are dropped.
  case markdownSyntax = "markdown_syntax"
  /// A Markdown file's YAML front matter ("---", "标题: …", "---") and the editor's note
  /// quoted right after it are fields about the document, read as metadata, not text.
  case frontMatter = "front_matter"
  /// A repository's licence notice after the document (Wikisource's "本作品是中华人民共和国
  /// 的法律、法规…属于公有领域。") and what follows it are dropped (`LicenceNotice`).
  case licenceNotice = "licence_notice"
}

/// How often each cleaning rule changed a document.
public struct CleaningReport: Sendable, Equatable {
  /// Number of changes per rule; rules that changed nothing are absent.
  public private(set) var counts: [CleaningRule: Int] = [:]

  /// The number of changes `rule` made.
  public subscript(rule: CleaningRule) -> Int { counts[rule, default: 0] }

  package mutating func record(_ rule: CleaningRule, times: Int = 1) {
    counts[rule, default: 0] += times
  }
}

/// How line breaks in a reader's output are to be read.
public enum LineLayout: Sendable, Equatable {
  /// Plain text: a paragraph may be hard-wrapped over several lines, with or without
  /// blank lines between the pieces, and the cleaner joins them.
  case wrappedLines
  /// HTML and Word: every line is a paragraph of its own.
  case paragraphs
}
