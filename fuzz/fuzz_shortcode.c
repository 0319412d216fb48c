/*
 * fuzz_shortcode: libFuzzer target for the shortcode lexer and parser.
 * Parses the input as a content body with a lookup that says, from the
 * name alone, whether a template takes inner content, has none, or is
 * missing, then walks the tree and checks what the parser promises:
 * spans inside the input, each list covering its range without gaps,
 * children inside their parent's inner, ordinals, levels, parents, and a
 * message with a position on every failure.  Sanitizers catch the rest.
 */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "page_arena.h"
#include "page_error.h"
#include "page_shortcode.h"
#include "page_value.h"

#define FIRST_LINE  3

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);


/* i..., b...: inner; q...: missing; else by length: odd inner, even not */
static int
lookup(void *ctx, const char *name, size_t len)
{
    (void) ctx;

    if (len == 0) {
        abort();                    /* the parser never asks for "" */
    }

    switch (name[0]) {
    case 'i':
    case 'b':
        return 1;
    case 'q':
        return -1;
    default:
        return len % 2;
    }
}


static void
check_value(const page_value_t *v)
{
    if (v == NULL) {
        abort();
    }

    switch (v->type) {
    case PAGE_STRING:
        if (v->u.s.data == NULL || v->u.s.data[v->u.s.len] != '\0') {
            abort();
        }
        break;
    case PAGE_BOOL:
    case PAGE_INT:
    case PAGE_FLOAT:
        break;
    default:
        abort();
    }
}


static void
check_params(const page_sc_node_t *n)
{
    size_t  i;

    if (n->params == NULL) {
        if (n->named) {
            abort();
        }
        return;
    }

    if (n->params->type == PAGE_LIST && !n->named) {
        if (n->params->u.list.n == 0
            || n->params->u.list.n > PAGE_SC_MAX_PARAMS)
        {
            abort();
        }
        for (i = 0; i < n->params->u.list.n; i++) {
            check_value(n->params->u.list.items[i]);
        }

    } else if (n->params->type == PAGE_MAP && n->named) {
        if (n->params->u.map.n == 0
            || n->params->u.map.n > PAGE_SC_MAX_PARAMS)
        {
            abort();
        }
        for (i = 0; i < n->params->u.map.n; i++) {
            check_value(n->params->u.map.items[i].value);
        }

    } else {
        abort();
    }
}


/* The list from n covers src[from..to) exactly; returns the call count. */
static size_t
check_list(const char *src, const page_sc_node_t *n,
    const page_sc_node_t *parent, unsigned level, size_t from, size_t to)
{
    size_t    calls, pos;
    unsigned  ordinal;

    calls = 0;
    ordinal = 0;
    pos = from;

    for ( ; n != NULL; n = n->next) {
        if (n->start != pos || n->end <= n->start || n->end > to
            || n->parent != parent || n->level != level
            || n->line < FIRST_LINE || n->col < 1)
        {
            abort();
        }

        if (!n->is_call) {
            if (n->len == 0 || n->children != NULL || n->params != NULL) {
                abort();
            }
            if (!n->comment
                && (n->text != src + n->start || n->len != n->end - n->start))
            {
                abort();
            }
            if (n->comment && n->len + 4 != n->end - n->start) {
                abort();
            }

        } else {
            if (n->ordinal != ordinal++ || n->name.len == 0
                || n->name.data < src + n->start
                || n->name.data + n->name.len > src + n->end
                || (n->self_closed && n->closed))
            {
                abort();
            }

            if (n->indent_len
                && (n->indent + n->indent_len != src + n->start
                    || strspn(n->indent, " \t") < n->indent_len))
            {
                abort();
            }

            check_params(n);

            if (n->closed) {
                if (n->inner < src + n->start
                    || n->inner + n->inner_len > src + n->end)
                {
                    abort();
                }
                calls += check_list(src, n->children, n, level + 1,
                                    (size_t) (n->inner - src),
                                    (size_t) (n->inner - src) + n->inner_len);

            } else if (n->children != NULL || n->inner_len != 0) {
                abort();
            }

            if (level >= PAGE_SC_MAX_DEPTH) {
                abort();
            }

            calls++;
        }

        pos = n->end;
    }

    if (pos != to) {
        abort();
    }

    return calls;
}


int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int              rc;
    char            *src;
    page_arena_t     arena;
    page_error_t     err;
    page_sc_node_t  *root;

    /* a private copy: ASan then catches reads past the input's end */
    src = malloc(size ? size : 1);
    if (src == NULL) {
        return 0;
    }
    if (size) {
        memcpy(src, data, size);
    }

    page_arena_init(&arena, 64 * 1024 * 1024);
    page_error_init(&err);

    rc = page_shortcode_parse(&arena, src, size, FIRST_LINE, "fuzz.md",
                              lookup, NULL, &root, &err);

    if (rc == 0) {
        if (err.status != PAGE_OK
            || check_list(src, root, NULL, 0, 0, size) > PAGE_SC_MAX_CALLS)
        {
            abort();
        }

    } else if (err.status == PAGE_OK || err.msg[0] == '\0'
               || (err.status != PAGE_ERR_NOMEM
                   && (err.line < FIRST_LINE || err.col < 1
                       || strncmp(err.msg, "fuzz.md:", 8) != 0)))
    {
        abort();                    /* a failure says why and where */
    }

    page_arena_free(&arena);
    free(src);

    return 0;
}
