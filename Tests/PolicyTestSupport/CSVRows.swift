/// A small RFC 4180 reader for tests: the rows of a CSV text, quoted fields unquoted.
public enum CSVRows {
  /// A row that ends inside a quoted field.
  public struct Unterminated: Error {}

  /// The rows of `text` (fields separated by commas, rows by line feeds).
  public static func parse(_ text: String) throws -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var characters = text.unicodeScalars.makeIterator()
    var pending: Unicode.Scalar? = nil
    while let scalar = pending ?? characters.next() {
      pending = nil
      if quoted {
        if scalar == "\"" {
          let next = characters.next()
          if next == "\"" {
            field.unicodeScalars.append("\"")
          } else {
            quoted = false
            pending = next
          }
        } else {
          field.unicodeScalars.append(scalar)
        }
        continue
      }
      switch scalar {
      case "\"": quoted = true
      case ",":
        row.append(field)
        field = ""
      case "\n":
        row.append(field)
        rows.append(row)
        row = []
        field = ""
      case "\r": break
      default: field.unicodeScalars.append(scalar)
      }
    }
    if quoted { throw Unterminated() }
    if !field.isEmpty || !row.isEmpty {
      row.append(field)
      rows.append(row)
    }
    return rows
  }
}
