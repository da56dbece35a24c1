import PolicyIndex
import PolicyModel

/// `template.json` of `policyq export --opensearch`: a composable index template for
/// `policyq-units*` with the analysis chain that matches text as policyq does and the
/// mappings of the bulk lines (`OpenSearchFields`). It needs the analysis-icu plugin.
///
/// The chain: `icu_normalizer` (NFKC with case folding: full-width → ASCII, upper → lower)
/// before the `standard` tokenizer (one token per Han character, Latin and digit runs as
/// words), `icu_transform` Traditional-Simplified (固廢 → 固废), then `cjk_bigram`: with
/// unigrams at index time, pairs only at search time. A one-character query term is then a
/// unigram, a longer one a phrase of consecutive pairs: exact matching on the folded text,
/// as policyq's bigram postings give.
package enum OpenSearchTemplate {
  /// The template, pretty-printed, ending in a line feed.
  package static func json() -> String {
    var json = JSONWriter()
    json.beginObject()
    json.beginArray("index_patterns")
    json.string(nil, OpenSearchFields.indexName + "*")
    json.endArray()
    json.int("priority", 100)
    json.beginObject("_meta")
    json.string("generator", "policyq export --opensearch")
    json.int("schema_version", OpenSearchFields.schemaVersion)
    json.string("requires", "the analysis-icu plugin (bin/opensearch-plugin install analysis-icu)")
    json.endObject()
    json.beginObject("template")
    writeSettings(to: &json)
    writeMappings(to: &json)
    json.endObject()
    json.endObject()
    return json.output + "\n"
  }

  private static func writeSettings(to json: inout JSONWriter) {
    json.beginObject("settings")
    json.int("number_of_shards", 1)
    json.int("number_of_replicas", 1)
    json.beginObject("similarity")
    json.beginObject("policyq_bm25")
    json.string("type", "BM25")
    json.double("k1", Searcher.k1)
    json.double("b", Searcher.b)
    json.endObject()
    json.endObject()
    json.beginObject("analysis")
    json.beginObject("char_filter")
    json.beginObject("policyq_nfkc_cf")
    json.string("type", "icu_normalizer")
    json.string("name", "nfkc_cf")
    json.endObject()
    json.endObject()
    json.beginObject("filter")
    json.beginObject("policyq_traditional_to_simplified")
    json.string("type", "icu_transform")
    json.string("id", "Traditional-Simplified")
    json.endObject()
    for (name, unigrams) in [
      ("policyq_unigrams_and_bigrams", true), ("policyq_bigrams_only", false),
    ] {
      json.beginObject(name)
      json.string("type", "cjk_bigram")
      json.bool("output_unigrams", unigrams)
      json.endObject()
    }
    json.endObject()
    json.beginObject("analyzer")
    for (name, bigrams) in [
      (OpenSearchFields.indexAnalyzer, "policyq_unigrams_and_bigrams"),
      (OpenSearchFields.searchAnalyzer, "policyq_bigrams_only"),
    ] {
      json.beginObject(name)
      json.string("type", "custom")
      json.beginArray("char_filter")
      json.string(nil, "policyq_nfkc_cf")
      json.endArray()
      json.string("tokenizer", "standard")
      json.beginArray("filter")
      json.string(nil, "policyq_traditional_to_simplified")
      json.string(nil, bigrams)
      json.endArray()
      json.endObject()
    }
    json.endObject()
    json.endObject()
    json.endObject()
  }

  private static func writeMappings(to json: inout JSONWriter) {
    typealias Fields = OpenSearchFields
    json.beginObject("mappings")
    json.beginObject("_meta")
    json.int("schema_version", Fields.schemaVersion)
    json.endObject()
    json.string("dynamic", "strict")
    json.beginObject("properties")
    keyword(Fields.unitID, to: &json)
    keyword(Fields.unitKind, to: &json)
    analysed(Fields.heading, to: &json)
    analysed(Fields.text, to: &json)
    stored(Fields.path, to: &json)
    integer(Fields.headingLength, to: &json)
    integer(Fields.sourceLine, to: &json)
    integer(Fields.page, to: &json)
    integer(Fields.pageLine, to: &json)
    integer(Fields.targetYear, to: &json)
    json.beginObject(Fields.departmentList)
    json.string("type", "object")
    json.bool("enabled", false)
    json.endObject()
    json.beginObject(Fields.departments)
    json.beginObject("properties")
    for role in [nil] + ResponsibilityRole.allCases.map(Optional.some) {
      json.beginObject(Fields.departmentGroup(role))
      json.beginObject("properties")
      for key in Fields.DepartmentKey.allCases { keyword(key.rawValue, to: &json) }
      json.endObject()
      json.endObject()
    }
    json.endObject()
    json.endObject()
    json.beginObject(Fields.document)
    json.beginObject("properties")
    for field in Fields.DocumentField.allCases {
      switch field {
      case .title: analysed(field.rawValue, to: &json)
      case .year, .periodStart, .periodEnd: integer(field.rawValue, to: &json)
      default: keyword(field.rawValue, to: &json)
      }
    }
    json.endObject()
    json.endObject()
    json.endObject()
    json.endObject()
  }

  /// A keyword field; a value longer than 4,096 characters (more than Lucene's longest
  /// term in the worst case) is kept in `_source` but not indexed.
  private static func keyword(_ name: String, to json: inout JSONWriter) {
    json.beginObject(name)
    json.string("type", "keyword")
    json.int("ignore_above", 4096)
    json.endObject()
  }

  private static func integer(_ name: String, to json: inout JSONWriter) {
    json.beginObject(name)
    json.string("type", "integer")
    json.endObject()
  }

  /// A field kept in `_source` only.
  private static func stored(_ name: String, to json: inout JSONWriter) {
    json.beginObject(name)
    json.string("type", "keyword")
    json.bool("index", false)
    json.bool("doc_values", false)
    json.endObject()
  }

  /// A text field searched as policyq searches text.
  private static func analysed(_ name: String, to json: inout JSONWriter) {
    json.beginObject(name)
    json.string("type", "text")
    json.string("analyzer", OpenSearchFields.indexAnalyzer)
    json.string("search_analyzer", OpenSearchFields.searchAnalyzer)
    json.string("similarity", "policyq_bm25")
    json.endObject()
  }
}
