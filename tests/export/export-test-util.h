/* export-test-util.h: reading back what the export wrote
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "lt-model.h"

G_BEGIN_DECLS

typedef struct
{
  int         width;
  int         height;
  double      dpi;           /* from pHYs, 0 if none */
  GHashTable *text;          /* keyword -> text, from tEXt and iTXt */
  guint       n_colors;      /* distinct colours */
} PngInfo;

LtStore  *export_test_open_chronicle  (const char  *dir,
                                       const char  *database);
char     *export_test_source_path     (const char  *first,
                                       ...) G_GNUC_NULL_TERMINATED;
gboolean  export_test_read_png        (GBytes      *bytes,
                                       PngInfo     *info);
void      export_test_clear_png       (PngInfo     *info);
char     *export_test_pdf_text        (GBytes      *bytes);
char     *export_test_pdf_info        (GBytes      *bytes);
char     *export_test_pdf_outline     (GBytes      *bytes);
char     *export_test_pdf_words_outside (GBytes    *bytes);
gboolean  export_test_svg_is_well_formed (GBytes   *bytes,
                                          GError  **error);
char     *export_test_svg_desc        (GBytes      *bytes);
char     *export_test_squash          (const char  *text);
gboolean  export_test_have_program    (const char  *name);
cairo_surface_t *export_test_render_page (GBytes     *bytes,
                                          const char *format,
                                          int         width,
                                          int         height);

/* A run of the real letapis binary, with no display */
typedef struct
{
  int   status;
  char *out;
  char *err;
} ExportTestRun;

void      export_test_run_clear       (ExportTestRun      *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ExportTestRun, export_test_run_clear)
void      export_test_run_letapis_v   (ExportTestRun      *run,
                                       const char         *data_home,
                                       const char * const *env_extra,
                                       const char         *first_arg,
                                       va_list             args);
int       export_test_exit_status     (const ExportTestRun *run);
void      export_test_remove_dir      (const char         *dir);

G_END_DECLS
