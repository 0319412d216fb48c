/*
 * page_site_i18n: T, i18n and lang.Translate in site mode, from the
 * i18n/ directories of the site and its themes (Hugo's langs/i18n over
 * go-i18n), read on first use and kept with the site index (a change
 * under i18n/ rebuilds the index, see page_site_fresh.c).  Plural
 * forms are CLDR's, from ICU's plural rules.
 */

#ifndef PAGE_SITE_I18N_H
#define PAGE_SITE_I18N_H

#include "page_site_index.h"
#include "page_tpl.h"

/*
 * Most bytes of one translation file: real ones are a few KB; a larger
 * file under i18n/ is a mistake that would hold a worker's memory.
 */
#define PAGE_SITE_I18N_MAX_FILE   (4 * 1024 * 1024)

/* Most translation files (languages) read: CLDR has about 700 locales. */
#define PAGE_SITE_I18N_MAX_FILES  1024

/* Plural forms, in go-i18n's (and CLDR's) order. */
typedef enum {
    PAGE_PLURAL_ZERO = 0,
    PAGE_PLURAL_ONE,
    PAGE_PLURAL_TWO,
    PAGE_PLURAL_FEW,
    PAGE_PLURAL_MANY,
    PAGE_PLURAL_OTHER,
    PAGE_PLURAL_FORMS
} page_plural_t;

/*
 * The CLDR plural form of the number count (decimal digits with an
 * optional "-", "." and fraction digits, which count: "1.0" is not
 * "1") in language lang ("pl", "pt-br"), by ICU's rules.  Other when
 * ICU has no rules for lang or count is not a number.
 */
page_plural_t page_site_i18n_plural(const char *lang, const char *count);

/*
 * T ID [ARG] of a page rendered with the site index (page_fn_lang.c):
 * 0 with *res, -1 failing st, 1 when not in site mode (the caller's
 * translation hook then answers).
 */
int page_site_i18n_translate(page_tpl_state_t *st, const char *id,
    size_t len, page_value_t *arg, int has_arg, page_value_t **res);

/*
 * The method hook's part (page_site_data.c): .Count of the number a
 * translation was given ({{ .Count }} with T "x" 3), as Hugo's intCount.
 * 0 with *res, 1 when recv is not such a number.
 */
int page_site_i18n_method(page_value_t *recv, const char *name, size_t len,
    size_t nargs, page_value_t **res);

#endif /* PAGE_SITE_I18N_H */
