// pq_xml.c — SAX callbacks that forward events with input positions to Swift.
#include "pq_xml.h"

#include <pthread.h>
#include <string.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

typedef struct {
  xmlParserCtxtPtr parser;
  pq_xml_event_fn handler;
  void *context;
} pq_sax_state;

// The absolute offset of the parser's read position in the input buffer.
static int64_t pq_position(xmlParserCtxtPtr parser) {
  xmlParserInputPtr input = parser->input;
  if (input == NULL || input->cur == NULL || input->base == NULL) return -1;
  return (int64_t)input->consumed + (int64_t)(input->cur - input->base);
}

// Where `text` starts in the input when the parser hands out a pointer into its own
// buffer (libxml2's fast path for plain character data); -1 otherwise.
static int64_t pq_pointer_offset(xmlParserCtxtPtr parser, const xmlChar *text) {
  xmlParserInputPtr input = parser->input;
  if (input == NULL || input->base == NULL || input->end == NULL) return -1;
  if (text >= input->base && text < input->end) {
    return (int64_t)input->consumed + (int64_t)(text - input->base);
  }
  return -1;
}

static void pq_on_start(void *ctx, const xmlChar *name, const xmlChar **attributes) {
  pq_sax_state *state = (pq_sax_state *)ctx;
  char aux[8192];
  size_t used = 0;
  aux[0] = 0;
  if (attributes != NULL) {
    for (const xmlChar **pair = attributes; pair[0] != NULL; pair += 2) {
      const char *key = (const char *)pair[0];
      const char *value = (const char *)pair[1];
      if (value == NULL) continue;
      /* The layout of table cells is passed as "key=value": rowspan, colspan (HTML),
         w:val (of Word's w:gridSpan and w:vMerge); so are the positions of OFD text
         (Boundary, X, Y, DeltaX, Size) and its pages (BaseLoc). */
      int is_layout = strcmp(key, "rowspan") == 0 || strcmp(key, "colspan") == 0 ||
                      strcmp(key, "w:val") == 0 || strcmp(key, "Boundary") == 0 ||
                      strcmp(key, "X") == 0 || strcmp(key, "Y") == 0 ||
                      strcmp(key, "DeltaX") == 0 || strcmp(key, "Size") == 0 ||
                      strcmp(key, "BaseLoc") == 0;
      if (!is_layout && strcmp(key, "class") != 0 && strcmp(key, "id") != 0 && strcmp(key, "role") != 0) {
        continue;
      }
      size_t key_length = is_layout ? strlen(key) + 1 : 0;
      size_t length = strlen(value);
      if (used + key_length + length + 2 >= sizeof(aux)) break;
      if (used > 0) aux[used++] = ' ';
      if (is_layout) {
        memcpy(aux + used, key, key_length - 1);
        used += key_length - 1;
        aux[used++] = '=';
      }
      memcpy(aux + used, value, length);
      used += length;
      aux[used] = 0;
    }
  }
  int64_t position = pq_position(state->parser);
  state->handler(state->context, PQ_XML_START, name, (int32_t)strlen((const char *)name),
                 (const uint8_t *)aux, (int32_t)used, position, position);
}

static void pq_on_end(void *ctx, const xmlChar *name) {
  pq_sax_state *state = (pq_sax_state *)ctx;
  int64_t position = pq_position(state->parser);
  state->handler(state->context, PQ_XML_END, name, (int32_t)strlen((const char *)name), NULL,
                 0, position, position);
}

static void pq_on_text(void *ctx, const xmlChar *text, int length) {
  pq_sax_state *state = (pq_sax_state *)ctx;
  int64_t start = pq_pointer_offset(state->parser, text);
  int64_t end = start >= 0 ? start + length : pq_position(state->parser);
  state->handler(state->context, PQ_XML_TEXT, text, length, NULL, 0, start, end);
}

static void pq_install_handlers(xmlSAXHandlerPtr sax) {
  memset(sax, 0, sizeof(xmlSAXHandler));
  sax->initialized = 1;  // SAX1: qualified names ("w:p"), no namespace processing
  sax->startElement = pq_on_start;
  sax->endElement = pq_on_end;
  sax->characters = pq_on_text;
  sax->ignorableWhitespace = pq_on_text;
  sax->cdataBlock = pq_on_text;
}

// libxml2 sets up its global state (dictionaries' random seed, its mutexes) on first use;
// two threads that parse their first documents at once can both start that set-up and
// wait on each other for ever (seen in extract with --jobs 2: both threads in
// xmlRMutexLock under xmlDictCreate). Its documentation asks for xmlInitParser before
// threads use the library: done once, whichever thread parses first.
static pthread_once_t pq_xml_initialised = PTHREAD_ONCE_INIT;

static void pq_xml_initialise(void) { xmlInitParser(); }

int32_t pq_parse_html(const uint8_t *utf8, int32_t length, pq_xml_event_fn handler,
                      void *context) {
  pthread_once(&pq_xml_initialised, pq_xml_initialise);
  htmlParserCtxtPtr parser = htmlCreateMemoryParserCtxt((const char *)utf8, length);
  if (parser == NULL) return -1;
  pq_sax_state state = {parser, handler, context};
  pq_install_handlers((xmlSAXHandlerPtr)parser->sax);
  parser->userData = &state;
  // The caller decoded the page; without this libxml2 guesses ISO-8859-1 for pages
  // that declare no charset.
  xmlSwitchEncoding(parser, XML_CHAR_ENCODING_UTF8);
  htmlCtxtUseOptions(parser, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                 HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | HTML_PARSE_NOIMPLIED);
  htmlParseDocument(parser);
  parser->userData = parser;
  htmlFreeParserCtxt(parser);
  return 0;
}

int32_t pq_parse_xml(const uint8_t *utf8, int32_t length, pq_xml_event_fn handler,
                     void *context) {
  pthread_once(&pq_xml_initialised, pq_xml_initialise);
  xmlParserCtxtPtr parser = xmlCreateMemoryParserCtxt((const char *)utf8, length);
  if (parser == NULL) return -1;
  pq_sax_state state = {parser, handler, context};
  pq_install_handlers(parser->sax);
  parser->userData = &state;
  xmlCtxtUseOptions(parser, XML_PARSE_RECOVER | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                XML_PARSE_NONET | XML_PARSE_HUGE);
  xmlParseDocument(parser);
  int32_t result = parser->wellFormed ? 0 : 1;
  parser->userData = parser;
  xmlFreeParserCtxt(parser);
  return result;
}
