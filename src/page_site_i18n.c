/*
 * page_site_i18n: translations (T, i18n, lang.Translate) as Hugo gives
 * them in 0.111.3 (langs/i18n over go-i18n v2).  The files of i18n/ of
 * the site, then of each theme, name their language ("pl.toml",
 * "pt-BR.yaml"); each holds messages in any form go-i18n reads: a list
 * of {id, translation} (v1), flat "id: text", "id: {one: .., other:
 * ..}", nested maps (the id "a.b") and TOML tables.  A message of the
 * site replaces the theme's of the same id.
 *
 * A page in language L asks L's messages; when L has no file, the
 * default language's (Hugo's Func fallback).  A message missing in L
 * comes from the default language, as go-i18n's localizer does, unless
 * enableMissingTranslationPlaceholders asks for "[i18n] id" then; a
 * message found nowhere is "" (or that placeholder).
 *
 * The argument: an int is the count and the template's dot (with
 * .Count); a float is counted as its decimal digits ("1.0" is not
 * one); a numeric string likewise; a map's Count (any case) counts,
 * the map is the dot; anything else has no count (the "other" form).
 * The form's text runs as a Go text template with the argument as dot;
 * when it fails the translation is "" (Hugo logs the error), as is a
 * missing form without an "other" to fall back on.  The plural form of
 * a count is CLDR's for the language, from ICU (libicu): hand-written
 * tables would age, ICU follows CLDR with each Debian release.
 */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <unicode/upluralrules.h>
#include <unicode/unumberformatter.h>

#include "page_io.h"
#include "page_data.h"
#include "page_fn.h"
#include "page_site_data.h"
#include "page_site_i18n.h"
#include "page_site_int.h"
#include "page_unmarshal.h"

/* Longest error line kept. */
#define PAGE_I18N_ERR_SIZE  1024

/* Deepest nesting of maps read for message ids ("a.b.c"). */
#define PAGE_I18N_MAX_DEPTH  32

/* Longest count handed to ICU; longer numbers are "other". */
#define PAGE_I18N_MAX_COUNT  64

typedef struct {
    const char  *forms[PAGE_PLURAL_FORMS];  /* NULL when missing */
} page_i18n_msg_t;

typedef struct {
    const char        *tag;     /* lower case, "-": "pt-br" */
    page_site_hmap_t   msgs;    /* id -> page_i18n_msg_t */
} page_i18n_lang_t;

typedef struct {
    page_i18n_lang_t  *langs;   /* [0]: defaultContentLanguage */
    size_t             n;
    const char        *error;
} page_i18n_t;

typedef struct {
    page_site_t  *s;
    page_i18n_t  *t;
    const char   *path;
    char          err[PAGE_I18N_ERR_SIZE];
} page_i18n_load_t;

static const char *const  page_plural_names[PAGE_PLURAL_FORMS] = {
    "zero", "one", "two", "few", "many", "other"
};

/* The number a translation runs with, while it runs: its .Count. */
static page_value_t  *page_i18n_count;


/* ---- plural forms (ICU) ---- */

/*
 * Most languages whose ICU rules a process keeps open: opening them
 * takes about 20 us, and a list page asks for a few counts per post.
 * Languages past this are opened for each count (sites have a few).
 */
#define PAGE_I18N_MAX_RULES  32

typedef struct {
    char           loc[64];
    UPluralRules  *rules;
} page_i18n_rules_t;

/* Per process (an nginx worker is one thread), kept until it exits. */
static page_i18n_rules_t  page_i18n_rules[PAGE_I18N_MAX_RULES];
static size_t             page_i18n_nrules;


/* The rules of ICU locale loc; *owned when the caller must close them. */
static UPluralRules *
page_i18n_rules_of(const char *loc, int *owned)
{
    size_t         i;
    UErrorCode     ec;
    UPluralRules  *pr;

    *owned = 0;

    for (i = 0; i < page_i18n_nrules; i++) {
        if (strcmp(page_i18n_rules[i].loc, loc) == 0) {
            return page_i18n_rules[i].rules;
        }
    }

    ec = U_ZERO_ERROR;
    pr = uplrules_open(loc, &ec);
    if (U_FAILURE(ec)) {
        if (pr != NULL) {
            uplrules_close(pr);
        }
        return NULL;
    }

    if (page_i18n_nrules < PAGE_I18N_MAX_RULES) {
        snprintf(page_i18n_rules[page_i18n_nrules].loc,
                 sizeof(page_i18n_rules[0].loc), "%s", loc);
        page_i18n_rules[page_i18n_nrules++].rules = pr;
    } else {
        *owned = 1;
    }

    return pr;
}


page_plural_t
page_site_i18n_plural(const char *lang, const char *count)
{
    int                 i, v, owned;
    char                loc[64], kw[16];
    UChar               ukw[16], skel[PAGE_I18N_MAX_COUNT + 2];
    size_t              n;
    int32_t             len;
    UErrorCode          ec;
    const char         *p, *dot;
    UPluralRules       *pr;
    UNumberFormatter   *nf;
    UFormattedNumber   *fn;

    if (count == NULL) {
        return PAGE_PLURAL_OTHER;
    }

    if (*count == '-' || *count == '+') {
        count++;                /* the operands are of the absolute value */
    }

    n = strlen(count);
    if (n == 0 || n > PAGE_I18N_MAX_COUNT) {
        return PAGE_PLURAL_OTHER;
    }

    dot = NULL;
    for (p = count; *p; p++) {
        if (*p == '.' && dot == NULL && p > count) {
            dot = p;
        } else if (*p < '0' || *p > '9') {
            return PAGE_PLURAL_OTHER;
        }
    }

    /* ICU's locale ids: "pt_BR" */
    for (i = 0; lang[i] && i < (int) sizeof(loc) - 1; i++) {
        loc[i] = lang[i] == '-' ? '_' : lang[i];
    }
    loc[i] = '\0';

    pr = page_i18n_rules_of(loc, &owned);
    if (pr == NULL) {
        return PAGE_PLURAL_OTHER;
    }

    ec = U_ZERO_ERROR;
    len = 0;

    if (dot == NULL && n < 16) {
        /* an integer: a double holds it exactly */
        len = uplrules_select(pr, strtod(count, NULL), ukw, 16, &ec);

    } else {
        /*
         * The fraction digits as written count (CLDR's v): a formatter
         * keeping exactly that many hands ICU the operands of the text.
         */
        v = dot ? (int) (count + n - dot - 1) : 0;
        if (v == 0) {
            static const char  integer[] = "precision-integer";

            for (i = 0; integer[i]; i++) {
                skel[i] = (UChar) integer[i];
            }
            skel[i] = 0;
        } else {
            skel[0] = '.';
            for (i = 0; i < v; i++) {
                skel[i + 1] = '0';
            }
            skel[v + 1] = 0;
        }

        nf = unumf_openForSkeletonAndLocale(skel, -1, "en", &ec);
        fn = unumf_openResult(&ec);
        if (U_SUCCESS(ec)) {
            unumf_formatDecimal(nf, count, (int32_t) n, fn, &ec);
            len = uplrules_selectFormatted(pr, fn, ukw, 16, &ec);
        }

        if (fn != NULL) {
            unumf_closeResult(fn);
        }
        if (nf != NULL) {
            unumf_close(nf);
        }
    }

    if (owned) {
        uplrules_close(pr);
    }

    if (U_FAILURE(ec) || len <= 0 || len >= 16) {
        return PAGE_PLURAL_OTHER;
    }

    for (i = 0; i < len; i++) {
        kw[i] = ukw[i] < 128 ? (char) ukw[i] : '?';
    }
    kw[len] = '\0';

    for (i = 0; i < PAGE_PLURAL_FORMS; i++) {
        if (strcmp(kw, page_plural_names[i]) == 0) {
            return (page_plural_t) i;
        }
    }

    return PAGE_PLURAL_OTHER;
}


/* ---- reading the files ---- */

static int
page_i18n_fail(page_i18n_load_t *l, unsigned line, unsigned col,
    const char *msg)
{
    snprintf(l->err, sizeof(l->err),
             "failed to load translations: \"%.300s/%.300s:%u:%u\": %.300s",
             l->s->root, l->path, line ? line : 1, col ? col : 1, msg);
    return -1;
}


static page_i18n_lang_t *
page_i18n_lang(page_i18n_t *t, const char *tag)
{
    size_t  i;

    for (i = 0; i < t->n; i++) {
        if (strcmp(t->langs[i].tag, tag) == 0) {
            return &t->langs[i];
        }
    }

    return NULL;
}


static page_i18n_lang_t *
page_i18n_lang_add(page_i18n_load_t *l, const char *tag, size_t len)
{
    char              *k;
    size_t             i;
    page_i18n_lang_t  *lang;

    k = page_arena_strndup(&l->s->arena, tag, len);
    if (k == NULL) {
        return NULL;
    }

    for (i = 0; i < len; i++) {
        k[i] = k[i] == '_' ? '-'
               : (k[i] >= 'A' && k[i] <= 'Z') ? (char) (k[i] + 32) : k[i];
    }

    lang = page_i18n_lang(l->t, k);
    if (lang != NULL) {
        return lang;
    }

    if (l->t->n == PAGE_SITE_I18N_MAX_FILES + 1) {
        return NULL;
    }

    lang = &l->t->langs[l->t->n++];
    lang->tag = k;
    page_site_hmap_init(&lang->msgs, &l->s->arena);

    return lang;
}


static const char *
page_i18n_str(page_i18n_load_t *l, const page_value_t *v)
{
    return page_site_strdup(l->s, v->u.s.data, v->u.s.len);
}


/* One of go-i18n's message keys: its form, or -1 (id, description...). */
static int
page_i18n_form(const char *k, size_t len)
{
    int  i;

    for (i = 0; i < PAGE_PLURAL_FORMS; i++) {
        if (strlen(page_plural_names[i]) == len
            && strncasecmp(k, page_plural_names[i], len) == 0)
        {
            return i;
        }
    }

    return -1;
}


/* go-i18n's isMessage: a string, or a map with a reserved string key. */
static int
page_i18n_is_message(const page_value_t *v)
{
    size_t       i;
    const char  *k;

    static const char *const  reserved[] = {
        "id", "description", "hash", "leftdelim", "rightdelim", "zero",
        "one", "two", "few", "many", "other", NULL
    };

    if (v != NULL && page_value_is_string(v)) {
        return 1;
    }

    if (v == NULL || v->type != PAGE_MAP) {
        return 0;
    }

    for (i = 0; reserved[i] != NULL; i++) {
        k = reserved[i];
        if (page_value_is_string(page_map_get(v, k, strlen(k)))) {
            return 1;
        }
    }

    return 0;
}


/* Add the message v under id (id's own "id" key wins) unless present. */
static int
page_i18n_message(page_i18n_load_t *l, page_i18n_lang_t *lang,
    const char *id, size_t id_len, const page_value_t *v)
{
    int               f;
    size_t            i, j;
    page_value_t     *tr, *x;
    page_i18n_msg_t   msg;
    page_i18n_msg_t  *m;

    memset(&msg, 0, sizeof(msg));

    if (page_value_is_string(v)) {
        msg.forms[PAGE_PLURAL_OTHER] = page_i18n_str(l, v);

    } else {
        for (i = 0; i < v->u.map.n; i++) {
            const page_str_t  *k = &v->u.map.items[i].key;

            x = v->u.map.items[i].value;

            if (k->len == 2 && strncasecmp(k->data, "id", 2) == 0) {
                if (page_value_is_string(x)) {
                    id = x->u.s.data;
                    id_len = x->u.s.len;
                }
                continue;
            }

            if (k->len == 11 && strcmp(k->data, "translation") == 0) {
                tr = x;
                if (page_value_is_string(tr)) {
                    msg.forms[PAGE_PLURAL_OTHER] = page_i18n_str(l, tr);
                    continue;
                }
                for (j = 0; tr != NULL && tr->type == PAGE_MAP
                            && j < tr->u.map.n; j++)
                {
                    f = page_i18n_form(tr->u.map.items[j].key.data,
                                       tr->u.map.items[j].key.len);
                    if (f >= 0
                        && page_value_is_string(tr->u.map.items[j].value))
                    {
                        msg.forms[f] = page_i18n_str(l,
                                                 tr->u.map.items[j].value);
                    }
                }
                continue;
            }

            f = page_i18n_form(k->data, k->len);
            if (f >= 0 && page_value_is_string(x)) {
                msg.forms[f] = page_i18n_str(l, x);
            }
        }
    }

    if (id_len == 0 || page_site_hmap_get(&lang->msgs, id, id_len) != NULL) {
        return 0;               /* the site's (read first) wins */
    }

    m = page_arena_alloc(&l->s->arena, sizeof(page_i18n_msg_t));
    if (m == NULL) {
        return -2;
    }
    *m = msg;

    return page_site_hmap_put(&lang->msgs, id, id_len, m) == 0 ? 0 : -2;
}


/* go-i18n's recGetMessages over v, the ids prefixed with prefix. */
static int
page_i18n_walk(page_i18n_load_t *l, page_i18n_lang_t *lang,
    const char *prefix, size_t plen, const page_value_t *v, unsigned depth)
{
    int                  rc;
    size_t               i;
    page_buf_t           id;
    const page_value_t  *x;

    if (depth > PAGE_I18N_MAX_DEPTH) {
        return page_i18n_fail(l, 0, 0, "translations nested too deep");
    }

    if (v == NULL || v->type == PAGE_NIL) {
        return 0;
    }

    if (v->type == PAGE_LIST) {
        for (i = 0; i < v->u.list.n; i++) {
            x = v->u.list.items[i];
            if (page_i18n_is_message(x)) {
                rc = page_i18n_message(l, lang, "", 0, x);
            } else {
                rc = page_i18n_walk(l, lang, prefix, plen, x, depth + 1);
            }
            if (rc != 0) {
                return rc;
            }
        }
        return 0;
    }

    if (v->type != PAGE_MAP) {
        return depth == 0
               ? page_i18n_fail(l, 0, 0, "invalid translation file, "
                                "expected key-values, got a single value")
               : 0;
    }

    for (i = 0; i < v->u.map.n; i++) {
        x = v->u.map.items[i].value;

        page_buf_init(&id, &l->s->scratch, PAGE_SITE_MAX_PATH);
        if (plen > 0) {
            page_buf_append(&id, prefix, plen);
            page_buf_putc(&id, '.');
        }
        page_buf_append(&id, v->u.map.items[i].key.data,
                        v->u.map.items[i].key.len);
        if (page_buf_failed(&id)) {
            return -2;
        }

        if (page_i18n_is_message(x)) {
            rc = page_i18n_message(l, lang, id.data, id.len, x);
        } else {
            rc = page_i18n_walk(l, lang, id.data, id.len, x, depth + 1);
        }
        if (rc != 0) {
            return rc;
        }
    }

    return 0;
}


static int
page_i18n_file(page_i18n_load_t *l, int dfd, const char *name)
{
    int            fd, rc;
    char          *b, msg[512];
    size_t         n;
    ssize_t        r;
    unsigned       line, col;
    const char    *dot;
    struct stat    sb;
    page_value_t  *v;
    page_i18n_lang_t  *lang;

    dot = strrchr(name, '.');
    if (dot == NULL || dot == name) {
        return 0;
    }

    if (strcmp(dot, ".yaml") != 0 && strcmp(dot, ".yml") != 0
        && strcmp(dot, ".json") != 0 && strcmp(dot, ".toml") != 0)
    {
        snprintf(msg, sizeof(msg), "no unmarshaler registered for %.100s",
                 dot + 1);
        return page_i18n_fail(l, 0, 0, msg);
    }

    fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd == -1 || fstat(fd, &sb) != 0) {
        if (fd != -1) {
            close(fd);
        }
        return page_i18n_fail(l, 0, 0, strerror(errno));
    }

    if (sb.st_size > PAGE_SITE_I18N_MAX_FILE) {
        close(fd);
        return page_i18n_fail(l, 0, 0, "file too large "
                              "(PAGE_SITE_I18N_MAX_FILE)");
    }

    b = page_arena_alloc(&l->s->scratch, (size_t) sb.st_size + 1);
    if (b == NULL) {
        close(fd);
        return -2;
    }

    r = page_read_full(fd, b, (size_t) sb.st_size);
    n = r > 0 ? (size_t) r : 0;
    close(fd);
    b[n] = '\0';

    lang = page_i18n_lang_add(l, name, (size_t) (dot - name));
    if (lang == NULL) {
        return l->t->n > PAGE_SITE_I18N_MAX_FILES
               ? page_i18n_fail(l, 0, 0, "too many translation files "
                                "(PAGE_SITE_I18N_MAX_FILES)")
               : -2;
    }

    if (n == 0) {
        return 0;
    }

    rc = page_unmarshal_file(&l->s->scratch, name, b, n, &v, msg,
                             sizeof(msg), &line, &col);
    if (rc == -2) {
        return -2;
    }
    if (rc != 0) {
        return page_i18n_fail(l, line, col, msg);
    }

    return page_i18n_walk(l, lang, "", 0, v, 0);
}


static int
page_i18n_cmp(const void *x, const void *y)
{
    return strcmp(*(const char *const *) x, *(const char *const *) y);
}


static int
page_i18n_dir(page_i18n_load_t *l, const char *dir)
{
    int             fd, rc;
    DIR            *d;
    char            full[PAGE_SITE_MAX_PATH * 2], path[PAGE_SITE_MAX_PATH];
    char          **names;
    size_t          n, cap, i, len;
    struct stat     sb;
    struct dirent  *e;

    snprintf(full, sizeof(full), "%s/%s", l->s->root, dir);

    fd = open(full, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd == -1) {
        return 0;
    }

    d = fdopendir(fd);
    if (d == NULL) {
        close(fd);
        return 0;
    }

    names = NULL;
    n = 0;
    cap = 0;

    while ((e = readdir(d)) != NULL) {
        len = strlen(e->d_name);
        if (e->d_name[0] == '.' || e->d_name[0] == '#'
            || e->d_name[len - 1] == '~'
            || fstatat(fd, e->d_name, &sb, AT_SYMLINK_NOFOLLOW) != 0
            || !S_ISREG(sb.st_mode))
        {
            continue;
        }
        if (n == cap) {
            if (n >= PAGE_SITE_I18N_MAX_FILES) {
                break;
            }
            cap = cap ? cap * 2 : 16;
            names = page_arena_realloc(&l->s->scratch, names,
                                       n * sizeof(char *),
                                       cap * sizeof(char *));
            if (names == NULL) {
                closedir(d);
                return -2;
            }
        }
        names[n] = page_arena_strndup(&l->s->scratch, e->d_name, len);
        if (names[n] == NULL) {
            closedir(d);
            return -2;
        }
        n++;
    }

    if (n > 1) {
        qsort(names, n, sizeof(char *), page_i18n_cmp);
    }

    rc = 0;

    for (i = 0; i < n && rc == 0; i++) {
        snprintf(path, sizeof(path), "%.2000s/%.2000s", dir, names[i]);
        l->path = path;
        rc = page_i18n_file(l, fd, names[i]);
    }

    closedir(d);

    return rc;
}


static int
page_i18n_load(page_site_t *s, page_i18n_t *t)
{
    int               rc;
    char              dir[PAGE_SITE_MAX_PATH];
    size_t            i;
    const char       *def;
    page_i18n_load_t  l;

    memset(&l, 0, sizeof(l));
    l.s = s;
    l.t = t;

    t->langs = page_arena_alloc(&s->arena, (PAGE_SITE_I18N_MAX_FILES + 1)
                                           * sizeof(page_i18n_lang_t));
    if (t->langs == NULL) {
        return -2;
    }

    /* go-i18n's bundle always has its default language, first */
    def = s->cfg->default_lang ? s->cfg->default_lang : "en";
    if (page_i18n_lang_add(&l, def, strlen(def)) == NULL) {
        return -2;
    }

    rc = 0;

    for (i = 0; i <= s->cfg->nthemes && rc == 0; i++) {
        if (i == 0) {
            snprintf(dir, sizeof(dir), "i18n");
        } else {
            if (s->cfg->theme_list[i - 1][0] == '.'
                || strchr(s->cfg->theme_list[i - 1], '/') != NULL)
            {
                continue;       /* inside themes/ only */
            }
            snprintf(dir, sizeof(dir), "themes/%.1000s/i18n",
                     s->cfg->theme_list[i - 1]);
        }
        rc = page_i18n_dir(&l, dir);
    }

    page_arena_free(&s->scratch);
    page_arena_init(&s->scratch, 0);

    if (rc == -2) {
        snprintf(l.err, sizeof(l.err), "failed to load translations: out "
                 "of memory");
    }

    if (rc != 0) {
        t->error = page_site_strdup(s, l.err, strlen(l.err));
        return t->error != NULL ? -1 : -2;
    }

    return 0;
}


static page_i18n_t *
page_i18n_get(page_site_t *s, const char **error)
{
    page_i18n_t  *t;

    t = s->i18n;

    if (t == NULL) {
        t = page_arena_alloc(&s->arena, sizeof(page_i18n_t));
        if (t == NULL) {
            *error = "failed to load translations: out of memory";
            return NULL;
        }

        memset(t, 0, sizeof(page_i18n_t));

        if (page_i18n_load(s, t) == -2) {
            *error = "failed to load translations: out of memory";
            return NULL;
        }

        s->i18n = t;
    }

    *error = t->error;

    return t->error == NULL ? t : NULL;
}


/* ---- T ---- */

/* Hugo's toPluralCountValue: the count as go-i18n takes it, or NULL. */
static const char *
page_i18n_count_of(page_tpl_state_t *st, page_value_t *v, char *buf,
    size_t size)
{
    int          exp, n, neg;
    char         digits[32], *end;
    page_buf_t   b;

    if (v == NULL || v->type == PAGE_NIL) {
        return "0";             /* cast.ToIntE(nil) is 0 */
    }

    switch ((int) v->type) {

    case PAGE_INT:
        snprintf(buf, size, "%lld", (long long) v->u.i);
        return buf;

    case PAGE_BOOL:
        return v->u.b ? "1" : "0";

    case PAGE_FLOAT:
        if (!isfinite(v->u.f)) {
            return NULL;
        }
        if (v->u.f == 0) {
            return "0.0";
        }
        /* strconv.FormatFloat(f, 'f', -1), then ".0" when it has no "." */
        n = page_float_digits(v->u.f, digits, &exp, &neg);
        page_buf_init(&b, page_tpl_arena(st), size);
        page_float_plain(&b, digits, n, exp);
        if (page_buf_failed(&b) || b.len + 3 >= size) {
            return NULL;
        }
        snprintf(buf, size, "%.*s%s", (int) b.len, b.data,
                 memchr(b.data, '.', b.len) ? "" : ".0");
        return buf;

    default:
        break;
    }

    if (page_value_is_string(v)) {
        if (v->u.s.len == 0 || v->u.s.len >= size) {
            return NULL;
        }
        memcpy(buf, v->u.s.data, v->u.s.len);
        buf[v->u.s.len] = '\0';
        errno = 0;
        (void) strtod(buf, &end);
        if (*end != '\0' || end == buf) {
            return NULL;        /* not a number: no count */
        }
        return buf;
    }

    return NULL;
}


/* Hugo's getPluralCount of the argument. */
static const char *
page_i18n_plural_count(page_tpl_state_t *st, page_value_t *arg, char *buf,
    size_t size)
{
    size_t  i;

    if (arg == NULL || arg->type == PAGE_NIL) {
        return NULL;
    }

    if (arg->type == PAGE_MAP) {
        for (i = 0; i < arg->u.map.n; i++) {
            if (arg->u.map.items[i].key.len == 5
                && strncasecmp(arg->u.map.items[i].key.data, "count", 5)
                   == 0)
            {
                return page_i18n_count_of(st, arg->u.map.items[i].value,
                                          buf, size);
            }
        }
        return NULL;
    }

    if (arg->type == PAGE_LIST || arg->type == PAGE_TIME) {
        return NULL;
    }

    return page_i18n_count_of(st, arg, buf, size);
}


/*
 * go-i18n's getMessageTemplate (v2.2): the language's message, else the
 * bundle's default language's (no other language of the same base: a
 * "pt-br" page does not read pt.yaml, hugo 0.111.3 agrees).
 */
static page_i18n_lang_t *
page_i18n_match(page_i18n_t *t, const char *tag, const char *id,
    size_t len, page_i18n_msg_t **msg)
{
    page_i18n_lang_t  *l;

    l = page_i18n_lang(t, tag);
    if (l != NULL) {
        *msg = page_site_hmap_get(&l->msgs, id, len);
        if (*msg != NULL) {
            return l;
        }
    }

    l = &t->langs[0];
    *msg = page_site_hmap_get(&l->msgs, id, len);

    return *msg != NULL ? l : NULL;
}


/* Run the form's text as a text template with dot: NULL when it fails. */
static page_value_t *
page_i18n_run(page_tpl_state_t *st, const char *id, const char *text,
    page_value_t *dot, page_value_t *count)
{
    int                     rc;
    page_error_t            err;
    page_value_t           *out, *saved_count;
    page_tpl_set_t         *set;
    const page_tpl_node_t  *saved;

    if (strstr(text, "{{") == NULL) {
        return page_value_string(page_tpl_arena(st), text, strlen(text));
    }

    page_error_init(&err);

    set = page_tpl_set_new(page_tpl_arena(st), 0);
    if (set == NULL
        || page_tpl_set_funcs(set, page_data_funcs, page_data_nfuncs) != 0)
    {
        page_tpl_nomem(st);
        return NULL;
    }

    if (page_tpl_set_add(set, id, id, text, strlen(text), &err) != 0
        || page_tpl_set_check(set, &err) != 0)
    {
        return &page_nil_value;         /* Hugo: "" and a warning */
    }

    saved = st->node;
    saved_count = page_i18n_count;
    page_i18n_count = count;

    rc = page_tpl_call_in(st, set, id, dot, &out);

    page_i18n_count = saved_count;
    st->node = saved;

    if (rc != 0) {
        if (st->err->status != PAGE_ERR_TEMPLATE) {
            return NULL;                /* a limit, or out of memory */
        }
        page_error_init(st->err);       /* Hugo: "" and a warning */
        return &page_nil_value;
    }

    return out;
}


int
page_site_i18n_translate(page_tpl_state_t *st, const char *id, size_t len,
    page_value_t *arg, int has_arg, page_value_t **res)
{
    int                 placeholders;
    char                buf[PAGE_I18N_MAX_COUNT + 8];
    page_data_t        *d;
    page_site_t        *s;
    const char         *error, *count, *tag, *text;
    page_i18n_t        *t;
    page_value_t       *dot, *out, *num;
    page_plural_t       form;
    page_i18n_msg_t    *msg;
    page_i18n_lang_t   *l;
    size_t              lang;

    d = page_tpl_env(st)->data;

    if (d == NULL || page_site_data_site(d, &s, &lang) != 0) {
        return 1;
    }

    t = page_i18n_get(s, &error);
    if (t == NULL) {
        return page_tpl_fail(st, "%s", error);
    }

    placeholders = page_value_truthy(page_config_get(s->cfg,
                                    "enableMissingTranslationPlaceholders"));

    /* Hugo's Func: the page's language, else the default language's */
    tag = s->langs[lang].conf ? s->langs[lang].conf->lang : "";
    if (page_i18n_lang(t, tag) == NULL) {
        tag = t->langs[0].tag;
    }

    l = page_i18n_match(t, tag, id, len, &msg);
    text = NULL;
    out = NULL;

    if (l != NULL) {
        count = has_arg ? page_i18n_plural_count(st, arg, buf, sizeof(buf))
                        : NULL;
        form = page_site_i18n_plural(l->tag, count);
        text = msg->forms[form] ? msg->forms[form]
                                : msg->forms[PAGE_PLURAL_OTHER];

        /*
         * No argument: Go's nil data, whose .Count prints "<no value>"
         * as a missing key of an empty map does here.  An int is Hugo's
         * intCount: itself, with .Count.
         */
        dot = has_arg && arg != NULL && arg->type != PAGE_NIL
              ? arg : page_value_map(page_tpl_arena(st));
        if (dot == NULL) {
            return page_tpl_nomem(st);
        }
        num = NULL;
        if (dot != NULL && dot->type == PAGE_INT) {
            num = page_value_int(page_tpl_arena(st), dot->u.i);
            if (num == NULL) {
                return page_tpl_nomem(st);
            }
            dot = num;
        }

        if (text != NULL) {
            out = page_i18n_run(st, id, text, dot, num);
            if (out == NULL) {
                return -1;
            }
        }
    }

    if (out != NULL && out->type != PAGE_NIL
        && (strcmp(l->tag, tag) == 0 || !placeholders))
    {
        const char  *s_;
        size_t       n_;

        if (page_tpl_str(out, &s_, &n_) != 1) {
            s_ = "";
            n_ = 0;
        }
        return page_tpl_ret_str(st, PAGE_STRING, s_, n_, res);
    }

    if (placeholders) {
        char  *p;

        p = page_arena_alloc(page_tpl_arena(st), len + 8);
        if (p == NULL) {
            return page_tpl_nomem(st);
        }
        memcpy(p, "[i18n] ", 7);
        memcpy(p + 7, id, len);
        return page_tpl_ret_str(st, PAGE_STRING, p, len + 7, res);
    }

    return page_tpl_ret_str(st, PAGE_STRING, "", 0, res);
}


int
page_site_i18n_method(page_value_t *recv, const char *name, size_t len,
    size_t nargs, page_value_t **res)
{
    if (recv == NULL || recv != page_i18n_count || nargs != 0 || len != 5
        || memcmp(name, "Count", 5) != 0)
    {
        return 1;
    }

    *res = recv;

    return 0;
}
