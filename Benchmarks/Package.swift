// swift-tools-version:6.0
import Foundation
import PackageDescription

// The benchmarks, a package of their own on the library's public API (as swift-markdown
// keeps its): `swift build -c release --static-swift-stdlib --package-path Benchmarks`,
// run from the repository's root (they read corpus/ and ../shared/corpus-real).
/// The identity SwiftPM gives the package at "..": the name of its folder.
let library = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().lastPathComponent

let package = Package(
  name: "policyq-benchmarks",
  platforms: [.macOS(.v13)],
  dependencies: [.package(path: "..")],
  targets: [
    .executableTarget(
      name: "policyq-benchmarks",
      dependencies: [.product(name: "PolicyKit", package: library)]
    )
  ],
  swiftLanguageModes: [.v6]
)
