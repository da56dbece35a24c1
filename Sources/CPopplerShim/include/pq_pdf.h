// pq_pdf.h — the text layer of a PDF through poppler-glib (loaded when the first PDF is
// opened), behind stdint types and an opaque handle: Swift never sees GLib or poppler.
#ifndef PQ_PDF_H
#define PQ_PDF_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// An open PDF document (poppler's PopplerDocument and the bytes it reads).
typedef struct pq_pdf pq_pdf;

/// What `pq_pdf_open` found.
enum {
  /// Opened.
  PQ_PDF_OK = 0,
  /// The document is encrypted and needs a password to be read.
  PQ_PDF_ENCRYPTED = 1,
  /// Not a PDF poppler can read: damaged, truncated, or something else.
  PQ_PDF_DAMAGED = 2,
  /// poppler-glib is not installed (the message says how to install it).
  PQ_PDF_NO_LIBRARY = 3,
};

/// Opens the PDF in `bytes` (copied). On success `*document` is set; otherwise the
/// returned code says why, and up to `message_capacity - 1` bytes of poppler's message
/// are written to `message` (NUL-terminated).
int32_t pq_pdf_open(const uint8_t *bytes, int64_t length, pq_pdf **document, char *message,
                    int32_t message_capacity);

/// The number of pages.
int32_t pq_pdf_page_count(pq_pdf *document);

/// The text layer of page `index` (0-based): its UTF-8 text (`*utf8`, `*utf8_length`),
/// one box per character of that text (`*boxes`: x1, y1, x2, y2 in points, from the
/// page's top left; `*box_count` boxes), and the page's size. The buffers are the
/// caller's, freed with `pq_pdf_free`. Returns 0, or -1 when the page cannot be read.
int32_t pq_pdf_page_text(pq_pdf *document, int32_t index, double *width, double *height,
                         uint8_t **utf8, int64_t *utf8_length, double **boxes,
                         int64_t *box_count);

/// The number of images drawn on page `index` (for telling a scan from an empty page).
int32_t pq_pdf_page_image_count(pq_pdf *document, int32_t index);

/// Renders page `index` (0-based) on white at `scale` pixels per point and writes it as a
/// PNG file at `path` (for OCR). Returns 0, or -1 when the page cannot be rendered or
/// written.
int32_t pq_pdf_render_page_png(pq_pdf *document, int32_t index, double scale, const char *path);

/// Frees a buffer `pq_pdf_page_text` returned.
void pq_pdf_free(void *buffer);

/// Closes the document.
void pq_pdf_close(pq_pdf *document);

#ifdef __cplusplus
}
#endif

#endif
