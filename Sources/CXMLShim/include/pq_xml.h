// pq_xml.h — a SAX driver over libxml2 that reports where each event sits in the input.
#ifndef PQ_XML_H
#define PQ_XML_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The kinds of event a parse reports.
enum {
  /// An element opens: `data` is its name (lower case for HTML), `aux` the values of
  /// its class, id and role attributes, space separated, then as "key=value" the
  /// layout attributes (rowspan, colspan, w:val; OFD: Boundary, X, Y, DeltaX, Size, BaseLoc).
  PQ_XML_START = 1,
  /// An element closes: `data` is its name.
  PQ_XML_END = 2,
  /// Character data (entities already resolved): `data` is UTF-8 text; `start` and
  /// `end` bound the input bytes it was read from (`start` may be -1 when unknown).
  PQ_XML_TEXT = 3,
};

/// Receives one event. `start`/`end` are byte offsets into the parsed buffer.
typedef void (*pq_xml_event_fn)(void *context, int32_t kind, const uint8_t *data,
                                int32_t length, const uint8_t *aux, int32_t aux_length,
                                int64_t start, int64_t end);

/// Parses UTF-8 HTML with libxml2's HTML parser in recovery mode, ignoring any charset
/// the page declares (the caller has already decoded it). Returns 0, or a negative
/// value when the parser could not be created.
int32_t pq_parse_html(const uint8_t *utf8, int32_t length, pq_xml_event_fn handler,
                      void *context);

/// Parses UTF-8 XML with libxml2 in recovery mode, without network access or entity
/// expansion. Returns 0 when the document was well formed, 1 when it was recovered
/// from errors, or a negative value when the parser could not be created.
int32_t pq_parse_xml(const uint8_t *utf8, int32_t length, pq_xml_event_fn handler,
                     void *context);

#ifdef __cplusplus
}
#endif

#endif
