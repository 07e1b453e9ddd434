/* lt-vocabulary.c
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-vocabulary"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lt-vocabulary.h"

typedef struct
{
  const char *key;
  const char *context;
  const char *label;
} Term;

/* The order of each table is part of the database format (spans, pairs and
 * the category column store indices): only ever append. */
static const Term categories[] = {
  { "protest", "event category", NC_("event category", "Protest") },
  { "violence", "event category", NC_("event category", "Violence") },
  { "detention", "event category", NC_("event category", "Detention") },
  { "prosecution", "event category", NC_("event category", "Prosecution") },
  { "statement", "event category", NC_("event category", "Statement") },
  { "diplomacy", "event category", NC_("event category", "Diplomacy") },
  { "sanctions", "event category", NC_("event category", "Sanctions") },
  { "war", "event category", NC_("event category", "War") },
};

static const Term actor_kinds[] = {
  { "person", "actor kind", NC_("actor kind", "Person") },
  { "organization", "actor kind", NC_("actor kind", "Organization") },
  { "state-body", "actor kind", NC_("actor kind", "State body") },
  { "media", "actor kind", NC_("actor kind", "Media") },
  { "military-unit", "actor kind", NC_("actor kind", "Military unit") },
  { "company", "actor kind", NC_("actor kind", "Company") },
  { "country", "actor kind", NC_("actor kind", "Country") },
};

static const Term roles[] = {
  { "perpetrator", "event role", NC_("event role", "Perpetrator") },
  { "target", "event role", NC_("event role", "Target") },
  { "victim", "event role", NC_("event role", "Victim") },
  { "author", "event role", NC_("event role", "Author") },
  { "signatory", "event role", NC_("event role", "Signatory") },
  { "addressee", "event role", NC_("event role", "Addressee") },
  { "sanctioning-party", "event role", NC_("event role", "Sanctioning party") },
  { "sanctioned", "event role", NC_("event role", "Sanctioned") },
  { "participant", "event role", NC_("event role", "Participant") },
  { "speaker", "event role", NC_("event role", "Speaker") },
  { "mentioned", "event role", NC_("event role", "Mentioned") },
};

static const Term relation_types[] = {
  { "member-of", "relation type", NC_("relation type", "Member of") },
  { "leads", "relation type", NC_("relation type", "Leads") },
  { "part-of", "relation type", NC_("relation type", "Part of") },
  { "works-for", "relation type", NC_("relation type", "Works for") },
  { "signed-with", "relation type", NC_("relation type", "Signed with") },
  { "targeted", "relation type", NC_("relation type", "Targeted") },
  { "detained", "relation type", NC_("relation type", "Detained") },
  { "searched", "relation type", NC_("relation type", "Searched") },
  { "sanctioned", "relation type", NC_("relation type", "Sanctioned") },
  { "allied-with", "relation type", NC_("relation type", "Allied with") },
  { "addressed", "relation type", NC_("relation type", "Addressed") },
  { "supported", "relation type", NC_("relation type", "Supported") },
};

static const Term figure_kinds[] = {
  { "detained", "figure kind", NC_("figure kind", "Detained") },
  { "prosecuted", "figure kind", NC_("figure kind", "Prosecuted") },
  { "political-prisoners", "figure kind", NC_("figure kind", "Political prisoners") },
  { "victims", "figure kind", NC_("figure kind", "Victims") },
  { "killed", "figure kind", NC_("figure kind", "Killed") },
  { "persecuted", "figure kind", NC_("figure kind", "Persecuted") },
  { "fighters", "figure kind", NC_("figure kind", "Fighters") },
  { "searched", "figure kind", NC_("figure kind", "Searched") },
};

static const Term qualifiers[] = {
  { "exact", "figure qualifier", NC_("figure qualifier", "exactly") },
  { "about", "figure qualifier", NC_("figure qualifier", "about") },
  { "more than", "figure qualifier", NC_("figure qualifier", "more than") },
  { "at least", "figure qualifier", NC_("figure qualifier", "at least") },
};

static const char *category_keys[G_N_ELEMENTS (categories) + 1];
static const char *actor_kind_keys[G_N_ELEMENTS (actor_kinds) + 1];
static const char *role_keys[G_N_ELEMENTS (roles) + 1];
static const char *relation_type_keys[G_N_ELEMENTS (relation_types) + 1];
static const char *figure_kind_keys[G_N_ELEMENTS (figure_kinds) + 1];
static const char *qualifier_keys[G_N_ELEMENTS (qualifiers) + 1];

static int
term_index (const Term *terms,
            gsize       n_terms,
            const char *key)
{
  if (key == NULL)
    return -1;

  for (gsize i = 0; i < n_terms; i++)
    if (strcmp (terms[i].key, key) == 0)
      return (int) i;

  return -1;
}

static const char *
term_label (const Term *terms,
            gsize       n_terms,
            const char *key)
{
  int i = term_index (terms, n_terms, key);

  if (i < 0)
    return NULL;

  return g_dpgettext2 (GETTEXT_PACKAGE, terms[i].context, terms[i].label);
}

static const char * const *
term_keys (const Term  *terms,
           gsize        n_terms,
           const char **keys)
{
  /* Filled once; the writes are idempotent so a race is harmless. */
  if (keys[0] == NULL)
    {
      for (gsize i = 0; i < n_terms; i++)
        keys[i] = terms[i].key;
      keys[n_terms] = NULL;
    }

  return (const char * const *) keys;
}

#define DEFINE_VOCABULARY(name, table, keys)                                \
  const char *                                                              \
  lt_##name##_get_label (const char *key)                                   \
  {                                                                         \
    return term_label (table, G_N_ELEMENTS (table), key);                   \
  }                                                                         \
  const char * const *                                                      \
  lt_##name##_list_keys (void)                                              \
  {                                                                         \
    return term_keys (table, G_N_ELEMENTS (table), keys);                   \
  }                                                                         \
  int                                                                       \
  lt_##name##_get_index (const char *key)                                   \
  {                                                                         \
    return term_index (table, G_N_ELEMENTS (table), key);                   \
  }

DEFINE_VOCABULARY (category, categories, category_keys)
DEFINE_VOCABULARY (actor_kind, actor_kinds, actor_kind_keys)
DEFINE_VOCABULARY (role, roles, role_keys)
DEFINE_VOCABULARY (relation_type, relation_types, relation_type_keys)
DEFINE_VOCABULARY (figure_kind, figure_kinds, figure_kind_keys)
DEFINE_VOCABULARY (qualifier, qualifiers, qualifier_keys)
