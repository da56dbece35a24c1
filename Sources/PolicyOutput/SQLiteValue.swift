/// A value bound to a statement parameter: SQLite's storage classes, and NULL.
package enum SQLiteValue: Sendable, Equatable {
  case integer(Int)
  case real(Double)
  case text(String)
  case null

  /// Text, or NULL when there is none.
  package static func text(_ value: String?) -> SQLiteValue {
    value.map { .text($0) } ?? .null
  }

  /// An integer, or NULL when there is none.
  package static func integer(_ value: Int?) -> SQLiteValue {
    value.map { .integer($0) } ?? .null
  }

  /// A flag as 0 or 1.
  package static func flag(_ value: Bool) -> SQLiteValue {
    .integer(value ? 1 : 0)
  }
}
