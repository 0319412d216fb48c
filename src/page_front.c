/*
 * page_front: front matter split, and YAML or JSON (libyaml events) to
 * page values.
 *
 * YAML is typed as YAML 1.2's core schema (current Hugo): plain scalars
 * true/false, null/~, integers, floats and timestamps get their types;
 * quoted scalars and !!str are strings.  Aliases are refused outright, so
 * "billion laughs" cannot expand; depth and event count are bounded.  A
 * key written twice in one mapping is refused, as current Hugo's YAML
 * library does.
 *
 * JSON is YAML's flow style nearly: libyaml parses it, after a pass over
 * the text that refuses what YAML takes and JSON does not (single quotes,
 * comments, tags, raw tabs and line breaks in strings, escapes JSON lacks,
 * trailing commas) and writes surrogate pairs (\ud83d\ude00), which
 * libyaml refuses, as one \U escape.  Values are typed as Go's JSON
 * decoder types them for Hugo: numbers are float64, a key written twice
 * keeps its last value.
 */

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "page_front.h"
#include "page_toml.h"

typedef struct {
    page_arena_t   *arena;
    yaml_parser_t   parser;
    const char     *front;      /* the text libyaml reads */
    size_t          front_len;
    const char     *path;
    unsigned        first_line;
    unsigned        first_col;  /* of the text's first byte */
    unsigned        events;
    unsigned        depth;
    unsigned        json;
    page_error_t   *err;
} page_front_ctx_t;

/*
 * The spellings a mapping's key was written in: keys are case-sensitive
 * in YAML and JSON, case-insensitive in the page.
 */
typedef struct page_front_key_s  page_front_key_t;

struct page_front_key_s {
    const char        *raw;
    size_t             len;
    unsigned           line;
    unsigned           col;
    page_front_key_t  *next;        /* another spelling of the same key */
};

static int page_front_node(page_front_ctx_t *ctx, yaml_event_t *ev,
    page_value_t **out);


/* Does the line at p (len bytes left) hold exactly the delimiter? */
static size_t
page_front_delim(const char *p, size_t len, const char *delim)
{
    size_t  n, i;

    n = strlen(delim);
    if (len < n || memcmp(p, delim, n) != 0) {
        return 0;
    }

    for (i = n; i < len && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r');
         i++)
    {
        /* trailing blanks are allowed after the delimiter */
    }

    if (i == len) {
        return i;
    }

    if (p[i] == '\n') {
        return i + 1;
    }

    return 0;
}


/* What Hugo's page lexer skips before the front matter. */
static int
page_front_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}


/* Line breaks in src[0..len): LF, CRLF or a lone CR, as Markdown counts. */
static unsigned
page_front_lines(const char *src, size_t len)
{
    size_t    i;
    unsigned  n;

    n = 0;

    for (i = 0; i < len; i++) {
        n += src[i] == '\n' || (src[i] == '\r'
                                && (i + 1 == len || src[i + 1] != '\n'));
    }

    return n;
}


/*
 * JSON front matter at src[pos] == '{', ended where Hugo's lexer ends
 * it: at the "}" that closes the first "{", braces inside double quotes
 * not counted, a backslash skipping the byte after it (also outside
 * strings: the JSON parser refuses those).  Then one line break ("\r",
 * "\n" or both) is dropped and the rest of the line is body.
 */
static int
page_front_split_json(const char *src, size_t len, size_t pos,
    unsigned line, unsigned col, const char *path, page_front_t *fm,
    page_error_t *err)
{
    size_t  i, level, end;
    int     quoted;

    level = 0;
    quoted = 0;
    end = 0;

    for (i = pos; i < len && i - pos < PAGE_FRONT_MAX_SIZE; i++) {
        switch (src[i]) {
        case '{':
            level += !quoted;
            break;
        case '}':
            level -= !quoted;
            break;
        case '"':
            quoted = !quoted;
            break;
        case '\\':
            i++;
            break;
        }

        if (level == 0) {
            end = i + 1;
            break;
        }
    }

    if (end == 0 && i < len) {
        page_error_set(err, PAGE_ERR_LIMIT, path, line, col,
                       "front matter larger than %d bytes "
                       "(is the \"}\" closing its \"{\" missing?)",
                       PAGE_FRONT_MAX_SIZE);
        return -1;
    }

    if (end == 0) {
        page_error_set(err, PAGE_ERR_CONTENT, path, line, col,
                       "JSON front matter opened with \"{\" is never "
                       "closed (unexpected EOF looking for its \"}\")");
        return -1;
    }

    fm->front = src + pos;
    fm->front_len = end - pos;
    fm->front_line = line;
    fm->front_col = col;
    fm->json = 1;

    if (end < len && src[end] == '\r') {
        end++;
    }
    if (end < len && src[end] == '\n') {
        end++;
    }

    fm->body = src + end;
    fm->body_len = len - end;
    fm->body_line = line + page_front_lines(src + pos, end - pos);

    return 0;
}


/*
 * Front matter opened by a line delim ("---" YAML, "+++" TOML) at src[pos]
 * (line first, column col), up to the next line delim (or "..." for
 * YAML), as Hugo's page lexer splits it.
 */
static int
page_front_split_delim(const char *src, size_t len, size_t pos,
    unsigned first, unsigned col, const char *path, const char *delim,
    page_front_t *fm, page_error_t *err)
{
    int          yaml;
    size_t       n, opener, line_start;
    unsigned     line;
    const char  *nl;

    yaml = strcmp(delim, "---") == 0;
    opener = pos + page_front_delim(src + pos, len - pos, delim);
    pos = opener;
    line = first + 1;

    for ( ;; ) {
        line_start = pos;

        if (pos >= len) {
            page_error_set(err, PAGE_ERR_CONTENT, path, first, col,
                           "front matter opened with \"%s\" is never "
                           "closed (expected a line \"%s\")", delim, delim);
            return -1;
        }

        if (pos - opener > PAGE_FRONT_MAX_SIZE) {
            page_error_set(err, PAGE_ERR_LIMIT, path, first, col,
                           "front matter larger than %d bytes "
                           "(is its closing \"%s\" missing?)",
                           PAGE_FRONT_MAX_SIZE, delim);
            return -1;
        }

        n = page_front_delim(src + pos, len - pos, delim);
        if (n == 0 && yaml) {
            n = page_front_delim(src + pos, len - pos, "...");
        }

        if (n) {
            /*
             * The text starts on the line after the opener: the blanks
             * allowed after it (a tab) are not valid YAML.
             */
            fm->front = src + opener;
            fm->front_len = line_start - opener;
            fm->front_line = first + 1;
            fm->front_col = 1;
            fm->toml = !yaml;
            fm->body = src + line_start + n;
            fm->body_len = len - line_start - n;
            fm->body_line = line + 1;
            return 0;
        }

        nl = memchr(src + pos, '\n', len - pos);
        pos = nl ? (size_t) (nl - src) + 1 : len;
        line++;
    }
}


int
page_front_split(const char *src, size_t len, const char *path,
    page_front_t *fm, page_error_t *err)
{
    size_t    pos, line_start;
    unsigned  first, col;

    memset(fm, 0, sizeof(page_front_t));

    if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) {
        src += 3;
        len -= 3;
    }

    fm->body = src;
    fm->body_len = len;
    fm->body_line = 1;

    /* Hugo's lexer skips blanks and empty lines before the front matter */

    first = 1;
    line_start = 0;

    for (pos = 0; pos < len && page_front_blank(src[pos]); pos++) {
        if (src[pos] == '\n') {
            first++;
            line_start = pos + 1;
        }
    }

    col = (unsigned) (pos - line_start) + 1;

    if (len - pos >= 3 && memcmp(src + pos, "+++", 3) == 0
        && page_front_delim(src + pos, len - pos, "+++"))
    {
        return page_front_split_delim(src, len, pos, first, col, path, "+++",
                                      fm, err);
    }

    if (pos < len && src[pos] == '{'
        && (pos + 1 == len || src[pos + 1] != '{'))
    {
        return page_front_split_json(src, len, pos, first, col, path, fm,
                                     err);
    }

    if (page_front_delim(src + pos, len - pos, "---") == 0) {
        return 0;
    }

    return page_front_split_delim(src, len, pos, first, col, path, "---",
                                  fm, err);
}


/* File line and column of a libyaml mark. */
static void
page_front_mark(page_front_ctx_t *ctx, const yaml_mark_t *m, unsigned *line,
    unsigned *col)
{
    *line = ctx->first_line + (unsigned) m->line;
    *col = (unsigned) m->column + 1
           + (m->line == 0 ? ctx->first_col - 1 : 0);
}


static void
page_front_yaml_error(page_front_ctx_t *ctx)
{
    size_t          i;
    unsigned        line, col;
    unsigned char   c;
    yaml_parser_t  *p = &ctx->parser;
    yaml_mark_t     mark;

    mark = p->problem ? p->problem_mark : p->mark;

    if (p->error == YAML_MEMORY_ERROR) {
        page_error_nomem(ctx->err, ctx->path);
        return;
    }

    if (p->error == YAML_READER_ERROR) {
        /*
         * Bad UTF-8 or a control character: libyaml gives only the byte
         * offset; count lines and characters up to it.
         */
        mark.line = 0;
        mark.column = 0;

        for (i = 0; i < p->problem_offset && i < ctx->front_len; i++) {
            c = (unsigned char) ctx->front[i];

            if (c == '\n'
                || (c == '\r' && (i + 1 == p->problem_offset
                                  || ctx->front[i + 1] != '\n')))
            {
                mark.line++;
                mark.column = 0;

            } else if ((c & 0xC0) != 0x80 && c != '\r') {
                mark.column++;
            }
        }
    }

    page_front_mark(ctx, &mark, &line, &col);
    page_error_set(ctx->err, PAGE_ERR_CONTENT, ctx->path, line, col,
                   "invalid %s front matter: %s%s%s",
                   ctx->json ? "JSON" : "YAML",
                   p->problem ? p->problem : "syntax error",
                   p->context ? " " : "",
                   p->context ? p->context : "");
}


static int
page_front_fail_position(page_front_ctx_t *ctx, yaml_event_t *ev,
    page_status_t status, const char *msg)
{
    unsigned  line, col;

    page_front_mark(ctx, &ev->start_mark, &line, &col);
    page_error_set(ctx->err, status, ctx->path, line, col, "%s", msg);
    return -1;
}


static int
page_front_next(page_front_ctx_t *ctx, yaml_event_t *ev)
{
    char  msg[64];

    if (!yaml_parser_parse(&ctx->parser, ev)) {
        page_front_yaml_error(ctx);
        return -1;
    }

    if (++ctx->events > PAGE_FRONT_MAX_EVENTS) {
        snprintf(msg, sizeof(msg), "front matter has more than %d %s nodes",
                 PAGE_FRONT_MAX_EVENTS, ctx->json ? "JSON" : "YAML");
        page_front_fail_position(ctx, ev, PAGE_ERR_LIMIT, msg);
        yaml_event_delete(ev);
        return -1;
    }

    return 0;
}


static int
page_is_int(const char *s, size_t len, int64_t *out)
{
    char       *end, buf[32];
    long long   v;
    int         base;
    size_t      i;

    if (len == 0 || len >= sizeof(buf)) {
        return 0;
    }

    i = (s[0] == '-' || s[0] == '+') ? 1 : 0;
    base = 10;

    if (len > i + 2 && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'o')) {
        base = s[i + 1] == 'x' ? 16 : 8;
        if (i) {
            return 0;               /* YAML 1.2: no sign on 0x / 0o */
        }
        i += 2;
    }

    if (i == len) {
        return 0;
    }

    for (; i < len; i++) {
        char  c = s[i];

        if (!((c >= '0' && c <= '9')
              || (base == 16 && ((c >= 'a' && c <= 'f')
                                 || (c >= 'A' && c <= 'F')))))
        {
            return 0;
        }
        if (base == 8 && c > '7') {
            return 0;
        }
    }

    memcpy(buf, s, len);
    buf[len] = '\0';

    errno = 0;
    if (base == 10) {
        v = strtoll(buf, &end, 10);
    } else {
        v = strtoll(buf + 2, &end, base);
    }

    if (errno != 0 || *end != '\0') {
        return 0;                   /* out of range: keep it a string */
    }

    *out = v;

    return 1;
}


static int
page_is_float(const char *s, size_t len, double *out)
{
    char    buf[64], *end;
    size_t  i, digits;
    int     dot, exp;

    if (len == 0 || len >= sizeof(buf)) {
        return 0;
    }

    memcpy(buf, s, len);
    buf[len] = '\0';

    i = (s[0] == '-' || s[0] == '+') ? 1 : 0;

    if (strcmp(buf + i, ".inf") == 0 || strcmp(buf + i, ".Inf") == 0
        || strcmp(buf + i, ".INF") == 0)
    {
        *out = s[0] == '-' ? -INFINITY : INFINITY;
        return 1;
    }

    if (i == 0 && (strcmp(buf, ".nan") == 0 || strcmp(buf, ".NaN") == 0
                   || strcmp(buf, ".NAN") == 0))
    {
        *out = NAN;
        return 1;
    }

    /* [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )? */
    digits = 0;
    dot = 0;
    exp = 0;

    for (; i < len; i++) {
        if (s[i] >= '0' && s[i] <= '9') {
            digits++;
        } else if (s[i] == '.' && !dot && !exp) {
            dot = 1;
        } else if ((s[i] == 'e' || s[i] == 'E') && digits && !exp) {
            exp = 1;
            if (i + 1 < len && (s[i + 1] == '-' || s[i + 1] == '+')) {
                i++;
            }
            if (i + 1 >= len) {
                return 0;
            }
        } else {
            return 0;
        }
    }

    if (digits == 0 || (!dot && !exp)) {
        return 0;
    }

    *out = strtod(buf, &end);

    return *end == '\0';
}


static page_value_t *
page_front_scalar(page_front_ctx_t *ctx, yaml_event_t *ev)
{
    const char   *s, *tag;
    size_t        len;
    int64_t       i;
    double        f;
    page_time_t   t;
    page_arena_t *a = ctx->arena;

    s = (const char *) ev->data.scalar.value;
    len = ev->data.scalar.length;
    tag = (const char *) ev->data.scalar.tag;

    if ((tag && strcmp(tag, YAML_STR_TAG) == 0)
        || ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
    {
        return page_value_string(a, s, len);
    }

    if (len == 0 || (len == 1 && s[0] == '~')
        || (len == 4 && (memcmp(s, "null", 4) == 0
                         || memcmp(s, "Null", 4) == 0
                         || memcmp(s, "NULL", 4) == 0)))
    {
        return page_value_new(a, PAGE_NIL);
    }

    if ((len == 4 && (memcmp(s, "true", 4) == 0 || memcmp(s, "True", 4) == 0
                      || memcmp(s, "TRUE", 4) == 0)))
    {
        return page_value_bool(a, 1);
    }

    if ((len == 5 && (memcmp(s, "false", 5) == 0
                      || memcmp(s, "False", 5) == 0
                      || memcmp(s, "FALSE", 5) == 0)))
    {
        return page_value_bool(a, 0);
    }

    if (page_is_int(s, len, &i)) {
        return page_value_int(a, i);
    }

    if (page_is_float(s, len, &f)) {
        return page_value_float(a, f);
    }

    if (len >= 10 && s[0] >= '0' && s[0] <= '9'
        && page_time_parse(s, len, &t) == 0)
    {
        return page_value_time(a, &t);
    }

    return page_value_string(a, s, len);
}


/* ---- JSON ---- */

/* The offset after the digits of s from i. */
static size_t
page_json_digits(const char *s, size_t len, size_t i)
{
    while (i < len && s[i] >= '0' && s[i] <= '9') {
        i++;
    }

    return i;
}


/* Go's JSON number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)? */
static int
page_json_is_number(const char *s, size_t len)
{
    size_t  i, from;

    i = len > 0 && s[0] == '-' ? 1 : 0;

    if (i < len && s[i] == '0') {
        i++;

    } else if (i < len && s[i] >= '1' && s[i] <= '9') {
        i = page_json_digits(s, len, i);

    } else {
        return 0;
    }

    if (i < len && s[i] == '.') {
        from = i + 1;
        i = page_json_digits(s, len, from);
        if (i == from) {
            return 0;
        }
    }

    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        from = i < len && (s[i] == '-' || s[i] == '+') ? i + 1 : i;
        i = page_json_digits(s, len, from);
        if (i == from) {
            return 0;
        }
    }

    return i == len;
}


/*
 * A JSON scalar: a string in double quotes, a number (a float64, as Go
 * decodes it for Hugo), true, false or null.  YAML's other scalars (plain
 * words, single quotes) are errors.
 */
static int
page_json_scalar(page_front_ctx_t *ctx, yaml_event_t *ev, page_value_t **out)
{
    char          msg[160];
    double        f;
    size_t        len;
    const char   *s;

    s = (const char *) ev->data.scalar.value;
    len = ev->data.scalar.length;

    if (ev->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE) {
        *out = page_value_string(ctx->arena, s, len);

    } else if (len == 4 && memcmp(s, "true", 4) == 0) {
        *out = page_value_bool(ctx->arena, 1);

    } else if (len == 5 && memcmp(s, "false", 5) == 0) {
        *out = page_value_bool(ctx->arena, 0);

    } else if (len == 4 && memcmp(s, "null", 4) == 0) {
        *out = page_value_new(ctx->arena, PAGE_NIL);

    } else if (page_json_is_number(s, len)) {
        f = strtod(s, NULL);            /* libyaml ends values with NUL */

        if (isinf(f)) {
            snprintf(msg, sizeof(msg), "invalid JSON front matter: number "
                     "%.40s does not fit a float64", s);
            return page_front_fail_position(ctx, ev, PAGE_ERR_CONTENT, msg);
        }

        *out = page_value_float(ctx->arena, f);

    } else if (len == 0) {
        return page_front_fail_position(ctx, ev, PAGE_ERR_CONTENT,
                   "invalid JSON front matter: a key without a value");

    } else {
        snprintf(msg, sizeof(msg), "invalid JSON front matter: %.40s%s is "
                 "not a JSON value (strings need double quotes)", s,
                 len > 40 ? "..." : "");
        return page_front_fail_position(ctx, ev, PAGE_ERR_CONTENT, msg);
    }

    if (*out == NULL) {
        page_error_nomem(ctx->err, ctx->path);
        return -1;
    }

    return 0;
}


/* The value of four hex digits at p (len bytes left), or -1. */
static long
page_json_hex4(const char *p, size_t len)
{
    size_t  k;
    long    v;
    char    c;

    if (len < 4) {
        return -1;
    }

    v = 0;

    for (k = 0; k < 4; k++) {
        c = p[k];
        v <<= 4;

        if (c >= '0' && c <= '9') {
            v |= c - '0';
        } else if (c >= 'a' && c <= 'f') {
            v |= c - 'a' + 10;
        } else if (c >= 'A' && c <= 'F') {
            v |= c - 'A' + 10;
        } else {
            return -1;
        }
    }

    return v;
}


/* Is c one of the characters of set (never the terminating NUL). */
static int
page_json_oneof(char c, const char *set)
{
    return c != '\0' && strchr(set, c) != NULL;
}


typedef struct {
    page_front_ctx_t  *ctx;
    char              *out;         /* the rewritten copy, once needed */
    size_t             o;
    unsigned           line;
    unsigned           col;
} page_json_scan_t;


/* An error at the scan's position about the character at s (left bytes). */
static int
page_json_fail(page_json_scan_t *sc, const char *s, size_t left,
    const char *what)
{
    int  n;

    /* the whole UTF-8 sequence of a non-ASCII character */
    n = 1;
    while ((size_t) n < left && n < 4
           && ((unsigned char) s[n] & 0xC0) == 0x80)
    {
        n++;
    }

    page_error_set(sc->ctx->err, PAGE_ERR_CONTENT, sc->ctx->path, sc->line,
                   sc->col, "invalid JSON front matter: invalid character "
                   "'%.*s' %s", left ? n : 1, left ? s : "\"", what);
    return -1;
}


/* Copy n bytes of the source to the rewritten text, once there is one. */
static void
page_json_copy(page_json_scan_t *sc, const char *s, size_t n)
{
    if (sc->out != NULL) {
        memcpy(sc->out + sc->o, s, n);
        sc->o += n;
    }
}


/*
 * A \u escape at s (len bytes left, s[0] == '\\', s[1] == 'u') naming a
 * surrogate: a pair becomes one \U escape (two bytes shorter), a lone
 * one \uFFFD, as Go decodes it.  Returns the bytes consumed; *saved the
 * bytes saved.
 */
static size_t
page_json_surrogate(page_json_scan_t *sc, const char *s, size_t len,
    long hi, size_t *saved)
{
    long  lo;

    lo = -1;

    if (hi <= 0xDBFF && len >= 12 && s[6] == '\\' && s[7] == 'u') {
        lo = page_json_hex4(s + 8, len - 8);
    }

    if (lo >= 0xDC00 && lo <= 0xDFFF) {
        sc->o += (size_t) sprintf(sc->out + sc->o, "\\U%08lX",
                                  0x10000 + ((hi - 0xD800) << 10)
                                  + (lo - 0xDC00));
        *saved += 2;
        return 12;
    }

    memcpy(sc->out + sc->o, "\\uFFFD", 6);
    sc->o += 6;
    return 6;
}


/*
 * A string from its opening quote s[0] to its closing one; returns the
 * bytes it takes, or 0 after an error.  JSON refuses raw control
 * characters and escapes other than \" \\ \/ \b \f \n \r \t \uXXXX; YAML
 * takes them.
 */
static size_t
page_json_string(page_json_scan_t *sc, const char *s, size_t len)
{
    size_t  i, n, saved;
    long    v;

    saved = 0;
    page_json_copy(sc, s, 1);
    sc->col++;

    for (i = 1; i < len; i += n, sc->col++) {
        n = 1;

        if ((unsigned char) s[i] < 0x20) {
            page_json_fail(sc, s + i, len - i, "in string literal");
            return 0;
        }

        if (s[i] == '"') {
            page_json_copy(sc, s + i, 1);
            while (sc->out != NULL && saved > 0) {
                sc->out[sc->o++] = ' ';     /* keep later columns */
                saved--;
            }
            return i + 1;
        }

        if (((unsigned char) s[i] & 0xC0) == 0x80) {
            sc->col--;                      /* part of a character */

        } else if (s[i] == '\\') {
            sc->col++;

            if (i + 1 < len && s[i + 1] != 'u') {
                if (!page_json_oneof(s[i + 1], "\"\\/bfnrt")) {
                    page_json_fail(sc, s + i + 1, len - i - 1,
                                   "in string escape code");
                    return 0;
                }
                n = 2;

            } else if (i + 1 < len) {
                v = page_json_hex4(s + i + 2, len - i - 2);

                if (v < 0) {
                    sc->col++;
                    for (n = 2; i + n < len && n < 6
                         && page_json_oneof(s[i + n],
                                            "0123456789abcdefABCDEF");
                         n++)
                    {
                        sc->col++;
                    }
                    page_json_fail(sc, s + i + n, len - i - n,
                                   "in \\u hexadecimal character escape");
                    return 0;
                }

                if (v >= 0xD800 && v <= 0xDFFF) {
                    if (sc->out == NULL) {
                        sc->out = page_arena_alloc(sc->ctx->arena,
                                                   sc->ctx->front_len + 1);
                        if (sc->out == NULL) {
                            page_error_nomem(sc->ctx->err, sc->ctx->path);
                            return 0;
                        }
                        sc->o = (size_t) (s + i - sc->ctx->front);
                        memcpy(sc->out, sc->ctx->front, sc->o);
                    }

                    n = page_json_surrogate(sc, s + i, len - i, v, &saved);
                    sc->col += (unsigned) n - 2;
                    continue;
                }

                n = 6;
                sc->col += 4;
            }
        }

        page_json_copy(sc, s + i, n > len - i ? len - i : n);
    }

    return len;                     /* not closed: libyaml says where */
}


/*
 * What the JSON grammar allows after the token before (a structural
 * character, 'k' a key, 'v' a value) in the container top ('{' or '['),
 * as Go's decoder says it when the next character does not fit.
 */
static const char *
page_json_expected(char prev, char top)
{
    switch (prev) {
    case 'k':
        return "after object key";
    case 'v':
        return top == '{' ? "after object key:value pair"
                          : "after array element";
    case '{':
        return "looking for beginning of object key string";
    case ',':
        return top == '{' ? "looking for beginning of object key string"
                          : "looking for beginning of value";
    default:
        return "looking for beginning of value";
    }
}


/*
 * YAML's flow style takes more than JSON: check the JSON grammar before
 * libyaml reads it, and refuse what does not fit with Go's words.
 * Strings: see page_json_string.  Between them: only JSON's characters
 * (no comments, tags, anchors, single quotes, bare words), commas and
 * colons where JSON has them (no trailing comma, no key without a value,
 * no ["a": 1]).  The words themselves (numbers, true, false, null) are
 * checked on libyaml's scalars.  *text is the text to parse: fm's, or a
 * copy with surrogate pairs rewritten.
 */
static int
page_json_check(page_front_ctx_t *ctx, const char **text)
{
    int               word, want_key, want_value;
    char              c, prev, top, stack[PAGE_FRONT_MAX_DEPTH];
    size_t            i, n, depth;
    const char       *s;
    page_json_scan_t  sc;

    sc.ctx = ctx;
    sc.out = NULL;
    sc.o = 0;
    sc.line = ctx->first_line;
    sc.col = ctx->first_col;

    s = ctx->front;
    prev = '\0';                /* the top level wants a value */
    depth = 0;
    word = 0;                   /* a word (number, true...) goes on */

    for (i = 0; i < ctx->front_len; i += n, sc.col++) {
        c = s[i];
        n = 1;
        top = depth ? stack[depth - 1] : '\0';
        want_key = prev == '{' || (prev == ',' && top == '{');
        want_value = prev == '\0' || prev == ':' || prev == '['
                     || (prev == ',' && top == '[');

        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            page_json_copy(&sc, s + i, 1);
            if (c == '\n') {
                sc.line++;
                sc.col = 0;
            }
            word = 0;
            continue;
        }

        if (c == '"' && (want_key || want_value)) {
            n = page_json_string(&sc, s + i, ctx->front_len - i);
            if (n == 0) {
                return -1;
            }
            prev = want_key ? 'k' : 'v';
            continue;
        }

        page_json_copy(&sc, s + i, 1);

        if (word && page_json_oneof(c, "-+.0123456789Eaeflnrstu")) {
            continue;                   /* the rest of a word */
        }

        word = 0;

        if ((c == '{' || c == '[') && want_value) {
            if (depth == PAGE_FRONT_MAX_DEPTH) {
                page_error_set(ctx->err, PAGE_ERR_LIMIT, ctx->path, sc.line,
                               sc.col, "front matter nests deeper than %d "
                               "levels", PAGE_FRONT_MAX_DEPTH);
                return -1;
            }
            stack[depth++] = c;
            prev = c;

        } else if ((c == '}' && top == '{' && (prev == '{' || prev == 'v'))
                   || (c == ']' && top == '[' && (prev == '[' || prev == 'v')))
        {
            depth--;
            prev = 'v';

        } else if ((c == ',' && prev == 'v' && top != '\0')
                   || (c == ':' && prev == 'k'))
        {
            prev = c;

        } else if (want_value && page_json_oneof(c, "-0123456789tfn")) {
            prev = 'v';                 /* a word: its scalar is checked */
            word = 1;

        } else {
            return page_json_fail(&sc, s + i, ctx->front_len - i,
                                  page_json_expected(prev, top));
        }
    }

    if (sc.out != NULL) {
        sc.out[sc.o] = '\0';
        *text = sc.out;

    } else {
        *text = ctx->front;
    }

    return 0;
}


/* ---- values from events ---- */

static int
page_front_sequence(page_front_ctx_t *ctx, page_value_t **out)
{
    int            rc;
    yaml_event_t   ev;
    page_value_t  *list, *item;

    list = page_value_list(ctx->arena);
    if (list == NULL) {
        page_error_nomem(ctx->err, ctx->path);
        return -1;
    }

    for ( ;; ) {
        if (page_front_next(ctx, &ev) != 0) {
            return -1;
        }

        if (ev.type == YAML_SEQUENCE_END_EVENT) {
            yaml_event_delete(&ev);
            break;
        }

        rc = page_front_node(ctx, &ev, &item);
        yaml_event_delete(&ev);

        if (rc != 0) {
            return -1;
        }

        if (page_list_push(ctx->arena, list, item) != 0) {
            page_error_nomem(ctx->err, ctx->path);
            return -1;
        }
    }

    *out = list;

    return 0;
}


/* Has s no upper-case ASCII letter (the spelling Hugo lower-cases to). */
static int
page_front_is_lower(const char *s, size_t len)
{
    size_t  i;

    for (i = 0; i < len; i++) {
        if (s[i] >= 'A' && s[i] <= 'Z') {
            return 0;
        }
    }

    return 1;
}


/*
 * Key ev of a mapping: its spelling, lower-cased copy and position.  A
 * JSON key must be a string.
 */
static int
page_front_key(page_front_ctx_t *ctx, yaml_event_t *ev,
    page_front_key_t *k, char **lower)
{
    size_t  i;
    char    msg[96];

    if (ev->type != YAML_SCALAR_EVENT) {
        return page_front_fail_position(ctx, ev, PAGE_ERR_CONTENT,
                   ev->type == YAML_ALIAS_EVENT
                   ? "YAML aliases (*name) are not allowed in front matter"
                   : ctx->json
                   ? "invalid JSON front matter: object keys must be "
                     "strings"
                   : "front matter keys must be plain scalars");
    }

    if (ctx->json
        && ev->data.scalar.style != YAML_DOUBLE_QUOTED_SCALAR_STYLE)
    {
        snprintf(msg, sizeof(msg), "invalid JSON front matter: invalid "
                 "character '%c' looking for beginning of object key "
                 "string", ev->data.scalar.length
                           ? ev->data.scalar.value[0] : ':');
        return page_front_fail_position(ctx, ev, PAGE_ERR_CONTENT, msg);
    }

    k->len = ev->data.scalar.length;
    k->raw = page_arena_strndup(ctx->arena,
                                (const char *) ev->data.scalar.value, k->len);
    *lower = page_arena_strndup(ctx->arena, k->raw ? k->raw : "", k->len);
    k->next = NULL;
    page_front_mark(ctx, &ev->start_mark, &k->line, &k->col);

    if (k->raw == NULL || *lower == NULL) {
        page_error_nomem(ctx->err, ctx->path);
        return -1;
    }

    /* keys are case-insensitive, as in Hugo: stored lower-cased */

    for (i = 0; i < k->len; i++) {
        if ((*lower)[i] >= 'A' && (*lower)[i] <= 'Z') {
            (*lower)[i] += 'a' - 'A';
        }
    }

    return 0;
}


/*
 * Key k again (after lower-casing) in a mapping where spellings were seen
 * before.  The same spelling twice: YAML refuses it, as current Hugo's
 * YAML library does ("mapping key "x" already defined"; hugo 0.111.3 kept
 * the last), JSON keeps the last value, as Go's decoder.  Another
 * spelling (Title, title): not the same YAML or JSON key; Hugo then
 * lower-cases, and a spelling with capitals wins over the lower-case one
 * whatever their order (hugo 0.111.3: maps.PrepareParams).  Returns 1
 * when the new value replaces the old one, 0 when not, -1 on error.
 */
static int
page_front_again(page_front_ctx_t *ctx, page_front_key_t *seen,
    page_front_key_t *k)
{
    int                capitals;
    page_front_key_t  *s, *last;

    capitals = 0;
    last = NULL;

    for (s = seen; s != NULL; s = s->next) {
        if (s->len == k->len && memcmp(s->raw, k->raw, k->len) == 0) {
            if (ctx->json) {
                return 1;
            }

            page_error_set(ctx->err, PAGE_ERR_CONTENT, ctx->path, k->line,
                           k->col, "mapping key \"%s\" already defined at "
                           "%u:%u", k->raw, s->line, s->col);
            return -1;
        }

        capitals |= !page_front_is_lower(s->raw, s->len);
        last = s;
    }

    last->next = k;

    return !(capitals && page_front_is_lower(k->raw, k->len));
}


static int
page_front_mapping(page_front_ctx_t *ctx, page_value_t **out)
{
    int                 rc, replace;
    char               *key;
    size_t              i, cap;
    yaml_event_t        ev;
    page_value_t       *map, *value;
    page_front_key_t   *k, **seen;

    map = page_value_map(ctx->arena);
    if (map == NULL) {
        page_error_nomem(ctx->err, ctx->path);
        return -1;
    }

    seen = NULL;            /* spellings of map item i's key */
    cap = 0;

    for ( ;; ) {
        if (page_front_next(ctx, &ev) != 0) {
            return -1;
        }

        if (ev.type == YAML_MAPPING_END_EVENT) {
            yaml_event_delete(&ev);
            break;
        }

        k = page_arena_alloc(ctx->arena, sizeof(page_front_key_t));
        if (k == NULL) {
            yaml_event_delete(&ev);
            page_error_nomem(ctx->err, ctx->path);
            return -1;
        }

        rc = page_front_key(ctx, &ev, k, &key);
        yaml_event_delete(&ev);

        if (rc != 0) {
            return -1;
        }

        for (i = 0; i < map->u.map.n; i++) {
            if (map->u.map.items[i].key.len == k->len
                && memcmp(map->u.map.items[i].key.data, key, k->len) == 0)
            {
                break;
            }
        }

        replace = 1;

        if (i < map->u.map.n) {
            replace = page_front_again(ctx, seen[i], k);
            if (replace < 0) {
                return -1;
            }
        }

        if (page_front_next(ctx, &ev) != 0) {
            return -1;
        }

        rc = page_front_node(ctx, &ev, &value);
        yaml_event_delete(&ev);

        if (rc != 0) {
            return -1;
        }

        if (i < map->u.map.n) {
            if (replace) {
                map->u.map.items[i].value = value;
            }
            continue;
        }

        if (i == cap) {
            cap = cap ? cap * 2 : 16;
            seen = page_arena_realloc(ctx->arena, seen,
                                      i * sizeof(page_front_key_t *),
                                      cap * sizeof(page_front_key_t *));
        }

        if (seen == NULL
            || page_map_add(ctx->arena, map, key, k->len, value) != 0)
        {
            page_error_nomem(ctx->err, ctx->path);
            return -1;
        }

        seen[i] = k;
    }

    *out = map;

    return 0;
}


/* Build the value that starts with event ev (which the caller deletes). */
static int
page_front_node(page_front_ctx_t *ctx, yaml_event_t *ev, page_value_t **out)
{
    int  rc;

    switch (ev->type) {

    case YAML_SCALAR_EVENT:
        if (ctx->json) {
            return page_json_scalar(ctx, ev, out);
        }

        *out = page_front_scalar(ctx, ev);
        if (*out == NULL) {
            page_error_nomem(ctx->err, ctx->path);
            return -1;
        }
        return 0;

    case YAML_ALIAS_EVENT:
        return page_front_fail_position(ctx, ev, PAGE_ERR_CONTENT,
                   "YAML aliases (*name) are not allowed in front matter");

    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT:
        if (++ctx->depth > PAGE_FRONT_MAX_DEPTH) {
            page_error_set(ctx->err, PAGE_ERR_LIMIT, ctx->path,
                           ctx->first_line + (unsigned) ev->start_mark.line,
                           (unsigned) ev->start_mark.column + 1,
                           "front matter nests deeper than %d levels",
                           PAGE_FRONT_MAX_DEPTH);
            return -1;
        }

        rc = ev->type == YAML_SEQUENCE_START_EVENT
             ? page_front_sequence(ctx, out)
             : page_front_mapping(ctx, out);

        ctx->depth--;
        return rc;

    default:
        return page_front_fail_position(ctx, ev, PAGE_ERR_CONTENT,
                                        "unexpected YAML event");
    }
}


int
page_front_parse(page_arena_t *a, const page_front_t *fm, const char *path,
    page_value_t **out, page_error_t *err)
{
    int               rc, done;
    yaml_event_t      ev;
    page_value_t     *root;
    page_front_ctx_t  ctx;

    *out = page_value_map(a);
    if (*out == NULL) {
        page_error_nomem(err, path);
        return -1;
    }

    if (fm->front == NULL) {
        return 0;
    }

    if (fm->toml) {
        return page_toml_front(a, fm, path, out, err);
    }

    memset(&ctx, 0, sizeof(ctx));
    ctx.arena = a;
    ctx.path = path;
    ctx.err = err;
    ctx.first_line = fm->front_line;
    ctx.first_col = fm->front_col ? fm->front_col : 1;
    ctx.front = fm->front;
    ctx.front_len = fm->front_len;
    ctx.json = fm->json;

    if (ctx.json && page_json_check(&ctx, &ctx.front) != 0) {
        return -1;
    }

    if (!yaml_parser_initialize(&ctx.parser)) {
        page_error_nomem(err, path);
        return -1;
    }

    yaml_parser_set_input_string(&ctx.parser,
                                 (const unsigned char *) ctx.front,
                                 ctx.front_len);

    rc = -1;
    root = NULL;
    done = 0;

    while (!done) {
        if (page_front_next(&ctx, &ev) != 0) {
            goto failed;
        }

        switch (ev.type) {

        case YAML_STREAM_START_EVENT:
        case YAML_DOCUMENT_START_EVENT:
        case YAML_DOCUMENT_END_EVENT:
            break;

        case YAML_STREAM_END_EVENT:
            done = 1;
            break;

        default:
            if (root != NULL) {
                page_front_fail_position(&ctx, &ev, PAGE_ERR_CONTENT,
                    "front matter holds more than one YAML document");
                yaml_event_delete(&ev);
                goto failed;
            }

            if (page_front_node(&ctx, &ev, &root) != 0) {
                yaml_event_delete(&ev);
                goto failed;
            }

            if (root->type == PAGE_NIL) {
                root = NULL;        /* an empty document is no front matter */

            } else if (root->type != PAGE_MAP) {
                page_front_fail_position(&ctx, &ev, PAGE_ERR_CONTENT,
                    "front matter must be a YAML mapping (key: value)");
                yaml_event_delete(&ev);
                goto failed;
            }
            break;
        }

        yaml_event_delete(&ev);
    }

    if (root != NULL) {
        *out = root;
    }

    rc = 0;

failed:

    yaml_parser_delete(&ctx.parser);

    return rc;
}
