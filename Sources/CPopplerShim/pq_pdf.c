// pq_pdf.c — the only file that includes poppler-glib and GLib.
#include "pq_pdf.h"

#include <glib.h>
#include <poppler.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* poppler sets up its global parameters when the first document opens; documents are
   opened one at a time so that two threads never race to do it. */
static pthread_mutex_t pq_open_lock = PTHREAD_MUTEX_INITIALIZER;

struct pq_pdf {
  PopplerDocument *document;
};

static void copy_message(const char *text, char *message, int32_t capacity) {
  if (message == NULL || capacity <= 0) return;
  if (text == NULL) text = "";
  size_t length = strlen(text);
  if (length > (size_t)(capacity - 1)) length = (size_t)(capacity - 1);
  memcpy(message, text, length);
  message[length] = 0;
}

int32_t pq_pdf_open(const uint8_t *bytes, int64_t length, pq_pdf **document, char *message,
                    int32_t message_capacity) {
  *document = NULL;
  GBytes *data = g_bytes_new(bytes, (gsize)length);
  GError *error = NULL;
  pthread_mutex_lock(&pq_open_lock);
  PopplerDocument *opened = poppler_document_new_from_bytes(data, NULL, &error);
  pthread_mutex_unlock(&pq_open_lock);
  g_bytes_unref(data);
  if (opened == NULL) {
    int32_t code = PQ_PDF_DAMAGED;
    if (error != NULL && error->domain == POPPLER_ERROR && error->code == POPPLER_ERROR_ENCRYPTED)
      code = PQ_PDF_ENCRYPTED;
    copy_message(error != NULL ? error->message : "unknown error", message, message_capacity);
    if (error != NULL) g_error_free(error);
    return code;
  }
  pq_pdf *result = malloc(sizeof(pq_pdf));
  if (result == NULL) {
    g_object_unref(opened);
    copy_message("out of memory", message, message_capacity);
    return PQ_PDF_DAMAGED;
  }
  result->document = opened;
  *document = result;
  return PQ_PDF_OK;
}

int32_t pq_pdf_page_count(pq_pdf *document) {
  return (int32_t)poppler_document_get_n_pages(document->document);
}

int32_t pq_pdf_page_text(pq_pdf *document, int32_t index, double *width, double *height,
                         uint8_t **utf8, int64_t *utf8_length, double **boxes,
                         int64_t *box_count) {
  *utf8 = NULL;
  *boxes = NULL;
  *utf8_length = 0;
  *box_count = 0;
  PopplerPage *page = poppler_document_get_page(document->document, index);
  if (page == NULL) return -1;
  poppler_page_get_size(page, width, height);
  char *text = poppler_page_get_text(page);
  PopplerRectangle *rectangles = NULL;
  guint count = 0;
  if (text != NULL && text[0] != 0) {
    if (!poppler_page_get_text_layout(page, &rectangles, &count)) {
      rectangles = NULL;
      count = 0;
    }
  }
  size_t length = text != NULL ? strlen(text) : 0;
  uint8_t *copy = malloc(length + 1);
  double *box_copy = malloc(sizeof(double) * 4 * (count > 0 ? count : 1));
  if (copy == NULL || box_copy == NULL) {
    free(copy);
    free(box_copy);
    g_free(text);
    g_free(rectangles);
    g_object_unref(page);
    return -1;
  }
  if (length > 0) memcpy(copy, text, length);
  copy[length] = 0;
  for (guint i = 0; i < count; i++) {
    box_copy[4 * i] = rectangles[i].x1;
    box_copy[4 * i + 1] = rectangles[i].y1;
    box_copy[4 * i + 2] = rectangles[i].x2;
    box_copy[4 * i + 3] = rectangles[i].y2;
  }
  g_free(text);
  g_free(rectangles);
  g_object_unref(page);
  *utf8 = copy;
  *utf8_length = (int64_t)length;
  *boxes = box_copy;
  *box_count = (int64_t)count;
  return 0;
}

int32_t pq_pdf_page_image_count(pq_pdf *document, int32_t index) {
  PopplerPage *page = poppler_document_get_page(document->document, index);
  if (page == NULL) return 0;
  GList *mapping = poppler_page_get_image_mapping(page);
  int32_t count = (int32_t)g_list_length(mapping);
  poppler_page_free_image_mapping(mapping);
  g_object_unref(page);
  return count;
}

int32_t pq_pdf_render_page_png(pq_pdf *document, int32_t index, double scale, const char *path) {
  PopplerPage *page = poppler_document_get_page(document->document, index);
  if (page == NULL) return -1;
  double width = 0, height = 0;
  poppler_page_get_size(page, &width, &height);
  int pixels_wide = (int)(width * scale), pixels_high = (int)(height * scale);
  if (pixels_wide <= 0 || pixels_high <= 0 || pixels_wide > 20000 || pixels_high > 20000) {
    g_object_unref(page);
    return -1;
  }
  cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pixels_wide, pixels_high);
  cairo_t *cairo = cairo_create(surface);
  cairo_set_source_rgb(cairo, 1, 1, 1);
  cairo_paint(cairo);
  cairo_scale(cairo, scale, scale);
  poppler_page_render(page, cairo);
  cairo_destroy(cairo);
  int32_t status = cairo_surface_write_to_png(surface, path) == CAIRO_STATUS_SUCCESS ? 0 : -1;
  cairo_surface_destroy(surface);
  g_object_unref(page);
  return status;
}

void pq_pdf_free(void *buffer) { free(buffer); }

void pq_pdf_close(pq_pdf *document) {
  if (document == NULL) return;
  g_object_unref(document->document);
  free(document);
}
