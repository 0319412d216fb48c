/*
 * Named limits of the Markdown stage: a table row wider than
 * PAGE_MD_MAX_ROW_CELLS is refused with its line (libcmark-gfm would take
 * quadratic time over it); rows up to the limit render.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "page_arena.h"
#include "page_buf.h"
#include "page_error.h"
#include "page_markdown.h"
#include "tap.h"


static char *
pipes_doc(size_t pipes)
{
    char    *s;
    size_t   n;

    s = malloc(pipes + 64);
    if (s == NULL) {
        exit(2);
    }

    n = (size_t) sprintf(s, "|a|b|\n|-|-|\n");
    memset(s + n, '|', pipes);
    s[n + pipes] = '\n';
    s[n + pipes + 1] = '\0';

    return s;
}


int
main(void)
{
    int            rc;
    char          *doc;
    page_buf_t     out;
    page_arena_t   a;
    page_error_t   err;

    page_arena_init(&a, 0);

    doc = pipes_doc(PAGE_MD_MAX_ROW_CELLS);
    page_buf_init(&out, &a, 0);
    page_error_init(&err);
    rc = page_markdown_render(doc, strlen(doc), 0, 10, &out, NULL, "t.md",
                              &err);
    ok(rc == 0, "a row of exactly the limit renders");
    ok(out.len > 0 && strstr(page_buf_cstr(&out), "<table>") != NULL,
       "and it is a table");
    free(doc);

    doc = pipes_doc(PAGE_MD_MAX_ROW_CELLS + 1);
    page_buf_init(&out, &a, 0);
    page_error_init(&err);
    rc = page_markdown_render(doc, strlen(doc), 0, 10, &out, NULL, "t.md",
                              &err);
    ok(rc != 0, "one more \"|\" is refused");
    is_int(err.status, PAGE_ERR_LIMIT, "as a limit");
    ok(strncmp(err.msg, "t.md:12:1: ", 11) == 0,
       "the error names the line in the file (body starts at line 10)");
    free(doc);

    doc = pipes_doc(50000);
    page_buf_init(&out, &a, 0);
    page_error_init(&err);
    rc = page_markdown_render(doc, strlen(doc), 0, 0, &out, NULL, "x", &err);
    ok(rc != 0, "a 50,000-cell row is refused (not parsed for seconds)");
    ok(strncmp(err.msg, "x: a line with more than", 24) == 0,
       "no position when the text is not from the file");
    free(doc);

    page_arena_free(&a);

    return done_testing();
}
