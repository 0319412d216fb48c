/*
 * page_fn_inflect: Hugo's inflect namespace (tpl/inflect): humanize,
 * pluralize, singularize.  Hugo calls gobuffalo/flect, an English
 * inflector: a word list of irregular and uncountable words, then rules
 * on the word's ending.  This file has rules of its own written to give
 * flect's answers for the words sites use (section and taxonomy names:
 * "post", "category", "tag", "series", and the common irregulars), quirks
 * included ("leaf" -> "leafs", "video" -> "videoes"); a rare word may
 * differ.  Only the last part of a compound ("user_profile") changes,
 * and a capital first letter stays.
 */

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "page_fn.h"

/* Longest word inflected: longer text is returned as it is. */
#define PAGE_INFLECT_MAX  256


/* Words with no plural of their own. */
static const char  *page_inflect_same[] = {
    "aircraft", "bison", "deer", "equipment", "fish", "information",
    "jeans", "moose", "money", "news", "offspring", "police", "rice",
    "salmon", "series", "sheep", "species", "swine", "trout", "tuna",
    NULL
};

/* Whole words: singular, plural. */
static const char  *page_inflect_words[][2] = {
    { "alias", "aliases" }, { "alumnus", "alumni" },
    { "analysis", "analyses" }, { "apparatus", "apparatuses" },
    { "axis", "axes" }, { "basis", "bases" }, { "bus", "buses" },
    { "cactus", "cacti" }, { "campus", "campuses" }, { "child", "children" },
    { "corpus", "corpora" }, { "crisis", "crises" },
    { "criterion", "criteria" }, { "datum", "data" }, { "die", "dice" },
    { "dwarf", "dwarves" }, { "focus", "foci" }, { "foot", "feet" },
    { "fungus", "fungi" }, { "goose", "geese" }, { "hoof", "hooves" },
    { "index", "indices" }, { "loaf", "loaves" }, { "louse", "lice" },
    { "man", "men" }, { "matrix", "matrices" }, { "medium", "media" },
    { "mouse", "mice" }, { "move", "moves" }, { "movie", "movies" },
    { "nucleus", "nuclei" }, { "oasis", "oases" }, { "octopus", "octopi" },
    { "opus", "opera" }, { "ox", "oxen" }, { "person", "people" },
    { "phenomenon", "phenomena" }, { "plus", "pluses" },
    { "quiz", "quizzes" }, { "radius", "radiuses" }, { "scarf", "scarves" },
    { "sex", "sexes" }, { "shoe", "shoes" }, { "status", "statuses" },
    { "stimulus", "stimuli" }, { "syllabus", "syllabi" },
    { "thesis", "theses" }, { "thief", "thieves" }, { "tooth", "teeth" },
    { "virus", "viri" }, { "woman", "women" },
    { NULL, NULL }
};

/* Endings, singular -> plural, the first that fits. */
static const char  *page_inflect_plural[][2] = {
    { "rion", "ria" }, { "enon", "ena" }, { "atum", "ata" },
    { "dium", "dia" }, { "mium", "mia" }, { "ndix", "ndices" },
    { "trix", "trices" }, { "rtex", "rtices" }, { "lex", "lices" },
    { "sis", "ses" }, { "lf", "lves" }, { "rf", "rves" },
    { "fe", "ves" }, { "io", "ios" }, { "iano", "ianos" }, { "oto", "otos" },
    { "o", "oes" }, { "ay", "ays" }, { "ey", "eys" }, { "oy", "oys" },
    { "uy", "uys" }, { "y", "ies" }, { "ch", "ches" }, { "sh", "shes" },
    { "ss", "sses" }, { "zz", "zzes" }, { "x", "xes" },
    { NULL, NULL }
};

/* Endings, plural -> singular, the first that fits. */
static const char  *page_inflect_singular[][2] = {
    { "sis", "sis" },
    { "vices", "vice" }, { "hives", "hive" }, { "lves", "lf" },
    { "rtices", "rtix" }, { "ndices", "ndix" }, { "lices", "lex" },
    { "ices", "ex" }, { "ies", "y" }, { "ves", "fe" },
    { "oes", "o" }, { "sses", "ss" }, { "ches", "ch" }, { "shes", "sh" },
    { "zzes", "zz" }, { "xes", "x" }, { "ses", "se" },
    { NULL, NULL }
};


static int
page_inflect_ends(const char *w, size_t len, const char *suffix)
{
    size_t  n;

    n = strlen(suffix);
    return n <= len && memcmp(w + len - n, suffix, n) == 0;
}


static int
page_inflect_is(const char *w, size_t len, const char *word)
{
    return strlen(word) == len && memcmp(w, word, len) == 0;
}


/*
 * The inflection of s (plural: 1 pluralize, 0 singularize) into b: the
 * text before its last part as it is, then the last part changed.
 */
static void
page_inflect(page_buf_t *b, const char *s, size_t len, int plural)
{
    char         low[PAGE_INFLECT_MAX];
    size_t       start, n, i, k, keep;
    const char  *add, *(*rules)[2];
    int          upper;

    if (len == 0 || len >= PAGE_INFLECT_MAX) {
        page_buf_append(b, s, len);
        return;
    }

    /* the last part: after the last character not a letter or digit */
    for (start = len; start > 0; start--) {
        i = (unsigned char) s[start - 1];
        if (!((i | 0x20) >= 'a' && (i | 0x20) <= 'z') && i < 0x80
            && !(i >= '0' && i <= '9'))
        {
            break;
        }
    }
    n = len - start;
    for (i = 0; i < n; i++) {
        low[i] = (char) ((s[start + i] >= 'A' && s[start + i] <= 'Z')
                         ? s[start + i] | 0x20 : s[start + i]);
    }
    low[n] = '\0';
    upper = n > 0 && s[start] >= 'A' && s[start] <= 'Z';

    page_buf_append(b, s, start);
    if (n == 0) {
        return;                         /* no word at the end: "post_2" */
    }

    for (i = 0; page_inflect_same[i] != NULL; i++) {
        if (page_inflect_is(low, n, page_inflect_same[i])) {
            goto same;
        }
    }

    for (i = 0; page_inflect_words[i][0] != NULL; i++) {
        if (page_inflect_is(low, n, page_inflect_words[i][plural ? 1 : 0])) {
            goto same;                  /* already what was asked */
        }
        if (page_inflect_is(low, n, page_inflect_words[i][plural ? 0 : 1]))
        {
            add = page_inflect_words[i][plural ? 1 : 0];
            keep = 0;
            goto replace;
        }
    }

    rules = plural ? page_inflect_plural : page_inflect_singular;
    for (i = 0; rules[i][0] != NULL; i++) {
        /* an ending that is the whole word changes only when it grows */
        k = strlen(rules[i][0]);
        if (page_inflect_ends(low, n, rules[i][0])
            && (n > k || strncmp(rules[i][1], rules[i][0], k) == 0))
        {
            add = rules[i][1];
            keep = n - strlen(rules[i][0]);
            goto replace;
        }
    }

    if (plural) {
        if (low[n - 1] == 's') {
            goto same;                  /* taken for a plural already */
        }
        page_buf_append(b, s + start, n);
        page_buf_putc(b, 's');
        return;
    }

    if (n > 1 && low[n - 1] == 's' && low[n - 2] != 's') {
        page_buf_append(b, s + start, n - 1);
        return;
    }

same:

    page_buf_append(b, s + start, n);
    return;

replace:

    if (keep == 0 && upper) {
        page_buf_putc(b, (char) (add[0] & ~0x20));
        page_buf_puts(b, add + 1);
        return;
    }
    page_buf_append(b, s + start, keep);
    page_buf_puts(b, add);
}


/* The argument as cast.ToStringE gives it. */
static int
page_inflect_arg(page_tpl_state_t *st, page_value_t *v, const char **s,
    size_t *len)
{
    if (v != NULL && (v->type == PAGE_LIST || v->type == PAGE_MAP)) {
        return page_fn_cast_fail(st, v, "string");
    }
    return page_tpl_text(st, v, s, len);
}


static int
page_tpl_f_pluralize(PAGE_FN_ARGS)
{
    const char  *s;
    size_t       len;
    page_buf_t   b;

    (void) nargs;
    if (page_inflect_arg(st, args[0], &s, &len) != 0) {
        return -1;
    }
    page_tpl_buf(st, &b);
    page_inflect(&b, s, len, 1);
    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


static int
page_tpl_f_singularize(PAGE_FN_ARGS)
{
    const char  *s;
    size_t       len;
    page_buf_t   b;

    (void) nargs;
    if (page_inflect_arg(st, args[0], &s, &len) != 0) {
        return -1;
    }
    page_tpl_buf(st, &b);
    page_inflect(&b, s, len, 0);
    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


/* Is s[0, len) a decimal integer, as strconv.Atoi reads one. */
static int
page_inflect_atoi(const char *s, size_t len, long long *n)
{
    char  buf[32], *end;

    if (len == 0 || len >= sizeof(buf)) {
        return 0;
    }
    memcpy(buf, s, len);
    buf[len] = '\0';
    if (!(buf[0] == '-' || buf[0] == '+' || (buf[0] >= '0' && buf[0] <= '9')))
    {
        return 0;
    }
    *n = strtoll(buf, &end, 10);
    return *end == '\0';
}


/* Acronyms humanize keeps in capitals (a few of flect's). */
static const char  *page_inflect_acronyms[] = {
    "API", "CSS", "HTML", "HTTP", "HTTPS", "ID", "JSON", "RSS", "SQL",
    "URL", "UUID", "XML", NULL
};


/*
 * humanize: an integer (or a string of one) as an ordinal ("3rd"); else
 * the words of the text (split at '-', '_', spaces and camelCase) joined
 * by single spaces, in lower case but the first letter and acronyms.
 */
static int
page_tpl_f_humanize(PAGE_FN_ARGS)
{
    const char  *s, *suffix;
    size_t       len, i, w, k, first;
    long long    n;
    page_buf_t   b;
    char         c;
    int          found;

    (void) nargs;

    if (page_inflect_arg(st, args[0], &s, &len) != 0) {
        return -1;
    }
    page_tpl_buf(st, &b);

    if ((args[0] != NULL && args[0]->type == PAGE_INT)
        || page_inflect_atoi(s, len, &n))
    {
        if (args[0] != NULL && args[0]->type == PAGE_INT) {
            n = args[0]->u.i;
        }
        suffix = "th";
        k = (size_t) ((n < 0 ? -(n % 100) : n % 100));
        if (k < 11 || k > 13) {
            switch (k % 10) {
            case 1: suffix = "st"; break;
            case 2: suffix = "nd"; break;
            case 3: suffix = "rd"; break;
            }
        }
        page_buf_append(&b, s, len);
        page_buf_puts(&b, suffix);
        return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
    }

    first = 1;
    for (i = 0; i < len; ) {
        while (i < len && page_tpl_oneof(s[i], "-_ \t\n")) {
            i++;
        }
        if (i == len) {
            break;
        }
        /* a word: to a separator or a lower-to-upper case change */
        for (w = i + 1; w < len && !page_tpl_oneof(s[w], "-_ \t\n"); w++) {
            if (s[w] >= 'A' && s[w] <= 'Z' && s[w - 1] >= 'a'
                && s[w - 1] <= 'z')
            {
                break;
            }
            /* "APIKey": the capital that starts "Key" ends "API" */
            if (s[w] >= 'A' && s[w] <= 'Z' && w + 1 < len
                && s[w + 1] >= 'a' && s[w + 1] <= 'z' && s[w - 1] >= 'A'
                && s[w - 1] <= 'Z')
            {
                break;
            }
        }

        if (!first) {
            page_buf_putc(&b, ' ');
        }

        found = 0;
        for (k = 0; page_inflect_acronyms[k] != NULL; k++) {
            if (strlen(page_inflect_acronyms[k]) == w - i
                && strncasecmp(page_inflect_acronyms[k], s + i, w - i) == 0)
            {
                page_buf_puts(&b, page_inflect_acronyms[k]);
                found = 1;
                break;
            }
        }
        for (k = i; !found && k < w; k++) {
            c = s[k];
            if (c >= 'A' && c <= 'Z') {
                c |= 0x20;
            }
            if (first && k == i && c >= 'a' && c <= 'z') {
                c &= ~0x20;
            }
            page_buf_putc(&b, c);
        }
        first = 0;
        i = w;
    }

    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


const page_tpl_func_t  page_fn_inflect[] = {
    { "inflect.Humanize", page_tpl_f_humanize, 1, 1 },
    { "humanize", page_tpl_f_humanize, 1, 1 },
    { "inflect.Pluralize", page_tpl_f_pluralize, 1, 1 },
    { "pluralize", page_tpl_f_pluralize, 1, 1 },
    { "inflect.Singularize", page_tpl_f_singularize, 1, 1 },
    { "singularize", page_tpl_f_singularize, 1, 1 },
    { NULL, NULL, 0, 0 }
};
