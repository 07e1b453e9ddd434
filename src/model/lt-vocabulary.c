/* lt-vocabulary.c: the keys of categories, actor kinds, roles and relation types, and their names
 *
 * Copyright 2024 The Letapis authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lt-vocabulary"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "lt-vocabulary.h"

#include <math.h>
#include <string.h>

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

/* What a relation says from one of its two ends, with the actor at the other
 * end after a colon: the names stay in the nominative, which is all the store
 * has, and each type and direction is a sentence of its own for translators,
 * so no verb has to agree with a name it does not know. */
static const struct
{
  const char *key;
  const char *from_side;  /* the actor is the relation's "from": the other is its "to" */
  const char *to_side;
} relation_sentences[] = {
  /* Translators: in the pane of an actor that is a member of %s */
  { "member-of", NC_("relation, seen from its subject", "Member of: %s"),
    /* Translators: in the pane of an organization; %s is one of its members */
    NC_("relation, seen from its object", "Member: %s") },
  /* Translators: in the pane of an actor that leads %s */
  { "leads", NC_("relation, seen from its subject", "Leads: %s"),
    /* Translators: %s is who leads the actor of the pane */
    NC_("relation, seen from its object", "Led by: %s") },
  /* Translators: in the pane of a body that is part of %s */
  { "part-of", NC_("relation, seen from its subject", "Part of: %s"),
    /* Translators: %s is a body that is part of the actor of the pane */
    NC_("relation, seen from its object", "Includes: %s") },
  /* Translators: in the pane of an actor that works for %s */
  { "works-for", NC_("relation, seen from its subject", "Works for: %s"),
    /* Translators: %s works for the actor of the pane */
    NC_("relation, seen from its object", "Employs: %s") },
  /* Translators: %s signed a statement together with the actor of the pane */
  { "signed-with", NC_("relation, seen from either side", "Signed with: %s"), NULL },
  /* Translators: %s is an ally of the actor of the pane */
  { "allied-with", NC_("relation, seen from either side", "Allied with: %s"), NULL },
  /* Translators: the actor of the pane supported %s */
  { "supported", NC_("relation, seen from its subject", "Supported: %s"),
    /* Translators: %s supported the actor of the pane */
    NC_("relation, seen from its object", "Supported by: %s") },
  /* Translators: the actor of the pane addressed a statement to %s */
  { "addressed", NC_("relation, seen from its subject", "Addressed: %s"),
    /* Translators: %s addressed a statement to the actor of the pane */
    NC_("relation, seen from its object", "Addressed by: %s") },
  /* Translators: the actor of the pane targeted (persecuted) %s */
  { "targeted", NC_("relation, seen from its subject", "Targeted: %s"),
    /* Translators: %s targeted (persecuted) the actor of the pane */
    NC_("relation, seen from its object", "Targeted by: %s") },
  /* Translators: the actor of the pane detained %s */
  { "detained", NC_("relation, seen from its subject", "Detained: %s"),
    /* Translators: %s detained the actor of the pane */
    NC_("relation, seen from its object", "Detained by: %s") },
  /* Translators: the actor of the pane searched the home or office of %s */
  { "searched", NC_("relation, seen from its subject", "Searched: %s"),
    /* Translators: %s searched the home or office of the actor of the pane */
    NC_("relation, seen from its object", "Searched by: %s") },
  /* Translators: the actor of the pane imposed sanctions on %s */
  { "sanctioned", NC_("relation, seen from its subject", "Sanctioned: %s"),
    /* Translators: %s imposed sanctions on the actor of the pane */
    NC_("relation, seen from its object", "Sanctioned by: %s") },
};

/* The templates come from a table, so printf() could not check them: put the
 * name in place of the one "%s" by hand. */
static char *
fill_in (const char *template,
         const char *name)
{
  const char *hole = strstr (template, "%s");

  if (hole == NULL)
    return g_strconcat (template, " ", name, NULL);

  return g_strdup_printf ("%.*s%s%s", (int) (hole - template), template, name, hole + 2);
}

/**
 * lt_relation_type_describe:
 * @key: a relation type ("searched")
 * @from_side: %TRUE when the actor the text is about is the relation's "from"
 * @other_name: the name of the actor at the other end
 *
 * Says what a relation means for one of its actors, naming the other one:
 * "Searched: Ales Bialiatski" in the security forces' pane, "Searched by:
 * Belarusian security forces" in his.
 *
 * Returns: (transfer full): the text in the UI language
 */
char *
lt_relation_type_describe (const char *key,
                           gboolean    from_side,
                           const char *other_name)
{
  const char *label;

  g_return_val_if_fail (other_name != NULL, NULL);

  for (gsize i = 0; key != NULL && i < G_N_ELEMENTS (relation_sentences); i++)
    if (strcmp (relation_sentences[i].key, key) == 0)
      {
        const char *sentence = relation_sentences[i].from_side;
        const char *context = "relation, seen from either side";

        if (relation_sentences[i].to_side != NULL)
          {
            context = from_side ? "relation, seen from its subject" : "relation, seen from its object";
            if (!from_side)
              sentence = relation_sentences[i].to_side;
          }
        return fill_in (g_dpgettext2 (GETTEXT_PACKAGE, context, sentence), other_name);
      }

  /* A type this version does not know (from a newer database): its key, then the name */
  label = lt_relation_type_get_label (key);
  /* Translators: a relation of an unknown type: %1$s is the type, %2$s the other actor */
  return g_strdup_printf (C_("relation of another type", "%1$s: %2$s"),
                          label != NULL ? label : (key != NULL ? key : "?"), other_name);
}

/**
 * lt_format_number:
 * @value: a count ("40000")
 *
 * Formats a whole number with its thousands grouped the way the UI language
 * writes them: "40,000" in English, "40 000" with a no-break space in
 * Ukrainian and Belarusian. Titles, panes, charts and exports all use this,
 * so one figure reads the same everywhere whatever the locale's own digit
 * grouping is (be_BY's is a full stop: "40.000").
 *
 * Returns: (transfer full): the text
 */
char *
lt_format_number (double value)
{
  /* Translators: the separator between groups of three digits in a number,
   * as in "40,000". Ukrainian and Belarusian write a no-break space (U+00A0). */
  const char *separator = C_("digit group separator", ",");
  g_autofree char *digits = NULL;
  GString *text;
  gsize len;
  gsize first;

  if (!isfinite (value))
    return g_strdup ("?");

  value = round (value);
  digits = g_strdup_printf ("%.0f", fabs (value));
  len = strlen (digits);
  text = g_string_new (value < 0 ? "−" : NULL);
  first = len % 3 != 0 ? len % 3 : 3;
  g_string_append_len (text, digits, first);
  for (gsize i = first; i < len; i += 3)
    {
      g_string_append (text, separator);
      g_string_append_len (text, digits + i, 3);
    }
  return g_string_free (text, FALSE);
}
