/*
 * page_unmarshal: transform.Unmarshal and transform.Remarshal (Hugo's
 * tpl/transform/unmarshal.go and remarshal.go over parser/metadecoders):
 * JSON, YAML, TOML and CSV text, or a resource's content, to values, and
 * a map back to JSON, YAML or TOML text.
 *
 * The format is Hugo's: the options' format, else the resource's suffix,
 * else guessed from the text (whichever of the CSV delimiter, "{", ":",
 * "<" and "=" comes first).  Keys keep their case.  JSON is Go's decoder
 * into interface{} (numbers float64, a key twice keeps the last); YAML is
 * libyaml's events typed by YAML 1.2's core schema, as page_front.c
 * types front matter, aliases sharing the anchored value up to Hugo's
 * limit on aliases; TOML is page_toml.h; CSV is Go's encoding/csv; XML
 * is libxml2's tree shaped as Hugo's mxj shapes it (attributes as
 * "-name", text beside them as "#text", repeated elements as lists, the
 * root element dropped).
 */

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <limits.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <yaml.h>

#include "page_fn.h"
#include "page_resource.h"
#include "page_toml.h"
#include "page_utf8.h"

/* Deepest nesting of lists and maps decoded (the C stack bounds it). */
#define PAGE_UNMARSHAL_MAX_DEPTH  100

/* Most YAML events one document may have: bounds libyaml's work. */
#define PAGE_UNMARSHAL_MAX_EVENTS  1000000

/* Most anchors one YAML document may define. */
#define PAGE_UNMARSHAL_MAX_ANCHORS  10000

typedef enum {
    PAGE_FMT_NONE = 0,
    PAGE_FMT_JSON,
    PAGE_FMT_YAML,
    PAGE_FMT_TOML,
    PAGE_FMT_CSV,
    PAGE_FMT_XML,
    PAGE_FMT_ORG
} page_fmt_t;

/* Hugo's metadecoders.Decoder. */
typedef struct {
    page_fmt_t   format;        /* NONE: detect */
    uint32_t     delimiter;     /* CSV, ',' */
    uint32_t     comment;       /* CSV, 0: none */
    int          lazy_quotes;   /* CSV */
    int          target_map;    /* CSV: "map" rather than "slice" */
} page_decoder_t;

/* Where a decoder failed: a message and, when known, line and column. */
typedef struct {
    unsigned  line;
    unsigned  col;
    unsigned  yaml_line;        /* the line yaml.v2 names ("yaml: line N") */
    char      msg[256];
} page_dec_err_t;


/* metadecoders.FormatFromString: "yaml", "yml", "json", ... or a name. */
static page_fmt_t
page_fmt_from_string(const char *s, size_t len)
{
    size_t  i;
    char    b[8];

    for (i = len; i > 0; i--) {
        if (s[i - 1] == '.') {
            s += i;
            len -= i;
            break;
        }
    }

    if (len >= sizeof(b)) {
        return PAGE_FMT_NONE;
    }
    for (i = 0; i < len; i++) {
        b[i] = (s[i] >= 'A' && s[i] <= 'Z') ? (char) (s[i] + 32) : s[i];
    }
    b[len] = '\0';

    if (strcmp(b, "yaml") == 0 || strcmp(b, "yml") == 0) {
        return PAGE_FMT_YAML;
    }
    if (strcmp(b, "json") == 0) {
        return PAGE_FMT_JSON;
    }
    if (strcmp(b, "toml") == 0) {
        return PAGE_FMT_TOML;
    }
    if (strcmp(b, "csv") == 0) {
        return PAGE_FMT_CSV;
    }
    if (strcmp(b, "xml") == 0) {
        return PAGE_FMT_XML;
    }
    if (strcmp(b, "org") == 0) {
        return PAGE_FMT_ORG;
    }

    return PAGE_FMT_NONE;
}


/* Index of the first c (a UTF-8 character) in s, or -1. */
static long
page_fmt_index(const char *s, size_t len, uint32_t c)
{
    char         u[4];
    size_t       n, i;

    n = page_utf8_encode(c, u);
    for (i = 0; i + n <= len; i++) {
        if (memcmp(s + i, u, n) == 0) {
            return (long) i;
        }
    }

    return -1;
}


/* isLowerIndexThan: first is found and before every other found. */
static int
page_fmt_lower(long first, const long *others, size_t n)
{
    size_t  i;

    if (first == -1) {
        return 0;
    }
    for (i = 0; i < n; i++) {
        if (others[i] != -1 && others[i] < first) {
            return 0;
        }
    }

    return 1;
}


/* Decoder.FormatFromContentString. */
static page_fmt_t
page_fmt_detect(const page_decoder_t *d, const char *s, size_t len)
{
    long  csv, idx[4];

    csv = page_fmt_index(s, len, d->delimiter);
    idx[0] = page_fmt_index(s, len, '{');
    idx[1] = page_fmt_index(s, len, ':');
    idx[2] = page_fmt_index(s, len, '<');
    idx[3] = page_fmt_index(s, len, '=');

    if (page_fmt_lower(csv, idx, 4)) {
        return PAGE_FMT_CSV;
    }
    if (page_fmt_lower(idx[0], idx + 1, 3)) {
        return PAGE_FMT_JSON;
    }
    if (page_fmt_lower(idx[1], idx + 2, 2)) {
        return PAGE_FMT_YAML;
    }
    if (page_fmt_lower(idx[2], idx + 3, 1)) {
        return PAGE_FMT_XML;
    }

    return idx[3] != -1 ? PAGE_FMT_TOML : PAGE_FMT_NONE;
}


/* ---- JSON: Go's encoding/json into interface{} ---- */

typedef struct {
    page_arena_t    *arena;
    const char      *s;
    size_t           len;
    size_t           pos;
    unsigned         depth;
    page_dec_err_t  *err;
} page_json_t;


static int
page_json_fail(page_json_t *j, const char *fmt, const char *what)
{
    size_t  i;

    j->err->line = 1;
    j->err->col = 1;
    for (i = 0; i < j->pos && i < j->len; i++) {
        if (j->s[i] == '\n') {
            j->err->line++;
            j->err->col = 1;
        } else {
            j->err->col++;
        }
    }
    snprintf(j->err->msg, sizeof(j->err->msg), fmt, what);

    return -1;
}


static void
page_json_space(page_json_t *j)
{
    while (j->pos < j->len
           && (j->s[j->pos] == ' ' || j->s[j->pos] == '\t'
               || j->s[j->pos] == '\n' || j->s[j->pos] == '\r'))
    {
        j->pos++;
    }
}


/* "invalid character 'x' looking for beginning of value" and the like */
static int
page_json_bad(page_json_t *j, const char *context)
{
    char  c[16];

    if (j->pos >= j->len) {
        return page_json_fail(j, "unexpected end of JSON input%s", "");
    }
    if ((unsigned char) j->s[j->pos] < 0x20
        || (unsigned char) j->s[j->pos] >= 0x7f)
    {
        snprintf(c, sizeof(c), "'\\x%02x'", (unsigned char) j->s[j->pos]);
    } else {
        snprintf(c, sizeof(c), "'%c'", j->s[j->pos]);
    }

    {
        char  msg[sizeof(j->err->msg)];

        snprintf(msg, sizeof(msg), "invalid character %s %s", c, context);
        page_json_fail(j, "%s", msg);
    }

    return -1;
}


static int
page_json_hex4(page_json_t *j, uint32_t *r)
{
    size_t  i;
    int     c;

    if (j->len - j->pos < 4) {
        return -1;
    }
    *r = 0;
    for (i = 0; i < 4; i++) {
        c = (unsigned char) j->s[j->pos + i];
        if (c >= '0' && c <= '9') {
            c -= '0';
        } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
            c = (c | 0x20) - 'a' + 10;
        } else {
            return -1;
        }
        *r = *r * 16 + (uint32_t) c;
    }
    j->pos += 4;

    return 0;
}


/* A string at '"' into *out (bytes in the arena). */
static int
page_json_string(page_json_t *j, page_str_t *out)
{
    char        c;
    uint32_t    r, r2;
    page_buf_t  b;

    page_buf_init(&b, j->arena, 0);
    j->pos++;

    for ( ;; ) {
        if (j->pos >= j->len) {
            return page_json_fail(j, "unexpected end of JSON input%s", "");
        }
        c = j->s[j->pos];
        if (c == '"') {
            j->pos++;
            break;
        }
        if ((unsigned char) c < 0x20) {
            return page_json_bad(j, "in string literal");
        }
        if (c != '\\') {
            page_buf_putc(&b, c);
            j->pos++;
            continue;
        }
        j->pos++;
        if (j->pos >= j->len) {
            return page_json_fail(j, "unexpected end of JSON input%s", "");
        }
        c = j->s[j->pos++];
        switch (c) {
        case '"': case '\\': case '/':
            page_buf_putc(&b, c);
            break;
        case 'b': page_buf_putc(&b, '\b'); break;
        case 'f': page_buf_putc(&b, '\f'); break;
        case 'n': page_buf_putc(&b, '\n'); break;
        case 'r': page_buf_putc(&b, '\r'); break;
        case 't': page_buf_putc(&b, '\t'); break;
        case 'u':
            if (page_json_hex4(j, &r) != 0) {
                return page_json_bad(j, "in \\u hexadecimal character "
                                     "escape");
            }
            if (r >= 0xD800 && r < 0xDC00) {
                /* a pair, else U+FFFD as Go does */
                if (j->len - j->pos >= 6 && j->s[j->pos] == '\\'
                    && j->s[j->pos + 1] == 'u')
                {
                    j->pos += 2;
                    if (page_json_hex4(j, &r2) != 0) {
                        return page_json_bad(j, "in \\u hexadecimal "
                                             "character escape");
                    }
                    if (r2 >= 0xDC00 && r2 < 0xE000) {
                        r = 0x10000 + ((r - 0xD800) << 10) + (r2 - 0xDC00);
                    } else {
                        page_utf8_put(&b, 0xFFFD);
                        r = r2 >= 0xD800 && r2 < 0xE000 ? 0xFFFD : r2;
                    }
                } else {
                    r = 0xFFFD;
                }
            } else if (r >= 0xDC00 && r < 0xE000) {
                r = 0xFFFD;
            }
            page_utf8_put(&b, r);
            break;
        default:
            j->pos--;
            return page_json_bad(j, "in string escape code");
        }
    }

    if (page_buf_cstr(&b) == NULL) {
        return -2;
    }
    out->data = b.data;
    out->len = b.len;

    return 0;
}


static int page_json_value(page_json_t *j, page_value_t **out);


static int
page_json_number(page_json_t *j, page_value_t **out)
{
    char    *end, b[64];
    size_t   start, n;
    double   f;

    start = j->pos;
    if (j->s[j->pos] == '-') {
        j->pos++;
    }
    if (j->pos < j->len && j->s[j->pos] == '0') {
        j->pos++;
    } else if (j->pos < j->len && j->s[j->pos] >= '1'
               && j->s[j->pos] <= '9')
    {
        while (j->pos < j->len && j->s[j->pos] >= '0' && j->s[j->pos] <= '9')
        {
            j->pos++;
        }
    } else {
        return page_json_bad(j, "in numeric literal");
    }
    if (j->pos < j->len && j->s[j->pos] == '.') {
        j->pos++;
        if (j->pos >= j->len || j->s[j->pos] < '0' || j->s[j->pos] > '9') {
            return page_json_bad(j, "after decimal point in numeric "
                                 "literal");
        }
        while (j->pos < j->len && j->s[j->pos] >= '0' && j->s[j->pos] <= '9')
        {
            j->pos++;
        }
    }
    if (j->pos < j->len && (j->s[j->pos] == 'e' || j->s[j->pos] == 'E')) {
        j->pos++;
        if (j->pos < j->len && (j->s[j->pos] == '+' || j->s[j->pos] == '-'))
        {
            j->pos++;
        }
        if (j->pos >= j->len || j->s[j->pos] < '0' || j->s[j->pos] > '9') {
            return page_json_bad(j, "in exponent of numeric literal");
        }
        while (j->pos < j->len && j->s[j->pos] >= '0' && j->s[j->pos] <= '9')
        {
            j->pos++;
        }
    }

    n = j->pos - start;
    if (n >= sizeof(b)) {
        n = sizeof(b) - 1;              /* digits past 63 change nothing */
    }
    memcpy(b, j->s + start, n);
    b[n] = '\0';
    errno = 0;
    f = strtod(b, &end);
    if (errno == ERANGE && isinf(f)) {
        return page_json_fail(j, "json: cannot unmarshal number %s into Go "
                              "value of type float64", b);
    }

    *out = page_value_float(j->arena, f);

    return *out ? 0 : -2;
}


static int
page_json_word(page_json_t *j, const char *w, page_value_t *v,
    page_value_t **out)
{
    size_t  n;

    n = strlen(w);
    if (j->len - j->pos < n || memcmp(j->s + j->pos, w, n) != 0) {
        while (n > 0 && j->pos < j->len && j->s[j->pos] == *w) {
            j->pos++;
            w++;
            n--;
        }
        return page_json_bad(j, "in literal true (expecting 'r')");
    }
    j->pos += n;
    *out = v;

    return 0;
}


static int
page_json_value(page_json_t *j, page_value_t **out)
{
    int            rc;
    page_str_t     k;
    page_value_t  *v, *c;

    page_json_space(j);
    if (j->pos >= j->len) {
        return page_json_fail(j, "unexpected end of JSON input%s", "");
    }

    switch (j->s[j->pos]) {

    case '{':
        if (++j->depth > PAGE_UNMARSHAL_MAX_DEPTH) {
            return page_json_fail(j, "exceeded max depth%s", "");
        }
        c = page_value_map(j->arena);
        if (c == NULL) {
            return -2;
        }
        j->pos++;
        page_json_space(j);
        if (j->pos < j->len && j->s[j->pos] == '}') {
            j->pos++;
            j->depth--;
            *out = c;
            return 0;
        }
        for ( ;; ) {
            page_json_space(j);
            if (j->pos >= j->len || j->s[j->pos] != '"') {
                return page_json_bad(j, "looking for beginning of object "
                                     "key string");
            }
            rc = page_json_string(j, &k);
            if (rc != 0) {
                return rc;
            }
            page_json_space(j);
            if (j->pos >= j->len || j->s[j->pos] != ':') {
                return page_json_bad(j, "after object key");
            }
            j->pos++;
            rc = page_json_value(j, &v);
            if (rc != 0) {
                return rc;
            }
            if (page_map_set(j->arena, c, k.data, k.len, v) != 0) {
                return -2;
            }
            page_json_space(j);
            if (j->pos < j->len && j->s[j->pos] == ',') {
                j->pos++;
                continue;
            }
            if (j->pos < j->len && j->s[j->pos] == '}') {
                j->pos++;
                break;
            }
            return page_json_bad(j, "after object key:value pair");
        }
        j->depth--;
        *out = c;
        return 0;

    case '[':
        if (++j->depth > PAGE_UNMARSHAL_MAX_DEPTH) {
            return page_json_fail(j, "exceeded max depth%s", "");
        }
        c = page_value_list(j->arena);
        if (c == NULL) {
            return -2;
        }
        j->pos++;
        page_json_space(j);
        if (j->pos < j->len && j->s[j->pos] == ']') {
            j->pos++;
            j->depth--;
            *out = c;
            return 0;
        }
        for ( ;; ) {
            rc = page_json_value(j, &v);
            if (rc != 0) {
                return rc;
            }
            if (page_list_push(j->arena, c, v) != 0) {
                return -2;
            }
            page_json_space(j);
            if (j->pos < j->len && j->s[j->pos] == ',') {
                j->pos++;
                continue;
            }
            if (j->pos < j->len && j->s[j->pos] == ']') {
                j->pos++;
                break;
            }
            return page_json_bad(j, "after array element");
        }
        j->depth--;
        *out = c;
        return 0;

    case '"':
        rc = page_json_string(j, &k);
        if (rc != 0) {
            return rc;
        }
        *out = page_value_string_ref(j->arena, PAGE_STRING, k.data, k.len);
        return *out ? 0 : -2;

    case 't':
        return page_json_word(j, "true", &page_true_value, out);

    case 'f':
        return page_json_word(j, "false", &page_false_value, out);

    case 'n':
        return page_json_word(j, "null", NULL, out);

    default:
        if (j->s[j->pos] == '-'
            || (j->s[j->pos] >= '0' && j->s[j->pos] <= '9'))
        {
            return page_json_number(j, out);
        }
        return page_json_bad(j, "looking for beginning of value");
    }
}


static int
page_json_decode(page_arena_t *a, const char *s, size_t len,
    page_value_t **out, page_dec_err_t *err)
{
    int          rc;
    page_json_t  j;

    memset(&j, 0, sizeof(j));
    j.arena = a;
    j.s = s;
    j.len = len;
    j.err = err;

    rc = page_json_value(&j, out);
    if (rc != 0) {
        return rc;
    }

    page_json_space(&j);
    if (j.pos < j.len) {
        return page_json_bad(&j, "after top-level value");
    }

    return 0;
}


/* ---- YAML: libyaml's events, YAML 1.2's core schema ---- */

typedef struct {
    const char    *name;
    page_value_t  *value;
} page_yaml_anchor_t;

typedef struct {
    page_arena_t        *arena;
    yaml_parser_t        parser;
    unsigned             depth;
    unsigned long        events;
    unsigned long        aliases;
    unsigned long        max_aliases;
    page_yaml_anchor_t  *anchors;
    size_t               nanchors;
    size_t               cap_anchors;
    page_dec_err_t      *err;
} page_yaml_t;


static int
page_yaml_fail(page_yaml_t *y, const yaml_mark_t *m, const char *msg)
{
    y->err->line = m ? (unsigned) m->line + 1 : 0;
    y->err->col = m ? (unsigned) m->column + 1 : 0;
    snprintf(y->err->msg, sizeof(y->err->msg), "%s", msg);

    return -1;
}


static int
page_yaml_next(page_yaml_t *y, yaml_event_t *ev)
{
    if (!yaml_parser_parse(&y->parser, ev)) {
        if (y->parser.error == YAML_MEMORY_ERROR) {
            return -2;
        }
        page_yaml_fail(y, &y->parser.problem_mark,
                       y->parser.problem ? y->parser.problem
                                         : "invalid YAML");
        /* yaml.v2: a parser error names the mark's 0-based line */
        y->err->yaml_line = y->parser.error == YAML_SCANNER_ERROR
                            ? y->err->line : y->err->line - 1;
        return -1;
    }

    if (++y->events > PAGE_UNMARSHAL_MAX_EVENTS) {
        yaml_event_delete(ev);
        return page_yaml_fail(y, NULL, "too many YAML nodes");
    }

    return 0;
}


static int
page_yaml_anchor(page_yaml_t *y, const yaml_char_t *anchor,
    page_value_t *v)
{
    page_yaml_anchor_t  *n;

    if (anchor == NULL) {
        return 0;
    }

    if (y->nanchors == y->cap_anchors) {
        if (y->nanchors == PAGE_UNMARSHAL_MAX_ANCHORS) {
            return page_yaml_fail(y, NULL, "too many YAML anchors");
        }
        y->cap_anchors = y->cap_anchors ? y->cap_anchors * 2 : 8;
        n = page_arena_alloc(y->arena,
                             y->cap_anchors * sizeof(page_yaml_anchor_t));
        if (n == NULL) {
            return -2;
        }
        if (y->nanchors) {
            memcpy(n, y->anchors, y->nanchors * sizeof(page_yaml_anchor_t));
        }
        y->anchors = n;
    }

    y->anchors[y->nanchors].name =
        page_arena_strndup(y->arena, (const char *) anchor,
                           strlen((const char *) anchor));
    if (y->anchors[y->nanchors].name == NULL) {
        return -2;
    }
    y->anchors[y->nanchors++].value = v;

    return 0;
}


static int
page_yaml_is(const char *s, size_t len, const char *const *words)
{
    for ( ; *words != NULL; words++) {
        if (strlen(*words) == len && memcmp(*words, s, len) == 0) {
            return 1;
        }
    }

    return 0;
}


/* A plain scalar typed by the core schema; quoted ones are strings. */
static page_value_t *
page_yaml_scalar(page_yaml_t *y, const yaml_event_t *ev)
{
    char          *end, *b;
    const char    *s;
    size_t         len, i;
    double         f;
    long long      n;
    page_time_t    t;
    static const char *const  nulls[] = { "", "~", "null", "Null", "NULL",
                                          NULL };
    static const char *const  trues[] = { "true", "True", "TRUE", NULL };
    static const char *const  falses[] = { "false", "False", "FALSE", NULL };
    static const char *const  infs[] = { ".inf", ".Inf", ".INF", "+.inf",
                                         "+.Inf", "+.INF", NULL };
    static const char *const  ninfs[] = { "-.inf", "-.Inf", "-.INF", NULL };
    static const char *const  nans[] = { ".nan", ".NaN", ".NAN", NULL };

    s = (const char *) ev->data.scalar.value;
    len = ev->data.scalar.length;

    if (ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE
        || (ev->data.scalar.tag != NULL
            && strcmp((const char *) ev->data.scalar.tag,
                      "tag:yaml.org,2002:str") == 0))
    {
        return page_value_string(y->arena, s, len);
    }

    if (page_yaml_is(s, len, nulls)) {
        return page_value_new(y->arena, PAGE_NIL);
    }
    if (page_yaml_is(s, len, trues)) {
        return page_value_bool(y->arena, 1);
    }
    if (page_yaml_is(s, len, falses)) {
        return page_value_bool(y->arena, 0);
    }
    if (page_yaml_is(s, len, infs)) {
        return page_value_float(y->arena, INFINITY);
    }
    if (page_yaml_is(s, len, ninfs)) {
        return page_value_float(y->arena, -INFINITY);
    }
    if (page_yaml_is(s, len, nans)) {
        return page_value_float(y->arena, NAN);
    }

    b = page_arena_strndup(y->arena, s, len);
    if (b == NULL) {
        return NULL;
    }

    /* integers: [-+]digits, 0o octal, 0x hex */
    i = (b[0] == '-' || b[0] == '+') ? 1 : 0;
    if (len > i && b[i] >= '0' && b[i] <= '9') {
        errno = 0;
        if (len > 2 && b[0] == '0' && (b[1] == 'x' || b[1] == 'o')) {
            n = strtoll(b + 2, &end, b[1] == 'x' ? 16 : 8);
        } else {
            n = strtoll(b, &end, 10);
        }
        if (*end == '\0' && errno == 0 && end != b + i) {
            return page_value_int(y->arena, n);
        }
        if (page_time_parse(s, len, &t) == 0) {
            return page_value_time(y->arena, &t);
        }
    }

    /* floats: [-+]( . digits | digits [ . digits ] ) [ e [-+] digits ] */
    if (len > i && ((b[i] >= '0' && b[i] <= '9') || b[i] == '.')
        && strspn(b + i, "0123456789.eE+-") == len - i)
    {
        f = strtod(b, &end);
        if (*end == '\0') {
            return page_value_float(y->arena, f);
        }
    }

    return page_value_string_ref(y->arena, PAGE_STRING, b, len);
}


static int page_yaml_node(page_yaml_t *y, yaml_event_t *ev,
    page_value_t **out);


static int
page_yaml_alias(page_yaml_t *y, yaml_event_t *ev, page_value_t **out)
{
    size_t  i;

    for (i = y->nanchors; i > 0; i--) {
        if (strcmp(y->anchors[i - 1].name,
                   (const char *) ev->data.alias.anchor) == 0)
        {
            *out = y->anchors[i - 1].value;
            if (*out != NULL && ((*out)->type == PAGE_MAP
                                 || (*out)->type == PAGE_LIST)
                && ++y->aliases > y->max_aliases)
            {
                return page_yaml_fail(y, &ev->start_mark,
                                      "too many YAML aliases for non-scalar "
                                      "nodes");
            }
            return 0;
        }
    }

    return page_yaml_fail(y, &ev->start_mark, "unknown anchor");
}


static int
page_yaml_node(page_yaml_t *y, yaml_event_t *ev, page_value_t **out)
{
    int            rc;
    yaml_event_t   e;
    page_value_t  *c, *k, *v;
    page_buf_t     kb;

    switch (ev->type) {

    case YAML_ALIAS_EVENT:
        return page_yaml_alias(y, ev, out);

    case YAML_SCALAR_EVENT:
        *out = page_yaml_scalar(y, ev);
        if (*out == NULL) {
            return -2;
        }
        return page_yaml_anchor(y, ev->data.scalar.anchor, *out);

    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT:
        if (++y->depth > PAGE_UNMARSHAL_MAX_DEPTH) {
            return page_yaml_fail(y, &ev->start_mark, "YAML nested too deep");
        }
        c = ev->type == YAML_SEQUENCE_START_EVENT ? page_value_list(y->arena)
                                                  : page_value_map(y->arena);
        if (c == NULL) {
            return -2;
        }
        rc = page_yaml_anchor(y, ev->type == YAML_SEQUENCE_START_EVENT
                                 ? ev->data.sequence_start.anchor
                                 : ev->data.mapping_start.anchor, c);
        if (rc != 0) {
            return rc;
        }

        for ( ;; ) {
            rc = page_yaml_next(y, &e);
            if (rc != 0) {
                return rc;
            }
            if (e.type == YAML_SEQUENCE_END_EVENT
                || e.type == YAML_MAPPING_END_EVENT)
            {
                yaml_event_delete(&e);
                break;
            }
            rc = page_yaml_node(y, &e, &k);
            yaml_event_delete(&e);
            if (rc != 0) {
                return rc;
            }

            if (c->type == PAGE_LIST) {
                if (page_list_push(y->arena, c, k) != 0) {
                    return -2;
                }
                continue;
            }

            /* a key: its text ("1" for 1, as Hugo's map[string]any) */
            if (k != NULL && (k->type == PAGE_MAP || k->type == PAGE_LIST)) {
                return page_yaml_fail(y, &ev->start_mark,
                                      "a YAML key must be a scalar");
            }
            page_buf_init(&kb, y->arena, 0);
            if (k != NULL && page_value_is_string(k)) {
                page_buf_append(&kb, k->u.s.data, k->u.s.len);
            } else if (k != NULL && k->type != PAGE_NIL) {
                page_value_print(&kb, k);
            }
            if (page_buf_cstr(&kb) == NULL) {
                return -2;
            }

            rc = page_yaml_next(y, &e);
            if (rc != 0) {
                return rc;
            }
            rc = page_yaml_node(y, &e, &v);
            yaml_event_delete(&e);
            if (rc != 0) {
                return rc;
            }
            if (page_map_set(y->arena, c, kb.data, kb.len, v) != 0) {
                return -2;
            }
        }
        y->depth--;
        *out = c;
        return 0;

    default:
        return page_yaml_fail(y, &ev->start_mark, "unexpected YAML event");
    }
}


static int
page_yaml_decode(page_arena_t *a, const char *s, size_t len,
    page_value_t **out, page_dec_err_t *err)
{
    int           rc, done;
    size_t        kb;
    yaml_event_t  ev;
    page_yaml_t   y;

    memset(&y, 0, sizeof(y));
    y.arena = a;
    y.err = err;

    /* Hugo's calculateCollectionAliasLimit */
    kb = len / 1024;
    y.max_aliases = kb < 2 ? 100 : kb < 10 ? 5000 : 10000;

    if (!yaml_parser_initialize(&y.parser)) {
        return -2;
    }
    yaml_parser_set_input_string(&y.parser, (const unsigned char *) s, len);

    *out = NULL;
    rc = 0;
    done = 0;

    while (!done) {
        rc = page_yaml_next(&y, &ev);
        if (rc != 0) {
            break;
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
            if (*out != NULL) {
                done = 1;               /* the first document, as Go's */
                break;
            }
            rc = page_yaml_node(&y, &ev, out);
            if (rc != 0) {
                done = 1;
            }
            break;
        }
        yaml_event_delete(&ev);
    }

    yaml_parser_delete(&y.parser);

    return rc;
}


/* ---- CSV: Go's encoding/csv ---- */

typedef struct {
    const page_decoder_t  *d;
    page_arena_t          *arena;
    const char            *s;
    size_t                 len;
    size_t                 pos;
    unsigned               line;
    page_dec_err_t        *err;
} page_csv_t;


static int
page_csv_at(page_csv_t *c, size_t pos, uint32_t r, size_t *n)
{
    uint32_t  got;

    if (pos >= c->len) {
        return 0;
    }
    *n = page_utf8_decode(c->s + pos, c->len - pos, &got);

    return got == r;
}


/* One record into the list rec; 1 read, 0 at the end, -1/-2 failed. */
static int
page_csv_record(page_csv_t *c, page_value_t *rec)
{
    int         quoted;
    size_t      n, start_line, col;
    page_buf_t  f;

    /* skip empty lines and comment lines */
    for ( ;; ) {
        if (c->pos >= c->len) {
            return 0;
        }
        if (c->d->comment && page_csv_at(c, c->pos, c->d->comment, &n)) {
            while (c->pos < c->len && c->s[c->pos] != '\n') {
                c->pos++;
            }
            c->pos++;
            c->line++;
            continue;
        }
        if (c->s[c->pos] == '\n'
            || (c->s[c->pos] == '\r' && c->pos + 1 < c->len
                && c->s[c->pos + 1] == '\n'))
        {
            c->pos += c->s[c->pos] == '\r' ? 2 : 1;
            c->line++;
            continue;
        }
        break;
    }

    start_line = c->line;

    for ( ;; ) {
        page_buf_init(&f, c->arena, 0);
        quoted = c->pos < c->len && c->s[c->pos] == '"';

        if (!quoted) {
            col = 1;
            while (c->pos < c->len && c->s[c->pos] != '\n'
                   && !page_csv_at(c, c->pos, c->d->delimiter, &n))
            {
                if (c->s[c->pos] == '\r' && c->pos + 1 < c->len
                    && c->s[c->pos + 1] == '\n')
                {
                    break;
                }
                if (c->s[c->pos] == '"' && !c->d->lazy_quotes) {
                    snprintf(c->err->msg, sizeof(c->err->msg),
                             "parse error on line %u, column %zu: bare \" in "
                             "non-quoted-field", c->line, col);
                    return -1;
                }
                page_buf_putc(&f, c->s[c->pos++]);
                col++;
            }
        } else {
            c->pos++;
            for ( ;; ) {
                if (c->pos >= c->len) {
                    if (!c->d->lazy_quotes) {
                        snprintf(c->err->msg, sizeof(c->err->msg),
                                 "record on line %zu; parse error on line "
                                 "%u, column %zu: extraneous or missing \" "
                                 "in quoted-field", start_line, c->line + 1,
                                 (size_t) 0);
                        return -1;
                    }
                    break;
                }
                if (c->s[c->pos] == '"') {
                    if (c->pos + 1 < c->len && c->s[c->pos + 1] == '"') {
                        page_buf_putc(&f, '"');
                        c->pos += 2;
                        continue;
                    }
                    c->pos++;
                    if (c->pos >= c->len || c->s[c->pos] == '\n'
                        || (c->s[c->pos] == '\r' && c->pos + 1 < c->len
                            && c->s[c->pos + 1] == '\n')
                        || page_csv_at(c, c->pos, c->d->delimiter, &n))
                    {
                        break;
                    }
                    if (c->d->lazy_quotes) {
                        page_buf_putc(&f, '"');
                        continue;
                    }
                    snprintf(c->err->msg, sizeof(c->err->msg),
                             "parse error on line %u, column %zu: "
                             "extraneous or missing \" in quoted-field",
                             c->line, (size_t) 0);
                    return -1;
                }
                if (c->s[c->pos] == '\n') {
                    c->line++;
                }
                if (c->s[c->pos] == '\r' && c->pos + 1 < c->len
                    && c->s[c->pos + 1] == '\n')
                {
                    c->pos++;           /* \r\n in a field reads as \n */
                    continue;
                }
                page_buf_putc(&f, c->s[c->pos++]);
            }
        }

        if (page_buf_cstr(&f) == NULL
            || page_list_push(c->arena, rec,
                              page_value_string_ref(c->arena, PAGE_STRING,
                                                    f.data, f.len)) != 0)
        {
            return -2;
        }

        if (c->pos < c->len && page_csv_at(c, c->pos, c->d->delimiter, &n)) {
            c->pos += n;
            continue;
        }

        /* the end of the record */
        if (c->pos < c->len && c->s[c->pos] == '\r') {
            c->pos++;
        }
        if (c->pos < c->len && c->s[c->pos] == '\n') {
            c->pos++;
        }
        c->line++;
        return 1;
    }
}


static int
page_csv_decode(page_arena_t *a, const page_decoder_t *d, const char *s,
    size_t len, page_value_t **out, page_dec_err_t *err)
{
    int            rc;
    size_t         i, j, fields;
    unsigned       line;
    page_csv_t     c;
    page_value_t  *records, *rec, *hdr, *m, *l;

    memset(&c, 0, sizeof(c));
    c.d = d;
    c.arena = a;
    c.s = s;
    c.len = len;
    c.line = 1;
    c.err = err;

    records = page_value_list(a);
    if (records == NULL) {
        return -2;
    }

    fields = 0;
    for ( ;; ) {
        rec = page_value_list(a);
        if (rec == NULL) {
            return -2;
        }
        line = c.line;
        rc = page_csv_record(&c, rec);
        if (rc < 0) {
            return rc;
        }
        if (rc == 0) {
            break;
        }
        if (records->u.list.n == 0) {
            fields = rec->u.list.n;
        } else if (rec->u.list.n != fields) {
            snprintf(err->msg, sizeof(err->msg), "record on line %u: wrong "
                     "number of fields", line);
            return -1;
        }
        if (page_list_push(a, records, rec) != 0) {
            return -2;
        }
    }

    if (!d->target_map) {
        *out = records;
        return 0;
    }

    if (records->u.list.n < 2) {
        snprintf(err->msg, sizeof(err->msg), "cannot unmarshal CSV into "
                 "*interface {}: expected at least a header row and one "
                 "data row");
        return -1;
    }

    hdr = records->u.list.items[0];
    for (i = 0; i < hdr->u.list.n; i++) {
        for (j = 0; j < i; j++) {
            if (page_tpl_equal(hdr->u.list.items[i], hdr->u.list.items[j])) {
                snprintf(err->msg, sizeof(err->msg), "cannot unmarshal CSV "
                         "into *interface {}: header row contains duplicate "
                         "field names");
                return -1;
            }
        }
    }

    l = page_value_list(a);
    if (l == NULL) {
        return -2;
    }
    for (i = 1; i < records->u.list.n; i++) {
        rec = records->u.list.items[i];
        m = page_value_map(a);
        if (m == NULL) {
            return -2;
        }
        for (j = 0; j < rec->u.list.n; j++) {
            if (page_map_set(a, m, hdr->u.list.items[j]->u.s.data,
                             hdr->u.list.items[j]->u.s.len,
                             rec->u.list.items[j]) != 0)
            {
                return -2;
            }
        }
        if (page_list_push(a, l, m) != 0) {
            return -2;
        }
    }

    *out = l;

    return 0;
}


/* ---- XML: libxml2's tree, shaped as Hugo's mxj shapes it ---- */

/* mxj trims "\t\r\b\n " around text. */
static void
page_xml_trim(const char **s, size_t *len)
{
    while (*len > 0 && strchr("\t\r\b\n ", (*s)[0]) != NULL) {
        (*s)++;
        (*len)--;
    }
    while (*len > 0 && strchr("\t\r\b\n ", (*s)[*len - 1]) != NULL) {
        (*len)--;
    }
}


/* Add key: v to m; a key seen before becomes a list of its values. */
static int
page_xml_add(page_arena_t *a, page_value_t *m, const char *key,
    size_t klen, page_value_t *v, page_value_t *lists)
{
    page_value_t  *old, *l;

    old = page_map_get(m, key, klen);
    if (old == NULL) {
        return page_map_set(a, m, key, klen, v);
    }

    /* lists made here are marked in lists, so a list value is not one */
    if (old->type == PAGE_LIST && page_map_get(lists, key, klen) == old) {
        return page_list_push(a, old, v);
    }

    l = page_value_list(a);
    if (l == NULL || page_list_push(a, l, old) != 0
        || page_list_push(a, l, v) != 0
        || page_map_set(a, m, key, klen, l) != 0
        || page_map_set(a, lists, key, klen, l) != 0)
    {
        return -1;
    }

    return 0;
}


static int
page_xml_node(page_arena_t *a, xmlNode *e, unsigned depth,
    page_value_t **out)
{
    char          *k;
    size_t         len, klen;
    xmlNs         *ns;
    xmlAttr       *at;
    xmlNode       *c;
    xmlChar       *val;
    page_buf_t     text;
    const char    *s;
    page_value_t  *m, *v, *lists;

    if (depth > PAGE_UNMARSHAL_MAX_DEPTH) {
        return -1;
    }

    page_buf_init(&text, a, 0);
    for (c = e->children; c != NULL; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            s = (const char *) c->content;
            len = s ? strlen(s) : 0;
            page_xml_trim(&s, &len);
            page_buf_append(&text, s, len);
        }
    }
    if (page_buf_cstr(&text) == NULL) {
        return -2;
    }

    for (c = e->children; c != NULL && c->type != XML_ELEMENT_NODE;
         c = c->next)
    {
        /* is there a child element */
    }

    if (c == NULL && e->properties == NULL && e->nsDef == NULL) {
        *out = page_value_string_ref(a, PAGE_STRING, text.data, text.len);
        return *out ? 0 : -2;
    }

    m = page_value_map(a);
    lists = page_value_map(a);
    if (m == NULL || lists == NULL) {
        return -2;
    }

    for (ns = e->nsDef; ns != NULL; ns = ns->next) {
        s = ns->prefix ? (const char *) ns->prefix : "xmlns";
        klen = strlen(s) + 1;
        k = page_arena_alloc(a, klen + 1);
        v = page_value_string(a, ns->href ? (const char *) ns->href : "",
                              ns->href ? strlen((const char *) ns->href) : 0);
        if (k == NULL || v == NULL) {
            return -2;
        }
        k[0] = '-';
        memcpy(k + 1, s, klen);
        if (page_map_set(a, m, k, klen, v) != 0) {
            return -2;
        }
    }

    for (at = e->properties; at != NULL; at = at->next) {
        klen = strlen((const char *) at->name) + 1;
        k = page_arena_alloc(a, klen + 1);
        val = xmlNodeListGetString(e->doc, at->children, 1);
        v = page_value_string(a, val ? (const char *) val : "",
                              val ? strlen((const char *) val) : 0);
        xmlFree(val);
        if (k == NULL || v == NULL) {
            return -2;
        }
        k[0] = '-';
        memcpy(k + 1, at->name, klen);
        if (page_map_set(a, m, k, klen, v) != 0) {
            return -2;
        }
    }

    for (c = e->children; c != NULL; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) {
            continue;
        }
        if (page_xml_node(a, c, depth + 1, &v) != 0) {
            return -2;
        }
        if (page_xml_add(a, m, (const char *) c->name,
                         strlen((const char *) c->name), v, lists) != 0)
        {
            return -2;
        }
    }

    if (text.len > 0
        && page_map_set(a, m, "#text", 5,
                        page_value_string_ref(a, PAGE_STRING, text.data,
                                              text.len)) != 0)
    {
        return -2;
    }

    *out = m;

    return 0;
}


/*
 * XML into the root element's value, which must be a map (Hugo drops
 * the root).  No network, no external entities, no DTD loaded.
 */
static int
page_xml_decode(page_arena_t *a, const char *s, size_t len,
    page_value_t **out, page_dec_err_t *err)
{
    int               rc;
    xmlDoc           *doc;
    xmlNode          *root;
    const xmlError   *e;
    xmlParserCtxt    *ctx;

    if (len > INT_MAX) {
        snprintf(err->msg, sizeof(err->msg), "XML text too large");
        return -1;
    }

    ctx = xmlNewParserCtxt();
    if (ctx == NULL) {
        return -2;
    }

    doc = xmlCtxtReadMemory(ctx, s, (int) len, "_stream.xml", NULL,
                            XML_PARSE_NONET | XML_PARSE_NOERROR
                            | XML_PARSE_NOWARNING);
    if (doc == NULL) {
        e = xmlCtxtGetLastError(ctx);
        err->line = e && e->line > 0 ? (unsigned) e->line : 1;
        err->col = e && e->int2 > 0 ? (unsigned) e->int2 : 1;
        snprintf(err->msg, sizeof(err->msg), "%s",
                 e && e->message ? e->message : "invalid XML");
        len = strlen(err->msg);
        if (len > 0 && err->msg[len - 1] == '\n') {
            err->msg[len - 1] = '\0';
        }
        xmlFreeParserCtxt(ctx);
        return -1;
    }

    root = xmlDocGetRootElement(doc);
    rc = root ? page_xml_node(a, root, 0, out) : -1;

    if (rc == 0 && (*out == NULL || (*out)->type != PAGE_MAP)) {
        err->line = 1;
        err->col = 1;
        snprintf(err->msg, sizeof(err->msg), "XML root element '%s' must be "
                 "a map/object, got string", (const char *) root->name);
        rc = -3;
    } else if (rc == -1) {
        snprintf(err->msg, sizeof(err->msg), "XML nested too deep");
    }

    xmlFreeDoc(doc);
    xmlFreeParserCtxt(ctx);

    return rc;
}


/* ---- Unmarshal ---- */

static const char *
page_fmt_name(page_fmt_t f)
{
    static const char *const  names[] = {
        "", "json", "yaml", "toml", "csv", "xml", "org"
    };

    return names[f];
}


/*
 * Decode s in format f.  0, or -1 after failing the execution with
 * Hugo's words: "unmarshal failed: ..." with the position in the text
 * ("_stream.json:1:5" as Hugo names it) when the decoder knows it.
 */
static int
page_unmarshal_text(page_tpl_state_t *st, const page_decoder_t *d,
    page_fmt_t f, const char *s, size_t len, page_value_t **res)
{
    int                rc;
    page_arena_t      *a;
    page_dec_err_t     err;
    page_toml_error_t  te;

    a = page_tpl_arena(st);
    memset(&err, 0, sizeof(err));

    if (len == 0) {
        if (f == PAGE_FMT_CSV && !d->target_map) {
            *res = page_value_list(a);
        } else {
            *res = page_value_map(a);
        }
        return *res ? 0 : page_tpl_nomem(st);
    }

    switch (f) {

    case PAGE_FMT_JSON:
        rc = page_json_decode(a, s, len, res, &err);
        break;

    case PAGE_FMT_YAML:
        rc = page_yaml_decode(a, s, len, res, &err);
        if (rc == 0 && *res == NULL) {
            *res = page_value_map(a);   /* an empty document */
        }
        break;

    case PAGE_FMT_TOML:
        rc = page_toml_parse(a, s, len, 0, res, &te);
        err.line = te.line;
        err.col = te.col;
        if (rc == -1) {
            snprintf(err.msg, sizeof(err.msg), "toml: %.240s", te.msg);
        }
        break;

    case PAGE_FMT_CSV:
        rc = page_csv_decode(a, d, s, len, res, &err);
        if (rc == -1) {
            return page_tpl_fail(st, "%s", err.msg);  /* Hugo: bare error */
        }
        break;

    case PAGE_FMT_XML:
        rc = page_xml_decode(a, s, len, res, &err);
        if (rc == -3) {
            /* Hugo's words, not an "unmarshal failed" */
            return page_tpl_fail(st, "\"_stream.xml:1:1\": %s", err.msg);
        }
        break;

    default:
        return page_tpl_fail(st, "unmarshal of format \"%s\" is not "
                             "supported", page_fmt_name(f));
    }

    if (rc == -2) {
        return page_tpl_nomem(st);
    }

    if (rc != 0 && f == PAGE_FMT_YAML) {
        /* hugo 0.111.3's words (yaml.v2, a port of libyaml) */
        return page_tpl_fail(st, "\"_stream.yaml:%u:%u\": failed to "
                             "unmarshal YAML: yaml: line %u: %s",
                             err.line ? err.line : 1, err.col ? err.col : 1,
                             err.yaml_line ? err.yaml_line
                                           : err.line ? err.line : 1,
                             err.msg);
    }

    if (rc != 0) {
        if (err.line) {
            return page_tpl_fail(st, "\"_stream.%s:%u:%u\": unmarshal "
                                 "failed: %s", page_fmt_name(f), err.line,
                                 err.col, err.msg);
        }
        return page_tpl_fail(st, "unmarshal failed: %s", err.msg);
    }

    return 0;
}


/* The first character of an option's value (Delimiter, Comment). */
static int
page_unmarshal_rune(page_tpl_state_t *st, page_value_t *v, uint32_t *r)
{
    const char  *s;
    size_t       len, n;

    if (page_tpl_text(st, v, &s, &len) != 0) {
        return -1;
    }
    if (len == 0) {
        *r = 0;
        return 0;
    }
    n = page_utf8_decode(s, len, r);
    if (n != len) {
        return page_tpl_fail(st, "failed to decode options: invalid "
                             "character: %.*s", (int) len, s);
    }

    return 0;
}


/* Hugo's decodeDecoder: the options map, keys in any case. */
static int
page_unmarshal_options(page_tpl_state_t *st, page_value_t *m,
    page_decoder_t *d)
{
    size_t         i;
    const char    *s;
    size_t         len;
    page_pair_t   *p;

    for (i = 0; i < m->u.map.n; i++) {
        p = &m->u.map.items[i];

        if (p->key.len == 9 && strncasecmp(p->key.data, "delimiter", 9) == 0)
        {
            if (page_unmarshal_rune(st, p->value, &d->delimiter) != 0) {
                return -1;
            }
        } else if (p->key.len == 7
                   && strncasecmp(p->key.data, "comment", 7) == 0)
        {
            if (page_unmarshal_rune(st, p->value, &d->comment) != 0) {
                return -1;
            }
        } else if (p->key.len == 10
                   && strncasecmp(p->key.data, "lazyquotes", 10) == 0)
        {
            d->lazy_quotes = page_tpl_truth(p->value);
        } else if (p->key.len == 10
                   && strncasecmp(p->key.data, "targettype", 10) == 0)
        {
            if (page_tpl_text(st, p->value, &s, &len) != 0) {
                return -1;
            }
            if (len == 3 && memcmp(s, "map", 3) == 0) {
                d->target_map = 1;
            } else if (!(len == 5 && memcmp(s, "slice", 5) == 0)) {
                return page_tpl_fail(st, "invalid targetType: expected "
                                     "either slice or map, received %.*s",
                                     (int) len, s);
            }
        } else if (p->key.len == 6
                   && strncasecmp(p->key.data, "format", 6) == 0)
        {
            if (page_tpl_text(st, p->value, &s, &len) != 0) {
                return -1;
            }
            d->format = page_fmt_from_string(s, len);
            if (d->format == PAGE_FMT_NONE && len > 0) {
                return page_tpl_fail(st, "format \"%.*s\" not supported",
                                     (int) len, s);
            }
        }
    }

    return 0;
}


static int
page_fn_unmarshal(PAGE_FN_ARGS)
{
    size_t          len, i;
    const char     *s;
    page_fmt_t      f;
    page_str_t      content, name;
    page_value_t   *data;
    page_decoder_t  d;

    memset(&d, 0, sizeof(d));
    d.delimiter = ',';

    data = args[nargs - 1];
    if (nargs == 2) {
        if (args[0] == NULL || args[0]->type != PAGE_MAP
            || page_resource_is(args[0]))
        {
            return page_tpl_fail(st, "first argument must be a map");
        }
        if (page_unmarshal_options(st, args[0], &d) != 0) {
            return -1;
        }
    }

    if (page_resource_is(data)) {
        f = d.format;
        if (f == PAGE_FMT_NONE) {
            name = page_resource_name(data);
            f = page_fmt_from_string(name.data, name.len);
            if (f == PAGE_FMT_NONE) {
                return page_tpl_fail(st, "MIME \"%s\" not supported",
                                     page_resource_media(data));
            }
        }
        if (page_resource_content(st, data, &content) != 0) {
            return -1;
        }
        return page_unmarshal_text(st, &d, f, content.data, content.len,
                                   res);
    }

    if (data != NULL && (data->type == PAGE_MAP || data->type == PAGE_LIST
                         || data->type == PAGE_TIME))
    {
        return page_tpl_fail(st, "type %s not supported",
                             page_tpl_tname(data));
    }

    if (page_tpl_text(st, data, &s, &len) != 0) {
        return -1;
    }

    for (i = 0; i < len && strchr(" \t\r\n\v\f", s[i]) != NULL; i++) {
        /* strings.TrimSpace(data) == "": nil */
    }
    if (i == len) {
        *res = NULL;
        return 0;
    }

    f = d.format;
    if (f == PAGE_FMT_NONE) {
        f = page_fmt_detect(&d, s, len);
        if (f == PAGE_FMT_NONE) {
            return page_tpl_fail(st, "unknown format");
        }
    }

    return page_unmarshal_text(st, &d, f, s, len, res);
}


/* ---- Remarshal: a map as JSON, YAML or TOML text ---- */

/* Go's json.MarshalIndent(in, "", "   "): keys sorted, HTML escaped. */
static void
page_remarshal_json(page_buf_t *b, const page_value_t *v, unsigned depth)
{
    size_t        i, n;
    page_pair_t  *sorted;

    if (v != NULL && (v->type == PAGE_MAP || v->type == PAGE_LIST)
        && depth < PAGE_UNMARSHAL_MAX_DEPTH)
    {
        n = v->type == PAGE_MAP ? v->u.map.n : v->u.list.n;
        page_buf_putc(b, v->type == PAGE_MAP ? '{' : '[');
        if (n == 0) {
            page_buf_putc(b, v->type == PAGE_MAP ? '}' : ']');
            return;
        }
        sorted = NULL;
        if (v->type == PAGE_MAP) {
            sorted = page_map_sorted(b->arena, v);
            if (sorted == NULL) {
                return;                 /* out of memory: cut short */
            }
        }
        for (i = 0; i < n; i++) {
            page_buf_putc(b, '\n');
            page_buf_printf(b, "%*s", (int) (depth + 1) * 3, "");
            if (sorted != NULL) {
                page_value_t  k;

                k.type = PAGE_STRING;
                k.u.s = sorted[i].key;
                page_tpl_json(b, &k, 0);
                page_buf_puts(b, ": ");
                page_remarshal_json(b, sorted[i].value, depth + 1);
            } else {
                page_remarshal_json(b, v->u.list.items[i], depth + 1);
            }
            if (i + 1 < n) {
                page_buf_putc(b, ',');
            }
        }
        page_buf_putc(b, '\n');
        page_buf_printf(b, "%*s", (int) depth * 3, "");
        page_buf_putc(b, v->type == PAGE_MAP ? '}' : ']');
        return;
    }

    page_tpl_json(b, v, 0);
}


/*
 * Remarshal's "the unmarshal/marshal dance is type lossy" fix
 * (applyMarshalTypes): a whole float in a map, or in a map in a map,
 * prints as an integer; in a list it stays a float.
 */
static const page_value_t *
page_remarshal_num(page_arena_t *a, const page_value_t *v, int in_map)
{
    page_value_t  *i;

    if (in_map && v != NULL && v->type == PAGE_FLOAT && isfinite(v->u.f)
        && v->u.f == (double) (int64_t) v->u.f)
    {
        i = page_value_int(a, (int64_t) v->u.f);
        return i ? i : v;
    }

    return v;
}


static int
page_remarshal_is_word(const char *s, size_t len, const char *const *w)
{
    return page_yaml_is(s, len, w);
}


/* Would YAML 1.2 read s, written plain, as something else. */
static int
page_remarshal_yaml_quote(const char *s, size_t len)
{
    size_t       i;
    char        *end, b[64];
    static const char *const  words[] = {
        "~", "null", "Null", "NULL", "true", "True", "TRUE", "false",
        "False", "FALSE", ".inf", ".Inf", ".INF", "-.inf", "-.Inf", "-.INF",
        ".nan", ".NaN", ".NAN", "y", "Y", "yes", "Yes", "YES", "n", "N",
        "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", NULL
    };

    if (len == 0 || page_remarshal_is_word(s, len, words)) {
        return 1;
    }
    if (strchr("-?:,[]{}#&*!|>'\"%@` \t", s[0]) != NULL
        || s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == ':')
    {
        return 1;
    }
    for (i = 0; i + 1 < len; i++) {
        if ((s[i] == ':' && s[i + 1] == ' ')
            || (s[i] == ' ' && s[i + 1] == '#'))
        {
            return 1;
        }
    }
    for (i = 0; i < len; i++) {
        if ((unsigned char) s[i] < 0x20 && s[i] != '\n') {
            return 1;
        }
    }
    if (len < sizeof(b)) {
        memcpy(b, s, len);
        b[len] = '\0';
        strtod(b, &end);
        if (*end == '\0') {
            return 1;                   /* a number */
        }
        {
            page_time_t  t;

            if (page_time_parse(s, len, &t) == 0) {
                return 1;               /* a timestamp */
            }
        }
    }

    return 0;
}


static void
page_remarshal_indent(page_buf_t *b, unsigned n)
{
    while (n--) {
        page_buf_putc(b, ' ');
    }
}


/* A YAML scalar: plain, 'single-quoted', or a |- block for lines. */
static void
page_remarshal_yaml_scalar(page_buf_t *b, const page_value_t *v,
    unsigned indent)
{
    size_t       i;
    const char  *s;
    size_t       len;

    if (v == NULL || v->type == PAGE_NIL) {
        page_buf_puts(b, "null");
        return;
    }

    if (!page_value_is_string(v)) {
        page_value_print(b, v);
        return;
    }

    s = v->u.s.data;
    len = v->u.s.len;

    if (memchr(s, '\n', len) != NULL) {
        page_buf_puts(b, len && s[len - 1] == '\n' ? "|" : "|-");
        for (i = 0; i < len; ) {
            const char  *nl = memchr(s + i, '\n', len - i);
            size_t       n = nl ? (size_t) (nl - (s + i)) : len - i;

            page_buf_putc(b, '\n');
            if (n) {
                page_remarshal_indent(b, indent + 2);
            }
            page_buf_append(b, s + i, n);
            i += n + 1;
        }
        return;
    }

    if (!page_remarshal_yaml_quote(s, len)) {
        page_buf_append(b, s, len);
        return;
    }

    page_buf_putc(b, '\'');
    for (i = 0; i < len; i++) {
        if (s[i] == '\'') {
            page_buf_putc(b, '\'');
        }
        page_buf_putc(b, s[i]);
    }
    page_buf_putc(b, '\'');
}


static int
page_remarshal_empty(const page_value_t *v)
{
    return (v->type == PAGE_MAP && v->u.map.n == 0)
           || (v->type == PAGE_LIST && v->u.list.n == 0);
}


/* YAML block style, as Go's YAML encoders write a map. */
static void
page_remarshal_yaml(page_buf_t *b, const page_value_t *v, unsigned indent,
    unsigned depth, int ints)
{
    size_t              i;
    page_pair_t        *p;
    page_value_t        k;
    const page_value_t *e;

    if (depth > PAGE_UNMARSHAL_MAX_DEPTH) {
        return;
    }

    if (v->type == PAGE_MAP) {
        p = page_map_sorted(b->arena, v);
        if (p == NULL) {
            return;
        }
        for (i = 0; i < v->u.map.n; i++) {
            if (i > 0) {
                page_remarshal_indent(b, indent);
            }
            k.type = PAGE_STRING;
            k.u.s = p[i].key;
            page_remarshal_yaml_scalar(b, &k, indent);
            page_buf_putc(b, ':');
            e = page_remarshal_num(b->arena, p[i].value, ints);
            if (e != NULL && (e->type == PAGE_MAP || e->type == PAGE_LIST)
                && !page_remarshal_empty(e))
            {
                page_buf_putc(b, '\n');
                if (e->type == PAGE_MAP) {
                    page_remarshal_indent(b, indent + 2);
                    page_remarshal_yaml(b, e, indent + 2, depth + 1, ints);
                } else {
                    page_remarshal_indent(b, indent);
                    page_remarshal_yaml(b, e, indent, depth + 1, 0);
                }
                continue;
            }
            page_buf_putc(b, ' ');
            if (e != NULL && page_remarshal_empty(e)) {
                page_buf_puts(b, e->type == PAGE_MAP ? "{}" : "[]");
            } else {
                page_remarshal_yaml_scalar(b, e, indent);
            }
            page_buf_putc(b, '\n');
        }
        return;
    }

    /* a list: "- " items at the same indentation as its key */
    for (i = 0; i < v->u.list.n; i++) {
        if (i > 0) {
            page_remarshal_indent(b, indent);
        }
        page_buf_puts(b, "- ");
        e = v->u.list.items[i];
        if (e != NULL && (e->type == PAGE_MAP || e->type == PAGE_LIST)
            && !page_remarshal_empty(e))
        {
            page_remarshal_yaml(b, e, indent + 2, depth + 1, 0);
            continue;
        }
        if (e != NULL && page_remarshal_empty(e)) {
            page_buf_puts(b, e->type == PAGE_MAP ? "{}" : "[]");
        } else {
            page_remarshal_yaml_scalar(b, e, indent + 2);
        }
        page_buf_putc(b, '\n');
    }
}


/* A TOML key: bare when it can be, else a basic string. */
static void
page_remarshal_toml_str(page_buf_t *b, const char *s, size_t len, int key)
{
    size_t  i;
    int     bare, literal;

    bare = key && len > 0;
    literal = 1;
    for (i = 0; i < len; i++) {
        unsigned char  c = (unsigned char) s[i];

        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9') || c == '_' || c == '-'))
        {
            bare = 0;
        }
        if (c == '\'' || c < 0x20 || c == 0x7f) {
            literal = 0;
        }
    }

    if (bare) {
        page_buf_append(b, s, len);
        return;
    }

    if (literal) {
        page_buf_putc(b, '\'');
        page_buf_append(b, s, len);
        page_buf_putc(b, '\'');
        return;
    }

    page_buf_putc(b, '"');
    for (i = 0; i < len; i++) {
        switch (s[i]) {
        case '"':  page_buf_puts(b, "\\\""); break;
        case '\\': page_buf_puts(b, "\\\\"); break;
        case '\n': page_buf_puts(b, "\\n"); break;
        case '\t': page_buf_puts(b, "\\t"); break;
        case '\r': page_buf_puts(b, "\\r"); break;
        case '\b': page_buf_puts(b, "\\b"); break;
        case '\f': page_buf_puts(b, "\\f"); break;
        default:
            if ((unsigned char) s[i] < 0x20 || s[i] == 0x7f) {
                page_buf_printf(b, "\\u%04X", (unsigned char) s[i]);
            } else {
                page_buf_putc(b, s[i]);
            }
        }
    }
    page_buf_putc(b, '"');
}


static void
page_remarshal_toml_value(page_buf_t *b, const page_value_t *v)
{
    size_t  i, start;

    switch (v->type) {
    case PAGE_LIST:
        page_buf_putc(b, '[');
        for (i = 0; i < v->u.list.n; i++) {
            if (i > 0) {
                page_buf_puts(b, ", ");
            }
            if (v->u.list.items[i] != NULL
                && v->u.list.items[i]->type != PAGE_NIL)
            {
                page_remarshal_toml_value(b, v->u.list.items[i]);
            }
        }
        page_buf_putc(b, ']');
        return;
    case PAGE_MAP:
        page_buf_putc(b, '{');
        for (i = 0; i < v->u.map.n; i++) {
            page_buf_puts(b, i ? ", " : "");
            page_remarshal_toml_str(b, v->u.map.items[i].key.data,
                                    v->u.map.items[i].key.len, 1);
            page_buf_puts(b, " = ");
            if (v->u.map.items[i].value != NULL) {
                page_remarshal_toml_value(b, v->u.map.items[i].value);
            }
        }
        page_buf_putc(b, '}');
        return;
    case PAGE_FLOAT:
        if (isnan(v->u.f)) {
            page_buf_puts(b, "nan");
            return;
        }
        if (isinf(v->u.f)) {
            page_buf_puts(b, v->u.f > 0 ? "inf" : "-inf");
            return;
        }
        start = b->len;
        page_value_print(b, v);
        if (b->data != NULL
            && memchr(b->data + start, '.', b->len - start) == NULL
            && memchr(b->data + start, 'e', b->len - start) == NULL)
        {
            page_buf_puts(b, ".0");
        }
        return;
    case PAGE_TIME:
        page_time_format(b, &v->u.t, "2006-01-02T15:04:05.999999999Z07:00",
                         35);
        return;
    default:
        if (page_value_is_string(v)) {
            page_remarshal_toml_str(b, v->u.s.data, v->u.s.len, 0);
        } else {
            page_value_print(b, v);
        }
    }
}


static int
page_remarshal_is_tables(const page_value_t *v)
{
    size_t  i;

    if (v == NULL || v->type != PAGE_LIST || v->u.list.n == 0) {
        return 0;
    }
    for (i = 0; i < v->u.list.n; i++) {
        if (v->u.list.items[i] == NULL
            || v->u.list.items[i]->type != PAGE_MAP)
        {
            return 0;
        }
    }

    return 1;
}


/*
 * go-toml v2's encoder with SetIndentTables: a table's plain keys, then
 * its tables and arrays of tables, each after a blank line, in key order;
 * nil values left out.
 */
static void
page_remarshal_toml(page_buf_t *b, const page_value_t *m, page_buf_t *path,
    unsigned depth, int ints)
{
    size_t              i, j, plen;
    page_pair_t        *p;
    const page_value_t *v;
    unsigned            ind;

    if (depth > PAGE_UNMARSHAL_MAX_DEPTH) {
        return;
    }

    p = page_map_sorted(b->arena, m);
    if (p == NULL) {
        return;
    }
    ind = depth > 0 ? (depth - 1) * 2 : 0;
    if (depth > 0) {
        ind += 2;
    }

    for (i = 0; i < m->u.map.n; i++) {
        v = page_remarshal_num(b->arena, p[i].value, ints);
        if (v == NULL || v->type == PAGE_NIL || v->type == PAGE_MAP
            || page_remarshal_is_tables(v))
        {
            continue;
        }
        page_remarshal_indent(b, ind);
        page_remarshal_toml_str(b, p[i].key.data, p[i].key.len, 1);
        page_buf_puts(b, " = ");
        page_remarshal_toml_value(b, v);
        page_buf_putc(b, '\n');
    }

    for (i = 0; i < m->u.map.n; i++) {
        v = p[i].value;
        if (v == NULL || (v->type != PAGE_MAP && !page_remarshal_is_tables(v)))
        {
            continue;
        }

        plen = path->len;
        if (plen) {
            page_buf_putc(path, '.');
        }
        page_remarshal_toml_str(path, p[i].key.data, p[i].key.len, 1);

        if (v->type == PAGE_MAP) {
            page_buf_putc(b, '\n');
            page_remarshal_indent(b, depth * 2);
            page_buf_putc(b, '[');
            page_buf_append(b, path->data, path->len);
            page_buf_puts(b, "]\n");
            page_remarshal_toml(b, v, path, depth + 1, ints);
        } else {
            for (j = 0; j < v->u.list.n; j++) {
                page_buf_putc(b, '\n');
                page_remarshal_indent(b, depth * 2);
                page_buf_puts(b, "[[");
                page_buf_append(b, path->data, path->len);
                page_buf_puts(b, "]]\n");
                page_remarshal_toml(b, v->u.list.items[j], path,
                                    depth ? depth + 1 : 0, 0);
            }
        }
        path->len = plen;
    }
}


static int
page_fn_remarshal(PAGE_FN_ARGS)
{
    size_t          len, i, flen;
    const char     *s, *fs;
    char            fmt[8];
    page_fmt_t      f, from;
    page_buf_t      b, path;
    page_value_t   *m;
    page_decoder_t  d;

    (void) nargs;

    if (page_tpl_text(st, args[0], &fs, &flen) != 0) {
        return -1;
    }
    while (flen > 0 && strchr(" \t\r\n", fs[0]) != NULL) {
        fs++;
        flen--;
    }
    while (flen > 0 && strchr(" \t\r\n", fs[flen - 1]) != NULL) {
        flen--;
    }
    f = PAGE_FMT_NONE;
    if (flen < sizeof(fmt) && memchr(fs, '.', flen) == NULL) {
        for (i = 0; i < flen; i++) {
            fmt[i] = (fs[i] >= 'A' && fs[i] <= 'Z') ? (char) (fs[i] + 32)
                                                    : fs[i];
        }
        f = page_fmt_from_string(fmt, flen);
    }
    if (f == PAGE_FMT_NONE) {
        return page_tpl_fail(st, "failed to detect target data "
                             "serialization format");
    }

    m = args[1];
    if (m == NULL || m->type != PAGE_MAP) {
        if (page_tpl_text(st, m, &s, &len) != 0) {
            return -1;
        }
        while (len > 0 && strchr(" \t\r\n\v\f", s[0]) != NULL) {
            s++;
            len--;
        }
        while (len > 0 && strchr(" \t\r\n\v\f", s[len - 1]) != NULL) {
            len--;
        }
        if (len == 0) {
            return page_tpl_ret_str(st, PAGE_STRING, "", 0, res);
        }
        memset(&d, 0, sizeof(d));
        d.delimiter = ',';
        from = page_fmt_detect(&d, s, len);
        if (from == PAGE_FMT_NONE) {
            return page_tpl_fail(st, "failed to detect format from content");
        }
        if (page_unmarshal_text(st, &d, from, s, len, &m) != 0) {
            return -1;
        }
        if (m == NULL || m->type != PAGE_MAP) {
            return page_tpl_fail(st, "unmarshal failed: not a map");
        }
    }

    page_tpl_buf(st, &b);

    switch (f) {
    case PAGE_FMT_JSON:
        page_remarshal_json(&b, m, 0);
        page_buf_putc(&b, '\n');
        break;
    case PAGE_FMT_YAML:
        if (m->u.map.n == 0) {
            page_buf_puts(&b, "{}\n");
        } else {
            page_remarshal_yaml(&b, m, 0, 0, 1);
        }
        break;
    case PAGE_FMT_TOML:
        page_tpl_buf(st, &path);
        page_remarshal_toml(&b, m, &path, 0, 1);
        break;
    default:
        return page_fn_unavailable(st, "transform.Remarshal",
                                   "only JSON, YAML and TOML are written "
                                   "here");
    }

    if (page_buf_failed(&b)) {
        return page_tpl_fail(st, "transform.Remarshal: result too large");
    }

    return page_tpl_ret_buf(st, PAGE_STRING, &b, res);
}


const page_tpl_func_t  page_fn_unmarshal_funcs[] = {
    { "transform.Unmarshal", page_fn_unmarshal, 1, 2 },
    { "unmarshal", page_fn_unmarshal, 1, 2 },
    { "transform.Remarshal", page_fn_remarshal, 2, 2 },
    { NULL, NULL, 0, 0 }
};


int
page_unmarshal_file(page_arena_t *a, const char *name, const char *s,
    size_t len, page_value_t **res, char *msg, size_t msg_size,
    unsigned *line, unsigned *col)
{
    int                rc;
    const char        *dot;
    page_fmt_t         f;
    page_decoder_t     d;
    page_dec_err_t     err;
    page_toml_error_t  te;

    memset(&d, 0, sizeof(d));
    memset(&err, 0, sizeof(err));
    d.delimiter = ',';
    *line = 0;
    *col = 0;
    msg[0] = '\0';

    dot = strrchr(name, '.');
    f = dot != NULL && strchr(dot, '/') == NULL
        ? page_fmt_from_string(dot, strlen(dot)) : PAGE_FMT_NONE;

    if (f == PAGE_FMT_NONE || f == PAGE_FMT_ORG) {
        snprintf(msg, msg_size, "unmarshal of format \"%s\" is not "
                 "supported", f == PAGE_FMT_ORG ? "org" : "");
        return -3;
    }

    if (len == 0) {
        *res = f == PAGE_FMT_CSV ? page_value_list(a) : page_value_map(a);
        return *res ? 0 : -2;
    }

    switch (f) {

    case PAGE_FMT_JSON:
        rc = page_json_decode(a, s, len, res, &err);
        break;

    case PAGE_FMT_YAML:
        rc = page_yaml_decode(a, s, len, res, &err);
        if (rc == 0 && *res == NULL) {
            *res = page_value_map(a);
            rc = *res ? 0 : -2;
        }
        if (rc == -1) {
            /*
             * hugo 0.111.3's words (yaml.v2), at the line yaml.v2 names
             * (libyaml's mark may be past it: the end of the text)
             */
            *line = err.yaml_line ? err.yaml_line
                                  : err.line ? err.line : 1;
            *col = err.col && *line == err.line ? err.col : 1;
            snprintf(msg, msg_size, "failed to unmarshal YAML: yaml: line "
                     "%u: %s", *line, err.msg);
            return -1;
        }
        break;

    case PAGE_FMT_TOML:
        memset(&te, 0, sizeof(te));
        rc = page_toml_parse(a, s, len, 0, res, &te);
        if (rc == -1) {
            err.line = te.line;
            err.col = te.col;
            snprintf(err.msg, sizeof(err.msg), "toml: %.240s", te.msg);
        }
        break;

    case PAGE_FMT_CSV:
        rc = page_csv_decode(a, &d, s, len, res, &err);
        break;

    default:
        rc = page_xml_decode(a, s, len, res, &err);
        if (rc == -3) {
            rc = -1;
        }
        break;
    }

    if (rc == -2) {
        return -2;
    }

    if (rc != 0) {
        *line = err.line;
        *col = err.col;
        snprintf(msg, msg_size, "%s%s", f == PAGE_FMT_CSV ? ""
                 : "unmarshal failed: ", err.msg);
        return -1;
    }

    return 0;
}
