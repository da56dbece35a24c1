/// The part of a unit's id after its document's id, as a unit record keeps it: most are
/// `#`, a lowercase letter for the unit's kind and a number (`#m12` the twelfth measure,
/// `#s3`, `#t40`), kept as two small varints (the form, which names the letter, and the
/// number) instead of a string: about three bytes a unit less, 1% of an index.
enum UnitIDSuffix {
  /// The form of `#a…`; `#b…` is the next one, and so on to `#z…`. Forms 0 (the whole
  /// id) and 1 (the suffix as a string) come before.
  static let firstLetterForm = 2

  /// The letter (0 for a) and the number of a suffix `#` + lowercase letter + a number
  /// written without leading zeros; nil for any other suffix (kept as a string).
  static func parts<Bytes: Collection<UInt8>>(of suffix: Bytes) -> (letter: Int, number: Int)? {
    var bytes = suffix.makeIterator()
    guard bytes.next() == UInt8(ascii: "#"), let letter = bytes.next(),
      (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(letter)
    else { return nil }
    var number = 0
    var digits = 0
    while let byte = bytes.next() {
      guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte),
        digits == 0 || number > 0, digits < 9
      else { return nil }
      number = number * 10 + Int(byte - UInt8(ascii: "0"))
      digits += 1
    }
    guard digits > 0 else { return nil }
    return (Int(letter - UInt8(ascii: "a")), number)
  }

  /// The suffix of `form` (at least `firstLetterForm`) and `number`; nil when the form
  /// names no letter or the number is negative (damage).
  static func suffix(form: Int, number: Int) -> String? {
    let letter = form - firstLetterForm
    guard (0..<26).contains(letter), number >= 0 else { return nil }
    return "#" + String(UnicodeScalar(UInt8(ascii: "a") + UInt8(letter))) + String(number)
  }
}
