/*
 * page_linkify: measures the bare URL or e-mail address at a place in
 * text, as goldmark 1.5.4's linkify extension (Hugo 0.111.3) does.
 *
 * goldmark matches two regular expressions, here by hand:
 *
 *   (http|https|ftp)://D{1,256}\.[a-z]+(:\d+)?([/#?]P*)?
 *   www\.D{1,256}\.[a-z]+([/#?]W*)?
 *
 * D, P and W are the character sets below; Go's leftmost-first matching
 * makes D{1,256} end at the last '.' (within 256 bytes) that a lower-case
 * letter follows.  Then a last '.' goes, a final ')' takes as many bytes
 * off as there are unbalanced ")" in the match, a final "&name;" goes,
 * and trailing ?!.,:*_~ go.  An e-mail address is a run of the local-part
 * bytes, '@', and dot-separated labels of at most 63 letters, digits and
 * inner '-', with a '.' among them and no '-' or '_' right after.
 *
 * Every scan is bounded by the bytes it returns, or by 257 bytes (the
 * domain's backtracking), except the e-mail local part, whose result the
 * cache shares between the starts within one run: linear time in all.
 */

#include <string.h>

#include "page_linkify.h"

/* D{1,256}: the most bytes goldmark's domain repetition takes */
#define PAGE_LINKIFY_MAX_DOMAIN  256

/* an e-mail label: [a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])? */
#define PAGE_LINKIFY_MAX_LABEL  63


static int
page_linkify_alnum(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
           || (c >= '0' && c <= '9');
}


static int
page_linkify_lower(int c)
{
    return c >= 'a' && c <= 'z';
}


static int
page_linkify_digit(int c)
{
    return c >= '0' && c <= '9';
}


/* D: [-a-zA-Z0-9@:%._+~#=] */
static int
page_linkify_domain_byte(int c)
{
    return page_linkify_alnum(c) || (c != 0 && strchr("-@:%._+~#=", c));
}


/* P (URLs): [-a-zA-Z0-9@:%_+.~#$!?&/=();,'">^{}[]`]; W (www.): no '$' */
static int
page_linkify_path_byte(int c, int www)
{
    if (c == '$') {
        return !www;
    }

    return page_linkify_alnum(c)
           || (c != 0 && strchr("-@:%_+.~#!?&/=();,'\">^{}[]`", c));
}


/* goldmark's emailTable: the bytes of a local part */
static int
page_linkify_local_byte(int c)
{
    return page_linkify_alnum(c)
           || (c != 0 && strchr("!#$%&'*+-./=?^_`{|}~", c));
}


/* goldmark's util.IsPunct: ASCII punctuation */
static int
page_linkify_punct(int c)
{
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@')
           || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}


/*
 * D{1,256}\.[a-z]+ at s[p..limit): the end of the letters, or 0.
 */
static size_t
page_linkify_host(const char *s, size_t p, size_t limit)
{
    size_t  run, k;

    for (run = 0; p + run < limit && run <= PAGE_LINKIFY_MAX_DOMAIN
                  && page_linkify_domain_byte((unsigned char) s[p + run]);
         run++)
    {
        /* void */
    }

    /* the '.' at p + k is inside the run; a letter follows it */
    k = run > PAGE_LINKIFY_MAX_DOMAIN ? PAGE_LINKIFY_MAX_DOMAIN : run;
    if (k == run && k > 0) {
        k--;
    }

    for ( /* void */ ; k >= 1; k--) {
        if (s[p + k] == '.' && p + k + 1 < limit
            && page_linkify_lower((unsigned char) s[p + k + 1]))
        {
            break;
        }
    }

    if (k == 0) {
        return 0;
    }

    for (p += k + 1; p < limit && page_linkify_lower((unsigned char) s[p]);
         p++)
    {
        /* void */
    }

    return p;
}


static int
page_linkify_prefix(const char *s, size_t p, size_t limit, const char *pre)
{
    size_t  n = strlen(pre);

    return limit - p >= n && memcmp(s + p, pre, n) == 0;
}


/* A URL or www. link at s[p..limit): its end before trimming, or 0. */
static size_t
page_linkify_url(const char *s, size_t p, size_t limit,
    page_linkify_kind_t *kind)
{
    int     www;
    size_t  q;

    www = 0;

    if (page_linkify_prefix(s, p, limit, "http://")) {
        q = p + 7;
    } else if (page_linkify_prefix(s, p, limit, "https://")) {
        q = p + 8;
    } else if (page_linkify_prefix(s, p, limit, "ftp://")) {
        q = p + 6;
    } else if (page_linkify_prefix(s, p, limit, "www.")) {
        q = p + 4;
        www = 1;
    } else {
        return 0;
    }

    q = page_linkify_host(s, q, limit);
    if (q == 0) {
        /* "http:" that is no URL may still start "www."? never: 'h' */
        return 0;
    }

    /* (:\d+)? for URLs with a scheme */
    if (!www && q + 1 < limit && s[q] == ':'
        && page_linkify_digit((unsigned char) s[q + 1]))
    {
        for (q += 2; q < limit && page_linkify_digit((unsigned char) s[q]);
             q++)
        {
            /* void */
        }
    }

    if (q < limit && (s[q] == '/' || s[q] == '#' || s[q] == '?')) {
        for (q++; q < limit && page_linkify_path_byte((unsigned char) s[q],
                                                      www);
             q++)
        {
            /* void */
        }
    }

    *kind = www ? PAGE_LINKIFY_WWW : PAGE_LINKIFY_URL;

    return q;
}


/* goldmark's trimming of a URL's end: '.', unbalanced ')', "&name;" */
static size_t
page_linkify_trim_url(const char *s, size_t p, size_t end)
{
    long    closing;
    size_t  i;

    switch (s[end - 1]) {
    case '.':
        return end - 1;

    case ')':
        closing = 0;
        for (i = p; i < end; i++) {
            closing += s[i] == ')';
            closing -= s[i] == '(';
        }
        return closing > 0 ? end - (size_t) closing : end;

    case ';':
        for (i = end - 1; i > p
                          && page_linkify_alnum((unsigned char) s[i - 1]);
             i--)
        {
            /* void */
        }
        /* s[i - 1] is the byte before the alphanumerics */
        if (i != end - 1 && i > p && s[i - 1] == '&') {
            return i - 1;
        }
        return end;

    default:
        return end;
    }
}


/* One e-mail label at s[p..limit): its end, or 0. */
static size_t
page_linkify_label(const char *s, size_t p, size_t limit)
{
    size_t  run, l;

    if (p >= limit || !page_linkify_alnum((unsigned char) s[p])) {
        return 0;
    }

    for (run = 0; p + 1 + run < limit && run < PAGE_LINKIFY_MAX_LABEL - 1
                  && (page_linkify_alnum((unsigned char) s[p + 1 + run])
                      || s[p + 1 + run] == '-');
         run++)
    {
        /* void */
    }

    /* the longest tail of the run that ends in a letter or digit */
    for (l = run; l > 0 && s[p + l] == '-'; l--) {
        /* void */
    }

    return p + 1 + l;
}


/* The domain after an '@' at s[p..limit): its end, or 0. */
static size_t
page_linkify_domain(const char *s, size_t p, size_t limit)
{
    size_t  end, next;

    end = page_linkify_label(s, p, limit);
    if (end == 0) {
        return 0;
    }

    while (end < limit && s[end] == '.') {
        next = page_linkify_label(s, end + 1, limit);
        if (next == 0) {
            break;
        }
        end = next;
    }

    return end;
}


void
page_linkify_cache_init(page_linkify_cache_t *c)
{
    c->text = NULL;
    c->from = 0;
    c->to = 0;
    c->limit = 0;
    c->end = 0;
}


/* The address whose local part ends at s[at], or 0: s[at] must be '@'. */
static size_t
page_linkify_address(const char *s, size_t len, size_t at, size_t limit)
{
    size_t  end, i;

    if (at + 1 >= limit || s[at] != '@') {
        return 0;
    }

    end = page_linkify_domain(s, at + 1, limit);
    if (end == 0) {
        return 0;
    }

    /* a '.' in the domain, and no '-' or '_' after it */
    for (i = at + 1; i < end && s[i] != '.'; i++) {
        /* void */
    }

    if (i == end || (end < len && (s[end] == '-' || s[end] == '_'))) {
        return 0;
    }

    return end;
}


/* An e-mail address at s[p..limit): its end, or 0. */
static size_t
page_linkify_email(const char *s, size_t len, size_t p, size_t limit,
    page_linkify_cache_t *c)
{
    size_t  at;

    if (page_linkify_punct((unsigned char) s[p])) {
        return 0;
    }

    if (c->text != s || c->limit != limit || p < c->from || p >= c->to) {
        for (at = p;
             at < limit && page_linkify_local_byte((unsigned char) s[at]);
             at++)
        {
            /* void */
        }

        c->text = s;
        c->from = p;
        c->to = at;
        c->limit = limit;
        c->end = page_linkify_address(s, len, at, limit);
    }

    return c->to == p ? 0 : c->end;
}


size_t
page_linkify_match(const char *s, size_t len, size_t start, size_t limit,
    page_linkify_cache_t *cache, page_linkify_kind_t *kind)
{
    size_t  end, i;

    *kind = PAGE_LINKIFY_NONE;

    if (start >= limit) {
        return 0;
    }

    end = page_linkify_url(s, start, limit, kind);

    if (end != 0) {
        end = page_linkify_trim_url(s, start, end);
    } else {
        end = page_linkify_email(s, len, start, limit, cache);
        if (end == 0) {
            return 0;
        }
        *kind = PAGE_LINKIFY_EMAIL;
    }

    /* trailing punctuation, never the first byte */
    for (i = end - 1; i > start && s[i] != '\0'
                      && strchr("?!.,:*_~", s[i]) != NULL; i--)
    {
        /* void */
    }

    return i + 1;
}
