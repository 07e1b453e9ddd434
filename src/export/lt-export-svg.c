/* lt-export-svg.c: draw render nodes onto a cairo SVG surface, keeping text as text
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-export"

#include "config.h"

#include <hb.h>
#include <math.h>

#if HAVE_CAIRO_SCRIPT_INTERPRETER
# include <cairo-script.h>
# include <cairo-script-interpreter.h>
#endif

#include "lt-export-svg.h"
#include "lt-xml.h"

/* gsk_render_node_draw() is not enough for SVG, for two reasons.
 *
 * cairo 1.16 (Debian 12) writes a recording surface whose extents do not start at 0,0 as an
 * empty group: its SVG backend replays the recording into a nested surface of the right size
 * at the wrong origin, which drops every operation. Each GskCairoNode is such a recording (its
 * extents are the node's bounds), so lane and legend icons came out blank and the shapes of
 * the timeline landed a lane off. A cairo node's drawing is therefore replayed through cairo's
 * script surface, which moves it to 0,0, into a recording of the same size that starts there,
 * which cairo 1.16 writes correctly (an unbounded one it writes with garbage coordinates).
 * cairo 1.17.6 rewrote the SVG backend; the detour is harmless there.
 *
 * cairo also turns text into glyph outlines, which a reader cannot search, copy or edit.
 * Text nodes become <text> elements instead, one x position per character so they land
 * where Pango put the glyphs; a run whose glyphs cannot be mapped back to characters (a
 * ligature, a missing glyph) keeps its outlines. The elements go on top of the drawing, as
 * labels do on screen. */

typedef struct
{
  GString         *text;        /* the <text> elements, in drawing order */
  GString         *defs;        /* their clip paths */
  GHashTable      *glyph_maps;  /* hb_face_t → (glyph → code point) */
  guint            n_clips;
} SvgWriter;

typedef struct
{
  gboolean         clipped;
  graphene_rect_t  clip;        /* in SVG user units, the surface's device space */
} SvgState;

static void draw_node (SvgWriter      *self,
                       GskRenderNode  *node,
                       cairo_t        *cr,
                       const SvgState *state);

static void
rounded_rect_path (cairo_t              *cr,
                   const GskRoundedRect *rect)
{
  const graphene_rect_t *b = &rect->bounds;
  /* corner centres and the angles each corner's quarter ellipse sweeps, clockwise from the
   * top left: GSK_CORNER_TOP_LEFT, TOP_RIGHT, BOTTOM_RIGHT, BOTTOM_LEFT */
  const double cx[4] = { b->origin.x + rect->corner[0].width,
                         b->origin.x + b->size.width - rect->corner[1].width,
                         b->origin.x + b->size.width - rect->corner[2].width,
                         b->origin.x + rect->corner[3].width };
  const double cy[4] = { b->origin.y + rect->corner[0].height,
                         b->origin.y + rect->corner[1].height,
                         b->origin.y + b->size.height - rect->corner[2].height,
                         b->origin.y + b->size.height - rect->corner[3].height };

  cairo_new_sub_path (cr);
  for (guint i = 0; i < 4; i++)
    {
      double rx = rect->corner[i].width;
      double ry = rect->corner[i].height;
      double start = G_PI + i * G_PI / 2;

      if (rx <= 0 || ry <= 0)
        {
          cairo_line_to (cr, cx[i], cy[i]);
          continue;
        }
      cairo_save (cr);
      cairo_translate (cr, cx[i], cy[i]);
      cairo_scale (cr, rx, ry);
      cairo_arc (cr, 0, 0, 1, start, start + G_PI / 2);
      cairo_restore (cr);
    }
  cairo_close_path (cr);
}

/* The bounding box of @rect in device space. */
static graphene_rect_t
device_rect (cairo_t               *cr,
             const graphene_rect_t *rect)
{
  double xs[4] = { rect->origin.x, rect->origin.x + rect->size.width,
                   rect->origin.x, rect->origin.x + rect->size.width };
  double ys[4] = { rect->origin.y, rect->origin.y,
                   rect->origin.y + rect->size.height, rect->origin.y + rect->size.height };
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  for (guint i = 0; i < 4; i++)
    {
      cairo_user_to_device (cr, &xs[i], &ys[i]);
      x0 = MIN (x0, xs[i]);
      y0 = MIN (y0, ys[i]);
      x1 = MAX (x1, xs[i]);
      y1 = MAX (y1, ys[i]);
    }

  return GRAPHENE_RECT_INIT (x0, y0, x1 - x0, y1 - y0);
}

static void
clip_state (cairo_t               *cr,
            const SvgState        *state,
            const graphene_rect_t *clip,
            SvgState              *inner)
{
  graphene_rect_t r = device_rect (cr, clip);

  inner->clipped = TRUE;
  if (!state->clipped)
    inner->clip = r;
  else if (!graphene_rect_intersection (&state->clip, &r, &inner->clip))
    inner->clip = GRAPHENE_RECT_INIT (0, 0, 0, 0);
}

#if HAVE_CAIRO_SCRIPT_INTERPRETER
/* Where the script being written goes. cairo keeps a script device alive as long as the
 * recordings it wrote and writes to it again when they go away, long after the script was
 * read: those late bytes are dropped. */
static GPrivate script_out;

static cairo_status_t
append_bytes_cb (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  GString *out = g_private_get (&script_out);

  if (out != NULL)
    g_string_append_len (out, (const char *) data, length);

  return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
create_surface_cb (void            *closure,
                   cairo_content_t  content,
                   double           width,
                   double           height,
                   long             uid)
{
  cairo_surface_t **out = closure;
  cairo_surface_t *surface = cairo_recording_surface_create (content,
                                                             &(cairo_rectangle_t) { 0, 0, width,
                                                                                    height });

  /* the script's first surface is the recording being replayed */
  if (*out == NULL)
    *out = cairo_surface_reference (surface);

  return surface;
}

static cairo_status_t
write_script (cairo_surface_t *recording,
              GString         *script)
{
  cairo_device_t *device;
  cairo_status_t status;

  g_private_set (&script_out, script);
  device = cairo_script_create_for_stream (append_bytes_cb, NULL);
  status = cairo_script_from_recording_surface (device, recording);
  cairo_device_finish (device);
  cairo_device_destroy (device);
  g_private_set (&script_out, NULL);

  return status;
}

/* The drawing of @recording, moved so that its extents start at 0,0, in a recording of that
 * size starting there; NULL if cairo could not replay it. */
static cairo_surface_t *
flatten_recording (cairo_surface_t *recording)
{
  cairo_script_interpreter_hooks_t hooks = { 0 };
  cairo_script_interpreter_t *csi;
  g_autoptr(GString) script = g_string_new (NULL);
  cairo_surface_t *flat = NULL;
  cairo_status_t status;

  if (write_script (recording, script) != CAIRO_STATUS_SUCCESS)
    return NULL;

  hooks.closure = &flat;
  hooks.surface_create = create_surface_cb;
  csi = cairo_script_interpreter_create ();
  cairo_script_interpreter_install_hooks (csi, &hooks);
  status = cairo_script_interpreter_feed_string (csi, script->str, script->len);
  cairo_script_interpreter_finish (csi);
  if (cairo_script_interpreter_destroy (csi) != CAIRO_STATUS_SUCCESS)
    status = CAIRO_STATUS_INVALID_RESTORE;

  if (status != CAIRO_STATUS_SUCCESS)
    g_clear_pointer (&flat, cairo_surface_destroy);

  return flat;
}
#endif

/* The resolution of the rare cairo drawing that stays a picture, in image pixels per unit
 * (3 is 288 dpi at the page's size), within a bound on the image's memory. */
#define RASTER_SCALE 3.0
#define RASTER_MAX_PIXELS 2e6

static cairo_surface_t *
rasterize (cairo_surface_t       *recording,
           const graphene_rect_t *bounds,
           double                *scale)
{
  double area = MAX (bounds->size.width * bounds->size.height, 1.0);
  cairo_surface_t *image;
  cairo_t *cr;

  *scale = MIN (RASTER_SCALE, sqrt (RASTER_MAX_PIXELS / area));
  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                      MAX ((int) ceil (bounds->size.width * *scale), 1),
                                      MAX ((int) ceil (bounds->size.height * *scale), 1));
  cr = cairo_create (image);
  cairo_scale (cr, *scale, *scale);
  cairo_translate (cr, -bounds->origin.x, -bounds->origin.y);
  cairo_set_source_surface (cr, recording, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);

  return image;
}

static void
draw_cairo_node (GskRenderNode *node,
                 cairo_t       *cr)
{
  cairo_surface_t *surface = gsk_cairo_node_get_surface (node);
  cairo_surface_t *image;
  graphene_rect_t bounds;
  double scale;

  if (surface == NULL)
    return;

#if !HAVE_CAIRO_SCRIPT_INTERPRETER
  /* without the detour, a cairo that writes recordings right can have them as they are */
  if (cairo_version () >= CAIRO_VERSION_ENCODE (1, 17, 6))
    {
      gsk_render_node_draw (node, cr);
      return;
    }
#endif

  gsk_render_node_get_bounds (node, &bounds);
  cairo_save (cr);
  cairo_rectangle (cr, bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height);
  cairo_clip (cr);

  /* cairo 1.16's script surface fails on some paths ("input path data not valid" for a closed
   * path of only horizontal and vertical lines, such as the lanes' density areas) and leaves
   * the recording in that error, after which it draws nothing anywhere; handing it to the SVG
   * surface instead would lose it and put the whole document in error. So the picture is
   * taken first, and kept where the script fails. */
  image = rasterize (surface, &bounds, &scale);

#if HAVE_CAIRO_SCRIPT_INTERPRETER
  {
    cairo_rectangle_t extents;
    cairo_surface_t *flat;

    if (cairo_surface_get_type (surface) == CAIRO_SURFACE_TYPE_RECORDING &&
        cairo_recording_surface_get_extents (surface, &extents) &&
        (flat = flatten_recording (surface)) != NULL)
      {
        /* the script moved the drawing by the recording's whole-pixel extents */
        cairo_set_source_surface (cr, flat, floor (extents.x), floor (extents.y));
        cairo_paint (cr);
        cairo_restore (cr);
        cairo_surface_destroy (flat);
        cairo_surface_destroy (image);
        return;
      }
  }
#endif

  cairo_translate (cr, bounds.origin.x, bounds.origin.y);
  cairo_scale (cr, 1 / scale, 1 / scale);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
  cairo_surface_destroy (image);
}

/* glyph → code point for @font's face, from its character map */
static GHashTable *
lookup_glyph_map (SvgWriter *self,
                  PangoFont *font)
{
  hb_font_t *hb_font = pango_font_get_hb_font (font);
  hb_face_t *face;
  GHashTable *map;
  hb_set_t *unicodes;
  hb_codepoint_t cp = HB_SET_VALUE_INVALID;

  if (hb_font == NULL)
    return NULL;

  face = hb_font_get_face (hb_font);
  map = g_hash_table_lookup (self->glyph_maps, face);
  if (map != NULL)
    return map;

  map = g_hash_table_new (NULL, NULL);
  unicodes = hb_set_create ();
  hb_face_collect_unicodes (face, unicodes);
  while (hb_set_next (unicodes, &cp))
    {
      hb_codepoint_t glyph;

      /* the lowest code point wins: U+0020 for the space glyph, not U+00A0 */
      if (hb_font_get_nominal_glyph (hb_font, cp, &glyph) &&
          !g_hash_table_contains (map, GUINT_TO_POINTER (glyph)))
        g_hash_table_insert (map, GUINT_TO_POINTER (glyph), GUINT_TO_POINTER (cp));
    }
  hb_set_destroy (unicodes);
  g_hash_table_insert (self->glyph_maps, face, map);

  return map;
}

static void
append_number (GString *out,
               double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* locale-independent: uk and be write a decimal comma */
  g_ascii_formatd (buf, sizeof buf, "%.3f", value);
  g_string_append (out, buf);
}

static void
append_font_style (GString   *out,
                   PangoFont *font)
{
  PangoFontDescription *desc = pango_font_describe_with_absolute_size (font);
  const char *family = pango_font_description_get_family (desc);
  g_autofree char *escaped = lt_xml_escape_text (family != NULL ? family : "sans-serif");

  g_string_append_printf (out, "font-family:'%s',sans-serif;font-size:", escaped);
  append_number (out, pango_font_description_get_size (desc) / (double) PANGO_SCALE);
  g_string_append_printf (out, "px;font-weight:%d;",
                          (int) pango_font_description_get_weight (desc));
  if (pango_font_description_get_style (desc) != PANGO_STYLE_NORMAL)
    g_string_append (out, "font-style:italic;");
  pango_font_description_free (desc);
}

static gboolean
append_text_node (SvgWriter      *self,
                  GskRenderNode  *node,
                  cairo_t        *cr,
                  const SvgState *state)
{
  PangoFont *font = gsk_text_node_get_font (node);
  const graphene_point_t *offset = gsk_text_node_get_offset (node);
  const GdkRGBA *color = gsk_text_node_get_color (node);
  const PangoGlyphInfo *glyphs;
  g_autoptr(GString) chars = g_string_new (NULL);
  g_autoptr(GString) xs = g_string_new (NULL);
  GHashTable *map = lookup_glyph_map (self, font);
  cairo_matrix_t m;
  double x = offset->x;
  guint n_glyphs;

  if (map == NULL)
    return FALSE;

  /* GTK 4.8's gsk_text_node_get_glyphs() leaves its count unset */
  glyphs = gsk_text_node_get_glyphs (node, NULL);
  n_glyphs = gsk_text_node_get_num_glyphs (node);
  for (guint i = 0; i < n_glyphs; i++)
    {
      const PangoGlyphInfo *gi = &glyphs[i];
      gpointer cp;

      if (gi->glyph != PANGO_GLYPH_EMPTY)
        {
          if ((gi->glyph & PANGO_GLYPH_UNKNOWN_FLAG) != 0 ||
              !g_hash_table_lookup_extended (map, GUINT_TO_POINTER (gi->glyph), NULL, &cp))
            return FALSE;

          if (xs->len > 0)
            g_string_append_c (xs, ' ');
          append_number (xs, x + gi->geometry.x_offset / (double) PANGO_SCALE);
          g_string_append_unichar (chars, GPOINTER_TO_UINT (cp));
        }
      x += gi->geometry.width / (double) PANGO_SCALE;
    }

  if (chars->len == 0)
    return TRUE;

  if (state->clipped)
    {
      guint id = ++self->n_clips;

      g_string_append_printf (self->defs, "<clipPath id=\"lt-text-clip%u\"><rect x=\"", id);
      append_number (self->defs, state->clip.origin.x);
      g_string_append (self->defs, "\" y=\"");
      append_number (self->defs, state->clip.origin.y);
      g_string_append (self->defs, "\" width=\"");
      append_number (self->defs, state->clip.size.width);
      g_string_append (self->defs, "\" height=\"");
      append_number (self->defs, state->clip.size.height);
      g_string_append (self->defs, "\"/></clipPath>\n");
      /* a clip on the <text> itself would be read in its transformed coordinates */
      g_string_append_printf (self->text, "<g clip-path=\"url(#lt-text-clip%u)\">", id);
    }

  cairo_get_matrix (cr, &m);
  g_string_append (self->text, "<text xml:space=\"preserve\" transform=\"matrix(");
  append_number (self->text, m.xx);
  g_string_append_c (self->text, ' ');
  append_number (self->text, m.yx);
  g_string_append_c (self->text, ' ');
  append_number (self->text, m.xy);
  g_string_append_c (self->text, ' ');
  append_number (self->text, m.yy);
  g_string_append_c (self->text, ' ');
  append_number (self->text, m.x0);
  g_string_append_c (self->text, ' ');
  append_number (self->text, m.y0);
  g_string_append_printf (self->text, ")\" x=\"%s\" y=\"", xs->str);
  append_number (self->text, offset->y + glyphs[0].geometry.y_offset / (double) PANGO_SCALE);
  g_string_append (self->text, "\" style=\"");
  append_font_style (self->text, font);
  g_string_append_printf (self->text, "fill:#%02x%02x%02x;fill-opacity:",
                          (int) lround (CLAMP (color->red, 0, 1) * 255),
                          (int) lround (CLAMP (color->green, 0, 1) * 255),
                          (int) lround (CLAMP (color->blue, 0, 1) * 255));
  append_number (self->text, color->alpha);
  g_string_append (self->text, "\">");
  {
    g_autofree char *escaped = lt_xml_escape_text (chars->str);

    g_string_append (self->text, escaped);
  }
  g_string_append (self->text, "</text>");
  if (state->clipped)
    g_string_append (self->text, "</g>");
  g_string_append_c (self->text, '\n');

  return TRUE;
}

static void
draw_node (SvgWriter      *self,
           GskRenderNode  *node,
           cairo_t        *cr,
           const SvgState *state)
{
  GskRenderNodeType type = gsk_render_node_get_node_type (node);

  if (type == GSK_CONTAINER_NODE)
    {
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        draw_node (self, gsk_container_node_get_child (node, i), cr, state);
    }
  else if (type == GSK_DEBUG_NODE)
    {
      draw_node (self, gsk_debug_node_get_child (node), cr, state);
    }
  else if (type == GSK_TRANSFORM_NODE &&
           gsk_transform_get_category (gsk_transform_node_get_transform (node))
             >= GSK_TRANSFORM_CATEGORY_2D)
    {
      cairo_matrix_t m;
      float xx, yx, xy, yy, dx, dy;

      gsk_transform_to_2d (gsk_transform_node_get_transform (node), &xx, &yx, &xy, &yy, &dx,
                           &dy);
      cairo_matrix_init (&m, xx, yx, xy, yy, dx, dy);
      cairo_save (cr);
      cairo_transform (cr, &m);
      draw_node (self, gsk_transform_node_get_child (node), cr, state);
      cairo_restore (cr);
    }
  else if (type == GSK_CLIP_NODE)
    {
      const graphene_rect_t *clip = gsk_clip_node_get_clip (node);
      SvgState inner;

      clip_state (cr, state, clip, &inner);
      cairo_save (cr);
      cairo_rectangle (cr, clip->origin.x, clip->origin.y, clip->size.width, clip->size.height);
      cairo_clip (cr);
      draw_node (self, gsk_clip_node_get_child (node), cr, &inner);
      cairo_restore (cr);
    }
  else if (type == GSK_ROUNDED_CLIP_NODE)
    {
      const GskRoundedRect *clip = gsk_rounded_clip_node_get_clip (node);
      SvgState inner;

      clip_state (cr, state, &clip->bounds, &inner);
      cairo_save (cr);
      rounded_rect_path (cr, clip);
      cairo_clip (cr);
      draw_node (self, gsk_rounded_clip_node_get_child (node), cr, &inner);
      cairo_restore (cr);
    }
  else if (type == GSK_CAIRO_NODE)
    {
      draw_cairo_node (node, cr);
    }
  else if (type == GSK_TEXT_NODE)
    {
      if (!append_text_node (self, node, cr, state))
        gsk_render_node_draw (node, cr);
    }
  else
    {
      /* colours, borders and the rest draw as GTK draws them */
      gsk_render_node_draw (node, cr);
    }
}

/**
 * lt_export_svg_draw:
 * @node: what to draw
 * @cr: a context on a cairo SVG surface, in its device space
 *
 * Draws @node onto @cr, except for its text, which comes back as SVG elements to put at the
 * end of the document (over the drawing, in the surface's device space).
 *
 * Returns: (transfer full): a <defs> element and the <text> elements
 */
char *
lt_export_svg_draw (GskRenderNode *node,
                    cairo_t       *cr)
{
  SvgWriter self = { 0 };
  SvgState state = { FALSE };
  GString *out;

  g_return_val_if_fail (GSK_IS_RENDER_NODE (node), NULL);
  g_return_val_if_fail (cr != NULL, NULL);

  self.text = g_string_new (NULL);
  self.defs = g_string_new (NULL);
  self.glyph_maps = g_hash_table_new_full (NULL, NULL, NULL,
                                           (GDestroyNotify) g_hash_table_unref);

  draw_node (&self, node, cr, &state);

  out = g_string_new (NULL);
  if (self.defs->len > 0)
    g_string_append_printf (out, "<defs>\n%s</defs>\n", self.defs->str);
  if (self.text->len > 0)
    g_string_append_printf (out, "<g id=\"lt-text\">\n%s</g>\n", self.text->str);

  g_string_free (self.text, TRUE);
  g_string_free (self.defs, TRUE);
  g_hash_table_unref (self.glyph_maps);

  return g_string_free (out, FALSE);
}
