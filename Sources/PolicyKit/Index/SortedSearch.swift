/// Binary search in collections sorted in ascending order.
enum SortedSearch {
  /// The position of the first element whose key is not less than `key`.
  static func lowerBound<C: RandomAccessCollection, K: Comparable>(_ key: K, in elements: C, by keyOf: (C.Element) -> K) -> C.Index {
    var low = elements.startIndex
    var high = elements.endIndex
    while low < high {
      let mid = elements.index(low, offsetBy: elements.distance(from: low, to: high) / 2)
      if keyOf(elements[mid]) < key { low = elements.index(after: mid) } else { high = mid }
    }
    return low
  }

  /// The position of the element whose key is `key`, if any.
  static func position<C: RandomAccessCollection, K: Comparable>(of key: K, in elements: C, by keyOf: (C.Element) -> K) -> C.Index? {
    let index = lowerBound(key, in: elements, by: keyOf)
    return index < elements.endIndex && keyOf(elements[index]) == key ? index : nil
  }
}
