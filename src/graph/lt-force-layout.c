/* lt-force-layout.c: the multilevel force-directed layout of the graph and the removal of
 * overlaps between boxes, in plain C on the calling thread
 *
 * Copyright 2026 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A multilevel spring-electrical layout (Hu, "Efficient and high quality force-directed graph
 * drawing", 2005) with two differences that suit the scale-free graphs of a chronicle:
 *
 * - coarsening takes a maximal independent set of "suns" in order of decreasing degree and
 *   merges every other node into an adjacent sun (Hachul and Jünger's solar systems), because
 *   edge matching stalls on hubs: a hub can only be matched once per level;
 * - repulsion is weighted by the masses of the merged groups, so a coarse node stands for the
 *   area its members will need, and a weak gravity keeps disconnected parts in view.
 *
 * Repulsion is approximated with a Barnes-Hut quadtree built over the points sorted by Morton
 * code, so that a cell covers a contiguous range and the tree is walked without a stack.
 * Everything is deterministic for a given seed: no threads, our own PRNG.
 */

#define G_LOG_DOMAIN "lt-force-layout"

#include "config.h"

#include <math.h>
#include <string.h>

#include "lt-force-layout.h"

#define REPULSION      0.2f   /* Hu's C */
#define GRAVITY        0.08f
#define THETA          0.9f
#define LEAF_SIZE      8
#define MAX_DEPTH      16
#define COOLING        0.9
#define COARSEST_SIZE  24
#define MAX_LEVEL_ITER 400

typedef struct
{
  guint   n;
  guint  *offsets;
  guint  *adj;
  float  *adj_w;
  float  *mass;
  guint  *group;    /* index of the node's group in the next coarser level */
  guint8 *is_sun;
  float  *xy;
} Level;

typedef struct
{
  float   cx;
  float   cy;
  float   mass;
  float   size2;
  guint32 first;
  guint32 count;
  guint32 skip;
  guint32 leaf;
} Cell;

struct _LtForceLayout
{
  guint      n;
  float     *xy;          /* finest level, interleaved x, y */
  float     *projected;   /* finest positions while a coarser level is being laid out */
  guint8    *placed;
  guint8    *pinned;
  GPtrArray *levels;      /* of Level*, [0] is the finest and shares xy */
  guint      level;

  guint64    rng;
  float      K;
  double     tolerance;
  float      gravity;
  double     step;
  double     energy;
  guint      progress;
  guint      level_iterations;
  guint      iterations;
  gboolean   prepared;
  gboolean   converged;

  /* Barnes-Hut workspace, reused between iterations */
  guint64   *keys;
  guint64   *keys_tmp;
  float     *sx;
  float     *sy;
  float     *sm;
  float     *fx;
  float     *fy;
  Cell      *cells;
  guint      n_cells;
  guint      cells_alloc;
};

static inline guint64
next_random (guint64 *state)
{
  /* splitmix64: tiny, fast, and the same on every platform */
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

static inline double
next_double (guint64 *state)
{
  return (next_random (state) >> 11) * (1.0 / 9007199254740992.0);
}

static void
level_free (gpointer data)
{
  Level *level = data;

  g_free (level->offsets);
  g_free (level->adj);
  g_free (level->adj_w);
  g_free (level->mass);
  g_free (level->group);
  g_free (level->is_sun);
  /* xy is freed by the layout: level 0 borrows the layout's own array */
  g_free (level);
}

static Level *
level_new_from_edges (guint              n,
                      const LtForceEdge *edges,
                      guint              n_edges)
{
  Level *level = g_new0 (Level, 1);
  guint *fill;

  level->n = n;
  level->offsets = g_new0 (guint, n + 1);
  for (guint i = 0; i < n_edges; i++)
    {
      if (edges[i].source == edges[i].target || edges[i].source >= n || edges[i].target >= n)
        continue;
      level->offsets[edges[i].source + 1]++;
      level->offsets[edges[i].target + 1]++;
    }
  for (guint i = 0; i < n; i++)
    level->offsets[i + 1] += level->offsets[i];

  level->adj = g_new (guint, MAX (level->offsets[n], 1));
  level->adj_w = g_new (float, MAX (level->offsets[n], 1));
  fill = g_memdup2 (level->offsets, sizeof (guint) * n);
  for (guint i = 0; i < n_edges; i++)
    {
      guint a = edges[i].source;
      guint b = edges[i].target;
      float w = edges[i].weight > 0 ? edges[i].weight : 1.0f;

      if (a == b || a >= n || b >= n)
        continue;
      level->adj[fill[a]] = b;
      level->adj_w[fill[a]++] = w;
      level->adj[fill[b]] = a;
      level->adj_w[fill[b]++] = w;
    }
  g_free (fill);

  level->mass = g_new (float, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    level->mass[i] = 1.0f;

  return level;
}

typedef struct
{
  guint  node;
  guint  degree;
} DegreeEntry;

static int
compare_degree (gconstpointer a,
                gconstpointer b)
{
  const DegreeEntry *da = a;
  const DegreeEntry *db = b;

  if (da->degree != db->degree)
    return da->degree > db->degree ? -1 : 1;
  return da->node < db->node ? -1 : (da->node > db->node);
}

/* Merges every node into an adjacent sun; returns the coarser level, or NULL when it would not
 * shrink the graph enough to be worth a level. */
static Level *
coarsen (Level *fine)
{
  g_autofree DegreeEntry *order = g_new (DegreeEntry, fine->n);
  g_autofree guint *marker = NULL;
  g_autofree guint *count = NULL;
  Level *coarse;
  guint n_coarse = 0;
  guint n_edges = 0;

  for (guint i = 0; i < fine->n; i++)
    {
      order[i].node = i;
      order[i].degree = fine->offsets[i + 1] - fine->offsets[i];
    }
  qsort (order, fine->n, sizeof (DegreeEntry), compare_degree);

  fine->group = g_new (guint, fine->n);
  fine->is_sun = g_new0 (guint8, fine->n);
  for (guint i = 0; i < fine->n; i++)
    fine->group[i] = G_MAXUINT;

  for (guint k = 0; k < fine->n; k++)
    {
      guint v = order[k].node;

      if (fine->group[v] != G_MAXUINT)
        continue;
      fine->group[v] = n_coarse;
      fine->is_sun[v] = TRUE;
      for (guint e = fine->offsets[v]; e < fine->offsets[v + 1]; e++)
        if (fine->group[fine->adj[e]] == G_MAXUINT)
          fine->group[fine->adj[e]] = n_coarse;
      n_coarse++;
    }

  /* a level that barely shrinks is not worth its iterations */
  if (n_coarse > fine->n * 0.85)
    {
      g_clear_pointer (&fine->group, g_free);
      g_clear_pointer (&fine->is_sun, g_free);
      return NULL;
    }

  coarse = g_new0 (Level, 1);
  coarse->n = n_coarse;
  coarse->mass = g_new0 (float, n_coarse);
  for (guint v = 0; v < fine->n; v++)
    coarse->mass[fine->group[v]] += fine->mass[v];

  /* Adjacency of the groups: members are visited group by group so that a marker array merges
   * parallel edges without a hash table. */
  {
    g_autofree guint *member_offsets = g_new0 (guint, n_coarse + 1);
    g_autofree guint *members = g_new (guint, fine->n);
    g_autofree guint *slot = g_new (guint, n_coarse);
    GArray *adj = g_array_sized_new (FALSE, FALSE, sizeof (guint), fine->offsets[fine->n] / 2 + 1);
    GArray *adj_w = g_array_sized_new (FALSE, FALSE, sizeof (float), fine->offsets[fine->n] / 2 + 1);

    count = g_new0 (guint, n_coarse);
    for (guint v = 0; v < fine->n; v++)
      member_offsets[fine->group[v] + 1]++;
    for (guint g = 0; g < n_coarse; g++)
      member_offsets[g + 1] += member_offsets[g];
    for (guint v = 0; v < fine->n; v++)
      members[member_offsets[fine->group[v]] + count[fine->group[v]]++] = v;

    marker = g_new (guint, n_coarse);
    for (guint g = 0; g < n_coarse; g++)
      marker[g] = G_MAXUINT;

    coarse->offsets = g_new0 (guint, n_coarse + 1);
    for (guint g = 0; g < n_coarse; g++)
      {
        for (guint m = member_offsets[g]; m < member_offsets[g + 1]; m++)
          {
            guint v = members[m];

            for (guint e = fine->offsets[v]; e < fine->offsets[v + 1]; e++)
              {
                guint h = fine->group[fine->adj[e]];

                if (h == g)
                  continue;
                if (marker[h] != g)
                  {
                    marker[h] = g;
                    slot[h] = adj->len;
                    g_array_append_val (adj, h);
                    g_array_append_val (adj_w, fine->adj_w[e]);
                  }
                else
                  {
                    g_array_index (adj_w, float, slot[h]) += fine->adj_w[e];
                  }
              }
          }
        coarse->offsets[g + 1] = adj->len;
      }
    n_edges = adj->len;
    coarse->adj = (guint *) (gpointer) g_array_free (adj, FALSE);
    coarse->adj_w = (float *) (gpointer) g_array_free (adj_w, FALSE);
  }

  /* Merged weights grow with the groups; the square root keeps hubs from collapsing together. */
  for (guint e = 0; e < n_edges; e++)
    coarse->adj_w[e] = sqrtf (coarse->adj_w[e]);

  coarse->xy = g_new0 (float, 2 * MAX (n_coarse, 1));

  return coarse;
}

static inline guint32
spread_bits (guint32 v)
{
  v &= 0xFFFF;
  v = (v | (v << 8)) & 0x00FF00FF;
  v = (v | (v << 4)) & 0x0F0F0F0F;
  v = (v | (v << 2)) & 0x33333333;
  v = (v | (v << 1)) & 0x55555555;
  return v;
}

static void
radix_sort (guint64 *keys,
            guint64 *tmp,
            guint    n)
{
  /* the Morton code sits in the upper 32 bits, the index in the lower 32 */
  for (guint shift = 32; shift < 64; shift += 8)
    {
      guint counts[257] = { 0 };

      for (guint i = 0; i < n; i++)
        counts[((keys[i] >> shift) & 0xFF) + 1]++;
      for (guint b = 0; b < 256; b++)
        counts[b + 1] += counts[b];
      for (guint i = 0; i < n; i++)
        tmp[counts[(keys[i] >> shift) & 0xFF]++] = keys[i];
      memcpy (keys, tmp, sizeof (guint64) * n);
    }
}

static guint
alloc_cell (LtForceLayout *self)
{
  if (self->n_cells == self->cells_alloc)
    {
      self->cells_alloc = MAX (64, self->cells_alloc * 2);
      self->cells = g_renew (Cell, self->cells, self->cells_alloc);
    }
  return self->n_cells++;
}

static guint
build_cell (LtForceLayout *self,
            guint          first,
            guint          count,
            guint          depth,
            float          size)
{
  guint ci = alloc_cell (self);
  float cx = 0;
  float cy = 0;
  float mass = 0;

  self->cells[ci].first = first;
  self->cells[ci].count = count;
  self->cells[ci].size2 = size * size;

  if (count <= LEAF_SIZE || depth >= MAX_DEPTH)
    {
      for (guint i = first; i < first + count; i++)
        {
          cx += self->sx[i] * self->sm[i];
          cy += self->sy[i] * self->sm[i];
          mass += self->sm[i];
        }
      self->cells[ci].leaf = TRUE;
    }
  else
    {
      guint shift = 32 + 2 * (MAX_DEPTH - 1 - depth);
      guint start = first;
      guint end = first + count;

      self->cells[ci].leaf = FALSE;
      while (start < end)
        {
          guint quadrant = (self->keys[start] >> shift) & 3;
          guint stop = start + 1;
          guint child;

          /* galloping search for the end of this quadrant's run */
          {
            guint lo = start;
            guint hi = end;

            while (lo + 1 < hi)
              {
                guint mid = lo + (hi - lo) / 2;

                if (((self->keys[mid] >> shift) & 3) == quadrant)
                  lo = mid;
                else
                  hi = mid;
              }
            stop = hi;
          }

          child = build_cell (self, start, stop - start, depth + 1, size * 0.5f);
          cx += self->cells[child].cx * self->cells[child].mass;
          cy += self->cells[child].cy * self->cells[child].mass;
          mass += self->cells[child].mass;
          start = stop;
        }
    }

  self->cells[ci].mass = mass;
  self->cells[ci].cx = mass > 0 ? cx / mass : 0;
  self->cells[ci].cy = mass > 0 ? cy / mass : 0;
  self->cells[ci].skip = self->n_cells;

  return ci;
}

static void
ensure_workspace (LtForceLayout *self,
                  guint          n)
{
  if (self->keys != NULL)
    return;

  self->keys = g_new (guint64, MAX (self->n, 1));
  self->keys_tmp = g_new (guint64, MAX (self->n, 1));
  self->sx = g_new (float, MAX (self->n, 1));
  self->sy = g_new (float, MAX (self->n, 1));
  self->sm = g_new (float, MAX (self->n, 1));
  self->fx = g_new (float, MAX (self->n, 1));
  self->fy = g_new (float, MAX (self->n, 1));
}

static double
iterate (LtForceLayout *self,
         Level         *level)
{
  const float theta2 = THETA * THETA;
  const float K = self->K;
  const float cK2 = REPULSION * K * K;
  float *xy = level->xy;
  guint n = level->n;
  float min_x = G_MAXFLOAT;
  float min_y = G_MAXFLOAT;
  float max_x = -G_MAXFLOAT;
  float max_y = -G_MAXFLOAT;
  double sum_x = 0;
  double sum_y = 0;
  double total_mass = 0;
  double energy = 0;
  float size;
  float scale;
  float gx;
  float gy;
  float radius0;
  float gravity;

  ensure_workspace (self, n);

  for (guint i = 0; i < n; i++)
    {
      min_x = MIN (min_x, xy[2 * i]);
      max_x = MAX (max_x, xy[2 * i]);
      min_y = MIN (min_y, xy[2 * i + 1]);
      max_y = MAX (max_y, xy[2 * i + 1]);
      sum_x += xy[2 * i] * level->mass[i];
      sum_y += xy[2 * i + 1] * level->mass[i];
      total_mass += level->mass[i];
    }
  gx = sum_x / total_mass;
  gy = sum_y / total_mass;
  size = MAX (max_x - min_x, max_y - min_y) * 1.0001f + 1e-6f;
  scale = 65535.0f / size;

  for (guint i = 0; i < n; i++)
    {
      guint32 qx = (guint32) ((xy[2 * i] - min_x) * scale);
      guint32 qy = (guint32) ((xy[2 * i + 1] - min_y) * scale);
      guint64 code = (spread_bits (qy) << 1) | spread_bits (qx);

      self->keys[i] = (code << 32) | i;
    }
  radix_sort (self->keys, self->keys_tmp, n);
  for (guint s = 0; s < n; s++)
    {
      guint i = (guint32) self->keys[s];

      self->sx[s] = xy[2 * i];
      self->sy[s] = xy[2 * i + 1];
      self->sm[s] = level->mass[i];
    }

  self->n_cells = 0;
  build_cell (self, 0, n, 0, size);

  /* Repulsion, in Morton order so that consecutive walks touch the same cells */
  for (guint s = 0; s < n; s++)
    {
      const float px = self->sx[s];
      const float py = self->sy[s];
      float fx = 0;
      float fy = 0;
      guint ci = 0;

      while (ci < self->n_cells)
        {
          const Cell *cell = &self->cells[ci];
          float dx = px - cell->cx;
          float dy = py - cell->cy;
          float d2 = dx * dx + dy * dy;

          if (cell->leaf)
            {
              for (guint j = cell->first; j < cell->first + cell->count; j++)
                {
                  float ex = px - self->sx[j];
                  float ey = py - self->sy[j];
                  float e2 = ex * ex + ey * ey;

                  if (j == s)
                    continue;
                  if (e2 < 1e-8f * K * K)
                    {
                      /* coincident points: push apart in a direction fixed by the pair */
                      guint h = (s * 2654435761u) ^ (j * 40503u);

                      ex = ((h & 0xFF) / 127.5f - 1.0f) * 1e-3f * K;
                      ey = (((h >> 8) & 0xFF) / 127.5f - 1.0f) * 1e-3f * K;
                      e2 = ex * ex + ey * ey + 1e-12f;
                    }
                  fx += self->sm[j] * ex / e2;
                  fy += self->sm[j] * ey / e2;
                }
              ci = cell->skip;
            }
          else if (cell->size2 < theta2 * d2)
            {
              fx += cell->mass * dx / d2;
              fy += cell->mass * dy / d2;
              ci = cell->skip;
            }
          else
            {
              ci++;
            }
        }

      self->fx[s] = fx;
      self->fy[s] = fy;
    }

  /* The gravity pulls harder the further a node is, so that a disconnected piece settles about
   * twice the radius of the whole drawing away, instead of drifting off forever. */
  radius0 = sqrtf (total_mass) * K;
  gravity = self->gravity * REPULSION * K * sqrtf (total_mass) / radius0;

  {
    double moved = 0;
    double spread = 0;
    guint n_moving = 0;

    for (guint s = 0; s < n; s++)
      {
        guint i = (guint32) self->keys[s];
        float x = xy[2 * i];
        float y = xy[2 * i + 1];
        float m = level->mass[i];
        float fx = cK2 * m * self->fx[s];
        float fy = cK2 * m * self->fy[s];
        float norm;

        for (guint e = level->offsets[i]; e < level->offsets[i + 1]; e++)
          {
            guint j = level->adj[e];
            float dx = xy[2 * j] - x;
            float dy = xy[2 * j + 1] - y;
            float d = sqrtf (dx * dx + dy * dy);
            float a = level->adj_w[e] * d / K;

            fx += a * dx;
            fy += a * dy;
          }

        fx -= gravity * m * (x - gx);
        fy -= gravity * m * (y - gy);

        spread += sqrtf ((x - gx) * (x - gx) + (y - gy) * (y - gy));
        if (level == g_ptr_array_index (self->levels, 0) && self->pinned[i])
          continue;

        norm = sqrtf (fx * fx + fy * fy);
        energy += (double) norm * norm;
        if (norm > 0)
          {
            xy[2 * i] = x + self->step * fx / norm;
            xy[2 * i + 1] = y + self->step * fy / norm;
          }
        moved += self->step;
        n_moving++;
      }

    /* Hu's adaptive cooling: shrink the step when the energy rises, grow it after five
     * improvements in a row. */
    if (self->level_iterations > 0 && energy >= self->energy)
      {
        self->progress = 0;
        self->step *= COOLING;
      }
    else if (++self->progress >= 5)
      {
        self->progress = 0;
        self->step /= COOLING;
      }
    self->energy = energy;
    self->level_iterations++;

    return n_moving > 0 && spread > 0 ? moved / spread : 0;
  }
}

static void
prolong (LtForceLayout *self,
         Level         *fine,
         Level         *coarse)
{
  for (guint v = 0; v < fine->n; v++)
    {
      guint g = fine->group[v];
      float cx = coarse->xy[2 * g];
      float cy = coarse->xy[2 * g + 1];

      if (fine == g_ptr_array_index (self->levels, 0) && self->pinned[v])
        continue;

      if (fine->is_sun[v])
        {
          fine->xy[2 * v] = cx;
          fine->xy[2 * v + 1] = cy;
        }
      else
        {
          /* Place the member on the side of its group that faces its other neighbours */
          float dx = 0;
          float dy = 0;
          float norm;
          float r = 0.5f * self->K * sqrtf (coarse->mass[g]) * (0.3f + 0.7f * next_double (&self->rng));
          float angle = (next_double (&self->rng) - 0.5) * G_PI * 0.66;

          for (guint e = fine->offsets[v]; e < fine->offsets[v + 1]; e++)
            {
              guint h = fine->group[fine->adj[e]];

              if (h == g)
                continue;
              dx += coarse->xy[2 * h] - cx;
              dy += coarse->xy[2 * h + 1] - cy;
            }
          norm = sqrtf (dx * dx + dy * dy);
          if (norm > 0)
            {
              float c = cosf (angle);
              float s = sinf (angle);
              float ux = dx / norm;
              float uy = dy / norm;

              dx = c * ux - s * uy;
              dy = s * ux + c * uy;
            }
          else
            {
              angle = next_double (&self->rng) * 2 * G_PI;
              dx = cosf (angle);
              dy = sinf (angle);
            }
          fine->xy[2 * v] = cx + r * dx;
          fine->xy[2 * v + 1] = cy + r * dy;
        }
    }
}

static double
mean_mass (Level *level)
{
  double sum = 0;

  for (guint i = 0; i < level->n; i++)
    sum += level->mass[i];
  return level->n > 0 ? sum / level->n : 1;
}

/**
 * lt_force_layout_new:
 * @n_nodes: number of nodes
 * @edges: (array length=n_edges): the edges; self-loops are ignored
 * @n_edges: number of edges
 * @seed: seed of the layout's random choices
 *
 * Creates a layout. Nothing is computed until [method@ForceLayout.prepare].
 *
 * Returns: (transfer full): a new layout
 */
LtForceLayout *
lt_force_layout_new (guint              n_nodes,
                     const LtForceEdge *edges,
                     guint              n_edges,
                     guint64            seed)
{
  LtForceLayout *self = g_new0 (LtForceLayout, 1);
  Level *finest;

  g_return_val_if_fail (edges != NULL || n_edges == 0, NULL);

  self->n = n_nodes;
  self->xy = g_new0 (float, 2 * MAX (n_nodes, 1));
  self->placed = g_new0 (guint8, MAX (n_nodes, 1));
  self->pinned = g_new0 (guint8, MAX (n_nodes, 1));
  self->rng = seed;
  self->K = 1.0f;
  self->tolerance = 0.002;
  self->gravity = GRAVITY;
  self->levels = g_ptr_array_new_with_free_func (level_free);

  finest = level_new_from_edges (n_nodes, edges, n_edges);
  finest->xy = self->xy;
  g_ptr_array_add (self->levels, finest);

  return self;
}

/**
 * lt_force_layout_free:
 * @self: a layout
 *
 * Frees the layout.
 */
void
lt_force_layout_free (LtForceLayout *self)
{
  if (self == NULL)
    return;

  for (guint l = 1; l < self->levels->len; l++)
    g_free (((Level *) g_ptr_array_index (self->levels, l))->xy);
  g_ptr_array_unref (self->levels);
  g_free (self->xy);
  g_free (self->projected);
  g_free (self->placed);
  g_free (self->pinned);
  g_free (self->keys);
  g_free (self->keys_tmp);
  g_free (self->sx);
  g_free (self->sy);
  g_free (self->sm);
  g_free (self->fx);
  g_free (self->fy);
  g_free (self->cells);
  g_free (self);
}

guint
lt_force_layout_get_n_nodes (LtForceLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n;
}

/**
 * lt_force_layout_set_position:
 * @self: a layout
 * @node: a node index
 * @x: x in layout units (the natural edge length is 1)
 * @y: y
 *
 * Places a node. Before [method@ForceLayout.prepare], placed nodes keep their positions as the
 * start of the layout (e.g. positions saved in the database) and only the others are placed.
 */
void
lt_force_layout_set_position (LtForceLayout *self,
                              guint          node,
                              float          x,
                              float          y)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (node < self->n);

  self->xy[2 * node] = x;
  self->xy[2 * node + 1] = y;
  self->placed[node] = TRUE;
}

/**
 * lt_force_layout_set_pinned:
 * @self: a layout
 * @node: a node index
 * @pinned: whether the node keeps its position
 *
 * Pins a node where it is: it still pushes and pulls the others but does not move.
 */
void
lt_force_layout_set_pinned (LtForceLayout *self,
                            guint          node,
                            gboolean       pinned)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (node < self->n);

  self->pinned[node] = !!pinned;
  if (pinned)
    self->placed[node] = TRUE;
}

gboolean
lt_force_layout_get_pinned (LtForceLayout *self,
                            guint          node)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (node < self->n, FALSE);

  return self->pinned[node];
}

/**
 * lt_force_layout_set_tolerance:
 * @self: a layout
 * @tolerance: relative displacement per iteration under which a level is converged
 *
 * Sets the convergence threshold: the sum of the nodes' moves divided by the sum of their
 * distances from the centre. The default, 0.002, is a little looser than sfdp's.
 */
void
lt_force_layout_set_tolerance (LtForceLayout *self,
                               double         tolerance)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (tolerance > 0);

  self->tolerance = tolerance;
}

/**
 * lt_force_layout_set_gravity:
 * @self: a layout
 * @gravity: strength of the pull towards the centre, relative to the outward pressure of the
 *   whole graph at its natural radius
 *
 * The default, 0.08, only keeps disconnected pieces from drifting away (a piece settles about
 * 3.5 radii out); the view uses more, so that a chronicle's separate clusters share one screen.
 */
void
lt_force_layout_set_gravity (LtForceLayout *self,
                             float          gravity)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (gravity >= 0);

  self->gravity = gravity;
}

/**
 * lt_force_layout_prepare:
 * @self: a layout
 *
 * Chooses a starting point. With no placed node, the graph is coarsened level by level and the
 * layout starts from random positions of the coarsest graph; otherwise each unplaced node starts
 * at the centre of its placed neighbours and the layout only refines.
 */
void
lt_force_layout_prepare (LtForceLayout *self)
{
  Level *level;
  guint n_placed = 0;

  g_return_if_fail (self != NULL);

  if (self->prepared)
    return;
  self->prepared = TRUE;

  for (guint i = 0; i < self->n; i++)
    n_placed += self->placed[i];

  level = g_ptr_array_index (self->levels, 0);

  if (n_placed == 0)
    {
      Level *coarse;
      double side;

      while (level->n > COARSEST_SIZE && (coarse = coarsen (level)) != NULL)
        {
          g_ptr_array_add (self->levels, coarse);
          level = coarse;
        }

      side = sqrt (self->n) * self->K;
      for (guint i = 0; i < level->n; i++)
        {
          level->xy[2 * i] = (next_double (&self->rng) - 0.5) * side;
          level->xy[2 * i + 1] = (next_double (&self->rng) - 0.5) * side;
        }
      self->level = self->levels->len - 1;
      self->step = side * 0.1;
    }
  else
    {
      float min_x = G_MAXFLOAT;
      float min_y = G_MAXFLOAT;
      float max_x = -G_MAXFLOAT;
      float max_y = -G_MAXFLOAT;
      gboolean changed = TRUE;

      for (guint i = 0; i < self->n; i++)
        if (self->placed[i])
          {
            min_x = MIN (min_x, self->xy[2 * i]);
            max_x = MAX (max_x, self->xy[2 * i]);
            min_y = MIN (min_y, self->xy[2 * i + 1]);
            max_y = MAX (max_y, self->xy[2 * i + 1]);
          }

      /* Grow the placed part outwards: each pass places the nodes next to placed ones */
      while (changed)
        {
          g_autofree guint8 *now = g_memdup2 (self->placed, self->n);

          changed = FALSE;
          for (guint v = 0; v < self->n; v++)
            {
              double sx = 0;
              double sy = 0;
              guint k = 0;

              if (self->placed[v])
                continue;
              for (guint e = level->offsets[v]; e < level->offsets[v + 1]; e++)
                if (self->placed[level->adj[e]])
                  {
                    sx += self->xy[2 * level->adj[e]];
                    sy += self->xy[2 * level->adj[e] + 1];
                    k++;
                  }
              if (k == 0)
                continue;
              self->xy[2 * v] = sx / k + (next_double (&self->rng) - 0.5) * self->K;
              self->xy[2 * v + 1] = sy / k + (next_double (&self->rng) - 0.5) * self->K;
              now[v] = TRUE;
              changed = TRUE;
            }
          memcpy (self->placed, now, self->n);
        }

      for (guint v = 0; v < self->n; v++)
        if (!self->placed[v])
          {
            self->xy[2 * v] = min_x + next_double (&self->rng) * (max_x - min_x + self->K);
            self->xy[2 * v + 1] = min_y + next_double (&self->rng) * (max_y - min_y + self->K);
            self->placed[v] = TRUE;
          }

      self->level = 0;
      self->step = self->K;
    }

  self->level_iterations = 0;
  self->progress = 0;
  self->energy = G_MAXDOUBLE;
  self->converged = self->n < 2;
}

/**
 * lt_force_layout_step:
 * @self: a layout
 * @n_iterations: how many iterations to run at most
 *
 * Runs iterations, descending to finer levels as each one converges. One iteration at 10,000
 * nodes takes a few milliseconds, so the UI's worker steps one at a time and publishes.
 *
 * Returns: the number of iterations run, less than @n_iterations once converged
 */
guint
lt_force_layout_step (LtForceLayout *self,
                      guint          n_iterations)
{
  guint done = 0;

  g_return_val_if_fail (self != NULL, 0);

  if (!self->prepared)
    lt_force_layout_prepare (self);

  while (done < n_iterations && !self->converged)
    {
      Level *level = g_ptr_array_index (self->levels, self->level);
      double displacement = iterate (self, level);

      done++;
      self->iterations++;

      if (displacement < self->tolerance || self->level_iterations >= MAX_LEVEL_ITER)
        {
          if (self->level == 0)
            {
              self->converged = TRUE;
            }
          else
            {
              Level *fine = g_ptr_array_index (self->levels, self->level - 1);

              prolong (self, fine, level);
              self->step = 0.5 * self->K * sqrt (mean_mass (level));
              self->level--;
              self->level_iterations = 0;
              self->progress = 0;
              self->energy = G_MAXDOUBLE;
            }
        }
    }

  return done;
}

/**
 * lt_force_layout_run:
 * @self: a layout
 * @max_iterations: a bound on the iterations
 * @cancellable: (nullable): a cancellable
 *
 * Runs to convergence (or @max_iterations, or cancellation).
 *
 * Returns: the number of iterations run
 */
guint
lt_force_layout_run (LtForceLayout *self,
                     guint          max_iterations,
                     GCancellable  *cancellable)
{
  guint done = 0;

  g_return_val_if_fail (self != NULL, 0);

  while (done < max_iterations && !self->converged)
    {
      if (g_cancellable_is_cancelled (cancellable))
        break;
      done += lt_force_layout_step (self, MIN (8, max_iterations - done));
    }

  return done;
}

/**
 * lt_force_layout_reheat:
 * @self: a layout
 * @amount: the new step, in natural edge lengths
 *
 * Lets a converged layout move again, e.g. after the user dragged and pinned a node. Does
 * nothing while the multilevel descent is still going.
 */
void
lt_force_layout_reheat (LtForceLayout *self,
                        double         amount)
{
  g_return_if_fail (self != NULL);

  if (!self->prepared || self->level != 0)
    return;

  self->step = MAX (amount, 0.01) * self->K;
  self->converged = self->n < 2;
  self->level_iterations = 0;
  self->progress = 0;
  self->energy = G_MAXDOUBLE;

  /* the multilevel hierarchy is not needed any more */
  while (self->levels->len > 1)
    {
      Level *level = g_ptr_array_index (self->levels, self->levels->len - 1);

      g_free (level->xy);
      g_ptr_array_remove_index (self->levels, self->levels->len - 1);
    }
}

gboolean
lt_force_layout_is_converged (LtForceLayout *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->converged;
}

/**
 * lt_force_layout_get_energy:
 * @self: a layout
 *
 * Returns: the sum of the squared forces of the last iteration
 */
double
lt_force_layout_get_energy (LtForceLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->energy == G_MAXDOUBLE ? 0 : self->energy;
}

guint
lt_force_layout_get_iterations (LtForceLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->iterations;
}

guint
lt_force_layout_get_n_levels (LtForceLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->levels->len;
}

float
lt_force_layout_get_natural_length (LtForceLayout *self)
{
  g_return_val_if_fail (self != NULL, 1);

  return self->K;
}

/**
 * lt_force_layout_get_positions:
 * @self: a layout
 *
 * Gets the positions of the nodes, interleaved x and y. While a coarser level is being laid out,
 * each node is shown at the position of its group.
 *
 * Returns: (transfer none): 2 × n floats, valid until the next call on @self
 */
const float *
lt_force_layout_get_positions (LtForceLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->level == 0)
    return self->xy;

  if (self->projected == NULL)
    self->projected = g_new (float, 2 * MAX (self->n, 1));

  for (guint v = 0; v < self->n; v++)
    {
      guint g = v;
      Level *coarse = NULL;

      for (guint l = 0; l < self->level; l++)
        {
          Level *level = g_ptr_array_index (self->levels, l);

          g = level->group[g];
          coarse = g_ptr_array_index (self->levels, l + 1);
        }
      self->projected[2 * v] = coarse->xy[2 * g];
      self->projected[2 * v + 1] = coarse->xy[2 * g + 1];
    }

  return self->projected;
}

/* Whether the boxes of nodes @i and @j overlap, and by how much along each axis */
static inline gboolean
boxes_overlap (const float *xy,
               const float *boxes,
               guint        i,
               guint        j,
               float       *ox,
               float       *oy)
{
  const float *bi = boxes + 4 * i;
  const float *bj = boxes + 4 * j;

  *ox = MIN (xy[2 * i] + bi[2], xy[2 * j] + bj[2]) - MAX (xy[2 * i] + bi[0], xy[2 * j] + bj[0]);
  *oy = MIN (xy[2 * i + 1] + bi[3], xy[2 * j + 1] + bj[3]) - MAX (xy[2 * i + 1] + bi[1], xy[2 * j + 1] + bj[1]);
  return *ox > 0 && *oy > 0;
}

/**
 * lt_layout_has_overlap:
 * @xy: 2 × @n_nodes floats, the positions
 * @n_nodes: number of nodes
 * @boxes: the nodes' boxes, as for [func@layout_remove_overlaps]
 *
 * Returns: whether any two boxes overlap
 */
gboolean
lt_layout_has_overlap (const float *xy,
                       guint        n_nodes,
                       const float *boxes)
{
  for (guint i = 0; i < n_nodes; i++)
    for (guint j = i + 1; j < n_nodes; j++)
      {
        float ox;
        float oy;

        if (boxes_overlap (xy, boxes, i, j, &ox, &oy))
          return TRUE;
      }
  return FALSE;
}

/**
 * lt_layout_remove_overlaps:
 * @xy: (inout): 2 × @n_nodes floats, the positions
 * @n_nodes: number of nodes
 * @boxes: 4 × @n_nodes floats: each node's box as left, top, right and bottom offsets from its
 *   position (left and top negative)
 * @pinned: (nullable): nodes that must not move; they still push the others
 * @max_iterations: how many sweeps to make at most
 *
 * Moves nodes apart until their boxes (a node with its label, say) no longer overlap, each
 * pair along the line between them, which keeps the picture's shape: the force layout places nodes as points, and a tight group of labelled nodes is unreadable
 * however it is zoomed. Quadratic in @n_nodes: meant for the few hundred nodes whose labels
 * are all shown.
 *
 * Returns: the number of overlapping pairs left
 */
guint
lt_layout_remove_overlaps (float          *xy,
                           guint           n_nodes,
                           const float    *boxes,
                           const gboolean *pinned,
                           guint           max_iterations)
{
  guint overlaps = 0;

  g_return_val_if_fail (xy != NULL || n_nodes == 0, 0);
  g_return_val_if_fail (boxes != NULL || n_nodes == 0, 0);

  for (guint iteration = 0; iteration < max_iterations; iteration++)
    {
      overlaps = 0;
      for (guint i = 0; i < n_nodes; i++)
        for (guint j = i + 1; j < n_nodes; j++)
          {
            const float *bi = boxes + 4 * i;
            const float *bj = boxes + 4 * j;
            float ox;
            float oy;
            gboolean pin_i = pinned != NULL && pinned[i];
            gboolean pin_j = pinned != NULL && pinned[j];
            float share_i;
            float share_j;
            float dx;
            float dy;
            float length;
            float t;

            if (!boxes_overlap (xy, boxes, i, j, &ox, &oy) || (pin_i && pin_j))
              continue;
            overlaps++;

            share_i = pin_i ? 0 : (pin_j ? 1 : 0.5f);
            share_j = 1 - share_i;

            /* apart along the line between the boxes' centres, by just enough to clear one
             * axis: a knot opens up the way it lies instead of turning into a column */
            dx = (xy[2 * j] + (bj[0] + bj[2]) / 2) - (xy[2 * i] + (bi[0] + bi[2]) / 2);
            dy = (xy[2 * j + 1] + (bj[1] + bj[3]) / 2) - (xy[2 * i + 1] + (bi[1] + bi[3]) / 2);
            length = sqrtf (dx * dx + dy * dy);
            if (length < 1e-6f)
              {
                /* on top of each other: a direction from the indices, the same every run */
                float angle = (i * 7 + j * 13) % 16 * (G_PI / 8);

                dx = cosf (angle);
                dy = sinf (angle);
              }
            else
              {
                dx /= length;
                dy /= length;
              }
            t = MIN (fabsf (dx) > 1e-3f ? ox / fabsf (dx) : G_MAXFLOAT,
                     fabsf (dy) > 1e-3f ? oy / fabsf (dy) : G_MAXFLOAT) * 1.1f;
            xy[2 * i] -= dx * t * share_i;
            xy[2 * i + 1] -= dy * t * share_i;
            xy[2 * j] += dx * t * share_j;
            xy[2 * j + 1] += dy * t * share_j;
          }
      if (overlaps == 0)
        break;
    }

  return overlaps;
}
