/* The generated table of Kimai's URL locales (src/http/locale_table.c, written by
 * scripts/gen_locales.py from src/http/kimai-locales.tsv).  Only i18n.c reads it;
 * everything else goes through i18n.h. */
#ifndef PORTAL_LOCALE_TABLE_H
#define PORTAL_LOCALE_TABLE_H

#include <stddef.h>

#include "i18n.h"

/* Sorted by code in byte order (strcmp). */
extern struct i18n_lang i18n_locales[];
extern const size_t     i18n_nlocales;

#endif
