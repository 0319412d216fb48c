/*
 * page_front: front matter split and YAML (libyaml events) to page values.
 *
 * YAML is typed as YAML 1.2's core schema (current Hugo): plain scalars
 * true/false, null/~, integers, floats and timestamps get their types;
 * quoted scalars and !!str are strings.  Aliases are refused outright, so
 * "billion laughs" cannot expand; depth and event count are bounded.
 */

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "page_front.h"

typedef struct {
    page_arena_t   *arena;
    yaml_parser_t   parser;
    const char     *front;
    size_t          front_len;
    const char     *path;
    unsigned        first_line;
    unsigned        events;
    unsigned        depth;
    page_error_t   *err;
} page_front_ctx_t;

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


int
page_front_split(const char *src, size_t len, const char *path,
    page_front_t *fm, page_error_t *err)
{
    size_t       pos, n, opener, line_start;
    unsigned     line;
    const char  *nl;

    memset(fm, 0, sizeof(page_front_t));

    if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) {
        src += 3;
        len -= 3;
    }

    fm->body = src;
    fm->body_len = len;
    fm->body_line = 1;

    if (len >= 3 && memcmp(src, "+++", 3) == 0
        && page_front_delim(src, len, "+++"))
    {
        page_error_set(err, PAGE_ERR_CONTENT, path, 1, 1,
                       "TOML front matter (+++) is not supported; "
                       "use YAML (---)");
        return -1;
    }

    opener = page_front_delim(src, len, "---");
    if (opener == 0) {
        return 0;
    }

    pos = opener;
    line = 2;

    for ( ;; ) {
        line_start = pos;

        if (pos >= len) {
            page_error_set(err, PAGE_ERR_CONTENT, path, 1, 1,
                           "front matter opened with \"---\" is never "
                           "closed (expected a line \"---\")");
            return -1;
        }

        if (pos > PAGE_FRONT_MAX_SIZE) {
            page_error_set(err, PAGE_ERR_LIMIT, path, 1, 1,
                           "front matter larger than %d bytes "
                           "(is its closing \"---\" missing?)",
                           PAGE_FRONT_MAX_SIZE);
            return -1;
        }

        n = page_front_delim(src + pos, len - pos, "---");
        if (n == 0) {
            n = page_front_delim(src + pos, len - pos, "...");
        }

        if (n) {
            /*
             * The YAML text starts on the line after "---": the blanks
             * allowed after the opener (a tab) are not valid YAML.
             */
            fm->front = src + opener;
            fm->front_len = line_start - opener;
            fm->front_line = 2;
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


static void
page_front_yaml_error(page_front_ctx_t *ctx)
{
    size_t          i;
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

    page_error_set(ctx->err, PAGE_ERR_CONTENT, ctx->path,
                   ctx->first_line + (unsigned) mark.line,
                   (unsigned) mark.column + 1,
                   "invalid YAML front matter: %s%s%s",
                   p->problem ? p->problem : "syntax error",
                   p->context ? " " : "",
                   p->context ? p->context : "");
}


static int
page_front_next(page_front_ctx_t *ctx, yaml_event_t *ev)
{
    if (!yaml_parser_parse(&ctx->parser, ev)) {
        page_front_yaml_error(ctx);
        return -1;
    }

    if (++ctx->events > PAGE_FRONT_MAX_EVENTS) {
        page_error_set(ctx->err, PAGE_ERR_LIMIT, ctx->path,
                       ctx->first_line + (unsigned) ev->start_mark.line,
                       (unsigned) ev->start_mark.column + 1,
                       "front matter has more than %d YAML nodes",
                       PAGE_FRONT_MAX_EVENTS);
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


static int
page_front_fail_position(page_front_ctx_t *ctx, yaml_event_t *ev,
    page_status_t status, const char *msg)
{
    page_error_set(ctx->err, status, ctx->path,
                   ctx->first_line + (unsigned) ev->start_mark.line,
                   (unsigned) ev->start_mark.column + 1, "%s", msg);
    return -1;
}


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


static int
page_front_mapping(page_front_ctx_t *ctx, page_value_t **out)
{
    int            rc;
    char          *key;
    size_t         key_len, i;
    yaml_event_t   ev;
    page_value_t  *map, *value;

    map = page_value_map(ctx->arena);
    if (map == NULL) {
        page_error_nomem(ctx->err, ctx->path);
        return -1;
    }

    for ( ;; ) {
        if (page_front_next(ctx, &ev) != 0) {
            return -1;
        }

        if (ev.type == YAML_MAPPING_END_EVENT) {
            yaml_event_delete(&ev);
            break;
        }

        if (ev.type != YAML_SCALAR_EVENT) {
            rc = page_front_fail_position(ctx, &ev, PAGE_ERR_CONTENT,
                     ev.type == YAML_ALIAS_EVENT
                     ? "YAML aliases (*name) are not allowed in front matter"
                     : "front matter keys must be plain scalars");
            yaml_event_delete(&ev);
            return rc;
        }

        /* keys are case-insensitive, as in Hugo: store them lower-cased */
        key_len = ev.data.scalar.length;
        key = page_arena_strndup(ctx->arena,
                                 (const char *) ev.data.scalar.value,
                                 key_len);
        yaml_event_delete(&ev);

        if (key == NULL) {
            page_error_nomem(ctx->err, ctx->path);
            return -1;
        }

        for (i = 0; i < key_len; i++) {
            if (key[i] >= 'A' && key[i] <= 'Z') {
                key[i] += 'a' - 'A';
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

        if (page_map_set(ctx->arena, map, key, key_len, value) != 0) {
            page_error_nomem(ctx->err, ctx->path);
            return -1;
        }
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

    memset(&ctx, 0, sizeof(ctx));
    ctx.arena = a;
    ctx.path = path;
    ctx.err = err;
    ctx.first_line = fm->front_line;
    ctx.front = fm->front;
    ctx.front_len = fm->front_len;

    if (!yaml_parser_initialize(&ctx.parser)) {
        page_error_nomem(err, path);
        return -1;
    }

    yaml_parser_set_input_string(&ctx.parser,
                                 (const unsigned char *) fm->front,
                                 fm->front_len);

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
