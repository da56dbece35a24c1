internal import CXMLShim

/// The one place PolicyKit calls libxml2: runs its SAX parsers over UTF-8 markup and
/// reports events with the byte offsets they were read from.
enum XMLSource {
  /// An event of a SAX parse.
  enum Event {
    /// An element opens; `attributes` holds its class, id and role values, and the
    /// layout attributes as "key=value" (table spans, OFD positions).
    case start(name: String, attributes: String, position: Int)
    /// An element closes.
    case end(name: String, position: Int)
    /// Character data, entities resolved. `start` is where it begins in the input when
    /// libxml2 knows (-1 otherwise); `end` is where the parser stood after reading it.
    case text(UnsafeBufferPointer<UInt8>, start: Int, end: Int)
  }

  /// Which libxml2 parser to run.
  enum Dialect {
    /// The HTML parser in recovery mode, ignoring declared charsets.
    case html
    /// The XML parser in recovery mode, without network access or entity expansion.
    case xml
  }

  /// Parses `utf8` and calls `handler` for each event, in document order.
  /// - Returns: false when an XML document was not well formed (it was recovered).
  @discardableResult
  package static func parse(_ utf8: [UInt8], as dialect: Dialect, handler: (Event) -> Void) -> Bool
  {
    withoutActuallyEscaping(handler) { escapingHandler in
      let box = HandlerBox(escapingHandler)
      let context = Unmanaged.passUnretained(box).toOpaque()
      let result = utf8.withUnsafeBufferPointer { buffer -> Int32 in
        guard let base = buffer.baseAddress else { return 0 }
        switch dialect {
        case .html: return pq_parse_html(base, Int32(buffer.count), forward, context)
        case .xml: return pq_parse_xml(base, Int32(buffer.count), forward, context)
        }
      }
      return result == 0
    }
  }

  private final class HandlerBox {
    let handler: (Event) -> Void
    package init(_ handler: @escaping (Event) -> Void) { self.handler = handler }
  }

  private static let forward: pq_xml_event_fn = {
    context, kind, data, length, aux, auxLength, start, end in
    guard let context else { return }
    let box = Unmanaged<HandlerBox>.fromOpaque(context).takeUnretainedValue()
    let bytes = UnsafeBufferPointer(start: data, count: Int(max(0, length)))
    switch Int(kind) {
    case Int(PQ_XML_START):
      let attributes = UnsafeBufferPointer(start: aux, count: Int(max(0, auxLength)))
      box.handler(
        .start(
          name: String(decoding: bytes, as: UTF8.self),
          attributes: String(decoding: attributes, as: UTF8.self), position: Int(start)))
    case Int(PQ_XML_END):
      box.handler(.end(name: String(decoding: bytes, as: UTF8.self), position: Int(start)))
    default:
      box.handler(.text(bytes, start: Int(start), end: Int(end)))
    }
  }
}
