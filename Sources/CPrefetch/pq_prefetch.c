// The functions are inline in the header; this file gives SwiftPM a source to build.
#include "pq_prefetch.h"
