// swift-tools-version:6.0
import PackageDescription

/// The library's layers, lowest first: the CLI and the tests use them all (PolicyBytes
/// through `package` access, the others through PolicyKit's API).
let layers: [Target.Dependency] = [
  "PolicyBytes", "PolicyText", "PolicyModel", "PolicyReaders", "PolicyExtraction", "PolicyIndex",
  "PolicyCompare",
  "PolicyEvaluation", "PolicyOutput", "PolicyKit",
]

let package = Package(
  name: "policyq",
  platforms: [.macOS(.v13)],
  products: [
    .library(name: "PolicyKit", targets: ["PolicyKit"]),
    .executable(name: "policyq", targets: ["policyq"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    // `swift package generate-documentation --target PolicyKit` (the DocC catalog).
    .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
  ],
  targets: [
    // ICU behind a plain C target: the public header uses only stdint types and
    // opaque pointers, so Swift never sees ICU's versioned symbols or clashes with
    // the ICU copy inside Foundation.
    .target(
      name: "CICUShim",
      linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n")]
    ),
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
    ),
    // The system's SQLite (3.40 on Debian 12: FTS5 built in), for `policyq export --sqlite`.
    .systemLibrary(
      name: "CSQLite",
      pkgConfig: "sqlite3",
      providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
    ),
    // Cache prefetch hints for the indexer's hash-table and scatter loops.
    .target(name: "CPrefetch"),
    // zlib: raw inflate under a size limit and CRC-32 for zip members (.docx).
    .target(name: "CZlibShim", linkerSettings: [.linkedLibrary("z")]),
    // Zstandard with trained dictionaries, for the index's stored text (libzstd-dev); the
    // header uses only stdint types and opaque pointers.
    .target(name: "CZstdShim", linkerSettings: [.linkedLibrary("zstd")]),
    // A small C driver for libxml2's SAX parsers that reports source byte offsets.
    .target(name: "CXMLShim", dependencies: ["CLibXML2"]),
    // Each PDF page's text and the box of each of its characters, over stdint types and
    // an opaque handle, from poppler-glib loaded with dlopen when the first PDF is opened
    // (Debian libpoppler-glib8; no headers needed to build).
    .target(name: "CPopplerShim", linkerSettings: [.linkedLibrary("dl")]),
    // The byte-level tools every layer uses: byte search, UTF-8 scalar loops, SWAR,
    // varints and checksums, raw inflate (zlib), Zstandard, radix sort, sorted search, the
    // small JSON reader, threads.
    // Nothing in it knows a policy document; its API is `package`, not public.
    .target(name: "PolicyBytes", dependencies: ["CZlibShim", "CZstdShim"]),
    // The text layer: decoding (ICU), cleaning, folding, offset maps, lines and their
    // shapes, heading markers; spans, diagnostics and the source a text came from.
    .target(name: "PolicyText", dependencies: ["PolicyBytes", "CICUShim"]),
    // What a policy document is made of: metadata and its document number, sections,
    // measures, responsibility clauses, targets, references; levels and places.
    .target(name: "PolicyModel", dependencies: ["PolicyBytes", "PolicyText"]),
    // Reading files: plain text, Markdown, HTML (libxml2) and .docx (zip, zlib) into a
    // PolicyText; directory listing.
    .target(
      name: "PolicyReaders",
      dependencies: [
        "PolicyBytes", "PolicyText", "PolicyModel", "CXMLShim", "CPopplerShim",
      ]
    ),
    // Reading a document's structure and content: outline, part roles, measures, task
    // tables, metadata (Parsing) and clauses, targets, references, with the dictionaries
    // they read (Extraction).
    .target(
      name: "PolicyExtraction",
      dependencies: ["PolicyBytes", "PolicyText", "PolicyModel"],
      resources: [.copy("Resources/dictionaries")]
    ),
    // The search index: units, bigram postings, index files and their checks, queries, ranking, snippets.
    .target(
      name: "PolicyIndex",
      dependencies: [
        "PolicyBytes", "PolicyText", "PolicyModel", "PolicyReaders", "PolicyExtraction",
        "CPrefetch",
      ]
    ),
    // Comparing two documents: measures aligned, shared passages, targets judged.
    .target(
      name: "PolicyCompare",
      dependencies: ["PolicyBytes", "PolicyText", "PolicyModel", "PolicyExtraction"],
      resources: [.copy("Resources/bigram-df.txt")]),
    // Scoring extraction against gold files (policyq eval).
    .target(
      name: "PolicyEvaluation",
      dependencies: [
        "PolicyBytes", "PolicyText", "PolicyModel", "PolicyReaders", "PolicyExtraction",
      ]
    ),
    // Writing results: JSON, CSV, SQLite, tree, search results, comparison and eval reports.
    .target(
      name: "PolicyOutput",
      dependencies: [
        "PolicyBytes", "PolicyText", "PolicyModel", "PolicyReaders", "PolicyExtraction",
        "PolicyIndex", "PolicyCompare", "PolicyEvaluation", "CSQLite",
      ]),
    .target(
      name: "PolicyKit",
      dependencies: [
        "PolicyBytes",
        "PolicyText",
        "PolicyModel",
        "PolicyReaders",
        "PolicyExtraction",
        "PolicyIndex",
        "PolicyCompare",
        "PolicyEvaluation",
        "PolicyOutput",
      ]
    ),
    .executableTarget(
      name: "policyq",
      dependencies: layers + [.product(name: "ArgumentParser", package: "swift-argument-parser")]
    ),
    // What the tests share: the scratch folder (removed when the test process exits) and
    // .docx files made in memory (ZIPFoundation writes them; policyq reads with zlib).
    .target(
      name: "PolicyTestSupport",
      dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")],
      path: "Tests/PolicyTestSupport"
    ),
    .testTarget(
      name: "PolicyKitTests",
      dependencies: layers + ["PolicyTestSupport"],
      // Golden outlines, read from the source tree (and re-recorded there) by path.
      exclude: ["Snapshots"],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(
      name: "PolicyqTests",
      // policyq itself for SearchArgumentsTests (its two argument readers); the other tests run the built binary.
      dependencies: layers + ["policyq", "PolicyTestSupport"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
