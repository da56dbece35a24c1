/// Searches in collections sorted in ascending order.
@usableFromInline package enum SortedSearch {
  /// The position of the first element whose key is not less than `key`.
  @inlinable package static func lowerBound<C: RandomAccessCollection, K: Comparable>(
    _ key: K, in elements: C, by keyOf: (C.Element) -> K
  ) -> C.Index {
    var low = elements.startIndex
    var high = elements.endIndex
    while low < high {
      let mid = elements.index(low, offsetBy: elements.distance(from: low, to: high) / 2)
      if keyOf(elements[mid]) < key { low = elements.index(after: mid) } else { high = mid }
    }
    return low
  }

  /// The position of the element whose key is `key`, if any.
  @inlinable package static func position<C: RandomAccessCollection, K: Comparable>(
    of key: K, in elements: C, by keyOf: (C.Element) -> K
  ) -> C.Index? {
    let index = lowerBound(key, in: elements, by: keyOf)
    return index < elements.endIndex && keyOf(elements[index]) == key ? index : nil
  }

  /// The first index at or after `from` whose element is not below `value`, in an array
  /// walked forward (the intersection of sorted lists): galloping, then binary search,
  /// cheap both for the next element and for a long jump.
  @inlinable package static func advance<T: Comparable>(_ elements: [T], from: Int, to value: T)
    -> Int
  {
    advance(elements, from: from, to: value, by: { $0 })
  }

  /// The same over the keys of `elements` (the skip list of a posting list, by the last
  /// unit of each block).
  @inlinable package static func advance<Element, K: Comparable>(
    _ elements: [Element], from: Int, to value: K, by keyOf: (Element) -> K
  ) -> Int {
    var low = from
    var step = 1
    var high = from
    while high < elements.count && keyOf(elements[high]) < value {
      low = high + 1
      high += step
      step *= 2
    }
    high = min(high, elements.count)
    while low < high {
      let mid = (low + high) / 2
      if keyOf(elements[mid]) < value { low = mid + 1 } else { high = mid }
    }
    return low
  }
}
