/* lt-print-operation.c: printing a timeline or a graph through the export's pages
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A print is a PDF export drawn onto the printer's pages: the same LtExportDocument lays out
 * the title block, the drawing, the legend and the sources, and the same painters draw, so
 * paper shows what the PDF shows. The paper and orientation start as the export's page size;
 * if the user picks other paper in the print dialog, each page is scaled to fit it. */

#define G_LOG_DOMAIN "lt-print"

#include "config.h"

#include <glib/gi18n.h>

#include "lt-export-document.h"
#include "lt-print-operation.h"

struct _LtPrintOperation
{
  GtkPrintOperation  parent_instance;

  LtExportDocument  *document;
};

G_DEFINE_FINAL_TYPE (LtPrintOperation, lt_print_operation, GTK_TYPE_PRINT_OPERATION)

/* The document measures in CSS pixels (1/96 inch), the print context here in points. */
#define PT_PER_PX 0.75

static void
lt_print_operation_begin_print (GtkPrintOperation *operation,
                                GtkPrintContext   *context)
{
  LtPrintOperation *self = LT_PRINT_OPERATION (operation);

  gtk_print_operation_set_n_pages (operation, lt_export_document_get_n_pages (self->document));
}

static void
lt_print_operation_draw_page (GtkPrintOperation *operation,
                              GtkPrintContext   *context,
                              int                page_nr)
{
  LtPrintOperation *self = LT_PRINT_OPERATION (operation);
  g_autoptr(GskRenderNode) node = NULL;
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double page_w, page_h;
  double room_w = gtk_print_context_get_width (context);
  double room_h = gtk_print_context_get_height (context);
  double scale;

  g_assert (page_nr >= 0);

  node = lt_export_document_dup_page (self->document, page_nr);
  if (node == NULL)
    return;

  lt_export_document_get_page_size (self->document, &page_w, &page_h);
  scale = MIN (room_w / (page_w * PT_PER_PX), room_h / (page_h * PT_PER_PX)) * PT_PER_PX;

  /* centred in what the printer can print */
  cairo_save (cr);
  cairo_translate (cr, (room_w - page_w * scale) / 2, (room_h - page_h * scale) / 2);
  cairo_scale (cr, scale, scale);
  gsk_render_node_draw (node, cr);
  cairo_restore (cr);
}

static void
lt_print_operation_finalize (GObject *object)
{
  LtPrintOperation *self = LT_PRINT_OPERATION (object);

  g_clear_object (&self->document);

  G_OBJECT_CLASS (lt_print_operation_parent_class)->finalize (object);
}

static void
lt_print_operation_class_init (LtPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = lt_print_operation_finalize;
  operation_class->begin_print = lt_print_operation_begin_print;
  operation_class->draw_page = lt_print_operation_draw_page;
}

static void
lt_print_operation_init (LtPrintOperation *self)
{
}

static GtkPageSetup *
page_setup_for (const LtExportOptions *options,
                double                 width,
                double                 height)
{
  g_autoptr(GtkPaperSize) paper = NULL;
  GtkPageSetup *setup = gtk_page_setup_new ();

  switch (options->size)
    {
    case LT_EXPORT_SIZE_LETTER_LANDSCAPE:
    case LT_EXPORT_SIZE_LETTER_PORTRAIT:
      paper = gtk_paper_size_new (GTK_PAPER_NAME_LETTER);
      break;

    case LT_EXPORT_SIZE_A4_LANDSCAPE:
    case LT_EXPORT_SIZE_A4_PORTRAIT:
    case LT_EXPORT_SIZE_HD:
    case LT_EXPORT_SIZE_CUSTOM_PX:
    case LT_EXPORT_SIZE_CUSTOM_MM:
    default:
      paper = gtk_paper_size_new (GTK_PAPER_NAME_A4);
      break;
    }
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  gtk_page_setup_set_orientation (setup, width >= height ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                         : GTK_PAGE_ORIENTATION_PORTRAIT);

  return setup;
}

/**
 * lt_print_operation_new:
 * @store: the chronicle
 * @options: what to print: the page, its window, filters and text, as for an export
 * @error: return location for a #GError
 *
 * Lays out the pages as a PDF export of @options would, on the paper its size names (A4
 * unless it is a Letter size). Run it with gtk_print_operation_run().
 *
 * Returns: (transfer full): the operation, or %NULL with @error set
 */
LtPrintOperation *
lt_print_operation_new (LtStore                *store,
                        const LtExportOptions  *options,
                        GError                **error)
{
  g_autoptr(LtPrintOperation) self = NULL;
  g_autoptr(LtExportOptions) pdf = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  double width, height;

  g_return_val_if_fail (LT_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  /* Paper has pages: a print is laid out as the PDF is, whatever format the dialog shows. */
  pdf = lt_export_options_copy (options);
  pdf->format = LT_EXPORT_FORMAT_PDF;
  if (pdf->size == LT_EXPORT_SIZE_HD || pdf->size == LT_EXPORT_SIZE_CUSTOM_PX)
    pdf->size = LT_EXPORT_SIZE_A4_LANDSCAPE;

  self = g_object_new (LT_TYPE_PRINT_OPERATION, NULL);
  self->document = lt_export_document_new (store, pdf, error);
  if (self->document == NULL)
    return NULL;

  lt_export_document_get_page_size (self->document, &width, &height);
  setup = page_setup_for (pdf, width, height);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_n_pages (GTK_PRINT_OPERATION (self),
                                   lt_export_document_get_n_pages (self->document));
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self),
                                    pdf->title != NULL && *pdf->title != '\0'
                                    ? pdf->title
                                    : pdf->page == LT_EXPORT_PAGE_GRAPH ? _("Organization graph")
                                                                        : _("Timeline"));
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), TRUE);

  return g_steal_pointer (&self);
}

/**
 * lt_print_run:
 * @parent: the window the print dialog belongs to
 * @store: the chronicle
 * @options: what to print
 * @error: return location for a #GError
 *
 * Opens the print dialog for @options (Ctrl+P, and Print in the export dialog); printing goes
 * on after the dialog closes.
 *
 * Returns: %FALSE with @error set if nothing could be printed
 */
gboolean
lt_print_run (GtkWindow              *parent,
              LtStore                *store,
              const LtExportOptions  *options,
              GError                **error)
{
  g_autoptr(LtPrintOperation) self = NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), FALSE);

  self = lt_print_operation_new (store, options, error);
  if (self == NULL)
    return FALSE;

  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (self), TRUE);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (self),
                                    GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, error);

  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}

/**
 * lt_print_operation_get_n_pages:
 * @self: a print operation
 *
 * Returns: how many pages it prints
 */
guint
lt_print_operation_get_n_pages (LtPrintOperation *self)
{
  g_return_val_if_fail (LT_IS_PRINT_OPERATION (self), 0);

  return lt_export_document_get_n_pages (self->document);
}
