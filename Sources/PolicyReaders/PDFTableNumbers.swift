/// The number in the document of the table each table row of a paged document's body
/// belongs to. A table that goes on at the top of the next page, with as many columns,
/// keeps its number (a long task table printed over several pages is one table).
struct PDFTableNumbers {
  /// For each body line that is a table row, its table's number, from 0.
  private(set) var numbers: [Int: Int] = [:]

  init(body: [PDFLine]) {
    var count = 0
    var current: (page: Int, table: Int, number: Int, columns: Int)?
    for (index, line) in body.enumerated() {
      guard let place = line.table else { continue }
      if let open = current, open.page == line.page, open.table == place.table {
      } else if let open = current, line.page == open.page + 1, index > 0,
        body[index - 1].table != nil, body[index - 1].page == open.page,
        open.columns == place.columnCount
      {
        // Goes on from the last line of the page before.
        current = (line.page, place.table, open.number, place.columnCount)
      } else {
        current = (line.page, place.table, count, place.columnCount)
        count += 1
      }
      numbers[index] = current?.number
    }
  }
}
