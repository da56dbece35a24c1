// pq_pdf.c — poppler-glib (and the GLib and cairo calls it needs), loaded with dlopen the
// first time a PDF is opened: a policyq that reads no PDF starts without loading poppler,
// GLib, cairo and the forty libraries behind them (6 ms of every command), and one on a
// machine without poppler says so when given a PDF. The few types and functions used are
// declared here as poppler-glib 0.x–24.x, GLib 2 and cairo 1 define them (stable C ABIs).
#include "pq_pdf.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct PopplerDocument PopplerDocument;
typedef struct PopplerPage PopplerPage;
typedef struct GBytes GBytes;
typedef struct cairo_surface cairo_surface_t;
typedef struct cairo cairo_t;
typedef struct {
  uint32_t domain;
  int code;
  char *message;
} GError;
typedef struct GList {
  void *data;
  struct GList *next;
  struct GList *prev;
} GList;
typedef struct {
  double x1, y1, x2, y2;
} PopplerRectangle;
/// PopplerError's POPPLER_ERROR_ENCRYPTED; cairo's CAIRO_FORMAT_RGB24 and
/// CAIRO_STATUS_SUCCESS.
enum { POPPLER_ERROR_ENCRYPTED = 1, CAIRO_FORMAT_RGB24 = 1, CAIRO_STATUS_SUCCESS = 0 };

/// The functions used, each resolved from the library loaded (and the libraries it
/// depends on: GLib, GObject, cairo).
static struct {
  GBytes *(*g_bytes_new)(const void *, size_t);
  void (*g_bytes_unref)(GBytes *);
  void (*g_error_free)(GError *);
  void (*g_free)(void *);
  void (*g_object_unref)(void *);
  unsigned (*g_list_length)(GList *);
  uint32_t (*poppler_error_quark)(void);
  PopplerDocument *(*poppler_document_new_from_bytes)(GBytes *, const char *, GError **);
  int (*poppler_document_get_n_pages)(PopplerDocument *);
  PopplerPage *(*poppler_document_get_page)(PopplerDocument *, int);
  void (*poppler_page_get_size)(PopplerPage *, double *, double *);
  char *(*poppler_page_get_text)(PopplerPage *);
  int (*poppler_page_get_text_layout)(PopplerPage *, PopplerRectangle **, unsigned *);
  GList *(*poppler_page_get_image_mapping)(PopplerPage *);
  void (*poppler_page_free_image_mapping)(GList *);
  void (*poppler_page_render)(PopplerPage *, cairo_t *);
  cairo_surface_t *(*cairo_image_surface_create)(int, int, int);
  cairo_t *(*cairo_create)(cairo_surface_t *);
  void (*cairo_set_source_rgb)(cairo_t *, double, double, double);
  void (*cairo_paint)(cairo_t *);
  void (*cairo_scale)(cairo_t *, double, double);
  void (*cairo_destroy)(cairo_t *);
  int (*cairo_surface_write_to_png)(cairo_surface_t *, const char *);
  void (*cairo_surface_destroy)(cairo_surface_t *);
} api;
static int api_loaded = 0;
static pthread_once_t api_once = PTHREAD_ONCE_INIT;

#define RESOLVE(name)                                   \
  do {                                                  \
    *(void **)(&api.name) = dlsym(library, #name);      \
    if (api.name == NULL) return;                       \
  } while (0)

/// The library loaded: $POLICYQ_POPPLER_GLIB when set (a packager's path, or a test's
/// missing one), else Debian's soname, else the development link.
static void load_api(void) {
  const char *given = getenv("POLICYQ_POPPLER_GLIB");
  void *library = NULL;
  if (given != NULL && given[0] != 0) {
    library = dlopen(given, RTLD_NOW | RTLD_LOCAL);
  } else {
    library = dlopen("libpoppler-glib.so.8", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) library = dlopen("libpoppler-glib.so", RTLD_NOW | RTLD_LOCAL);
  }
  if (library == NULL) return;
  RESOLVE(g_bytes_new);
  RESOLVE(g_bytes_unref);
  RESOLVE(g_error_free);
  RESOLVE(g_free);
  RESOLVE(g_object_unref);
  RESOLVE(g_list_length);
  RESOLVE(poppler_error_quark);
  RESOLVE(poppler_document_new_from_bytes);
  RESOLVE(poppler_document_get_n_pages);
  RESOLVE(poppler_document_get_page);
  RESOLVE(poppler_page_get_size);
  RESOLVE(poppler_page_get_text);
  RESOLVE(poppler_page_get_text_layout);
  RESOLVE(poppler_page_get_image_mapping);
  RESOLVE(poppler_page_free_image_mapping);
  RESOLVE(poppler_page_render);
  RESOLVE(cairo_image_surface_create);
  RESOLVE(cairo_create);
  RESOLVE(cairo_set_source_rgb);
  RESOLVE(cairo_paint);
  RESOLVE(cairo_scale);
  RESOLVE(cairo_destroy);
  RESOLVE(cairo_surface_write_to_png);
  RESOLVE(cairo_surface_destroy);
  api_loaded = 1;
}

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
  pthread_once(&api_once, load_api);
  if (!api_loaded) {
    copy_message("PDF files are read with poppler-glib, which could not be loaded "
                 "(libpoppler-glib.so.8, or $POLICYQ_POPPLER_GLIB; Debian: apt-get install "
                 "libpoppler-glib8)",
                 message, message_capacity);
    return PQ_PDF_NO_LIBRARY;
  }
  GBytes *data = api.g_bytes_new(bytes, (size_t)length);
  GError *error = NULL;
  pthread_mutex_lock(&pq_open_lock);
  PopplerDocument *opened = api.poppler_document_new_from_bytes(data, NULL, &error);
  pthread_mutex_unlock(&pq_open_lock);
  api.g_bytes_unref(data);
  if (opened == NULL) {
    int32_t code = PQ_PDF_DAMAGED;
    if (error != NULL && error->domain == api.poppler_error_quark() && error->code == POPPLER_ERROR_ENCRYPTED)
      code = PQ_PDF_ENCRYPTED;
    copy_message(error != NULL ? error->message : "unknown error", message, message_capacity);
    if (error != NULL) api.g_error_free(error);
    return code;
  }
  pq_pdf *result = malloc(sizeof(pq_pdf));
  if (result == NULL) {
    api.g_object_unref(opened);
    copy_message("out of memory", message, message_capacity);
    return PQ_PDF_DAMAGED;
  }
  result->document = opened;
  *document = result;
  return PQ_PDF_OK;
}

int32_t pq_pdf_page_count(pq_pdf *document) {
  return (int32_t)api.poppler_document_get_n_pages(document->document);
}

int32_t pq_pdf_page_text(pq_pdf *document, int32_t index, double *width, double *height,
                         uint8_t **utf8, int64_t *utf8_length, double **boxes,
                         int64_t *box_count) {
  *utf8 = NULL;
  *boxes = NULL;
  *utf8_length = 0;
  *box_count = 0;
  PopplerPage *page = api.poppler_document_get_page(document->document, index);
  if (page == NULL) return -1;
  api.poppler_page_get_size(page, width, height);
  char *text = api.poppler_page_get_text(page);
  PopplerRectangle *rectangles = NULL;
  unsigned count = 0;
  if (text != NULL && text[0] != 0) {
    if (!api.poppler_page_get_text_layout(page, &rectangles, &count)) {
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
    api.g_free(text);
    api.g_free(rectangles);
    api.g_object_unref(page);
    return -1;
  }
  if (length > 0) memcpy(copy, text, length);
  copy[length] = 0;
  for (unsigned i = 0; i < count; i++) {
    box_copy[4 * i] = rectangles[i].x1;
    box_copy[4 * i + 1] = rectangles[i].y1;
    box_copy[4 * i + 2] = rectangles[i].x2;
    box_copy[4 * i + 3] = rectangles[i].y2;
  }
  api.g_free(text);
  api.g_free(rectangles);
  api.g_object_unref(page);
  *utf8 = copy;
  *utf8_length = (int64_t)length;
  *boxes = box_copy;
  *box_count = (int64_t)count;
  return 0;
}

int32_t pq_pdf_page_image_count(pq_pdf *document, int32_t index) {
  PopplerPage *page = api.poppler_document_get_page(document->document, index);
  if (page == NULL) return 0;
  GList *mapping = api.poppler_page_get_image_mapping(page);
  int32_t count = (int32_t)api.g_list_length(mapping);
  api.poppler_page_free_image_mapping(mapping);
  api.g_object_unref(page);
  return count;
}

int32_t pq_pdf_render_page_png(pq_pdf *document, int32_t index, double scale, const char *path) {
  PopplerPage *page = api.poppler_document_get_page(document->document, index);
  if (page == NULL) return -1;
  double width = 0, height = 0;
  api.poppler_page_get_size(page, &width, &height);
  int pixels_wide = (int)(width * scale), pixels_high = (int)(height * scale);
  if (pixels_wide <= 0 || pixels_high <= 0 || pixels_wide > 20000 || pixels_high > 20000) {
    api.g_object_unref(page);
    return -1;
  }
  cairo_surface_t *surface = api.cairo_image_surface_create(CAIRO_FORMAT_RGB24, pixels_wide, pixels_high);
  cairo_t *cairo = api.cairo_create(surface);
  api.cairo_set_source_rgb(cairo, 1, 1, 1);
  api.cairo_paint(cairo);
  api.cairo_scale(cairo, scale, scale);
  api.poppler_page_render(page, cairo);
  api.cairo_destroy(cairo);
  int32_t status = api.cairo_surface_write_to_png(surface, path) == CAIRO_STATUS_SUCCESS ? 0 : -1;
  api.cairo_surface_destroy(surface);
  api.g_object_unref(page);
  return status;
}

void pq_pdf_free(void *buffer) { free(buffer); }

void pq_pdf_close(pq_pdf *document) {
  if (document == NULL) return;
  api.g_object_unref(document->document);
  free(document);
}
