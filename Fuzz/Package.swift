// swift-tools-version:6.0
import Foundation
import PackageDescription

// The fuzz target, a package of its own on the library's public API: libFuzzer feeds it
// bytes, which it reads as a .txt, .md, HTML or .docx file (the first byte chooses) and
// parses. Build and run with Scripts/fuzz.sh (it passes -sanitize=fuzzer,address).
/// The identity SwiftPM gives the package at "..": the name of its folder.
let library = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().lastPathComponent

let package = Package(
  name: "policyq-fuzz",
  platforms: [.macOS(.v13)],
  dependencies: [.package(path: "..")],
  targets: [
    .target(name: "CFuzzerDriver"),
    .executableTarget(
      name: "policyq-fuzz",
      dependencies: ["CFuzzerDriver", .product(name: "PolicyKit", package: library)]
    ),
  ],
  swiftLanguageModes: [.v6]
)
