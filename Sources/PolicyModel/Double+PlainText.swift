extension Double {
  /// The number as people write it in tables: `16`, not `16.0`; `14.5`; with `decimals`,
  /// rounded first (`0.333`). Numbers too large for an integer (a mistyped 10²³ in a
  /// document) keep Swift's own form rather than trap.
  package func plainText(decimals: Int? = nil) -> String {
    var value = self
    if let decimals {
      var scale = 1.0
      for _ in 0..<decimals { scale *= 10 }
      value = (value * scale).rounded() / scale
    }
    return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }
}
