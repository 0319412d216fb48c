/*
 * Named limits of the Markdown stage (page_md_guard.c), each refused with
 * its line, each with input just within it that renders:
 *   - a table row wider than PAGE_MD_MAX_ROW_CELLS (libcmark-gfm would
 *     take quadratic time over it);
 *   - a line opening more than PAGE_MD_MAX_NESTING quotes and list items;
 *   - more than PAGE_MD_MAX_EMPH_LINK_STEPS delimiter-stack steps: links
 *     after emphasis in one paragraph ("*a* [b](c)" repeated took
 *     minutes), while fenced code, blank lines, list items and table
 *     rows end what is counted;
 *   - more than PAGE_MD_MAX_MEMORY of libcmark-gfm's tree (4 MB of
 *     one-letter table cells took 1.7 GB): refused with an error, the
 *     process goes on, and the next text renders.
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


/* n copies of unit, and tail */
static char *
repeat_doc(const char *unit, size_t n, const char *tail)
{
    char    *s, *p;
    size_t   i, len;

    len = strlen(unit);
    s = malloc(len * n + strlen(tail) + 1);
    if (s == NULL) {
        exit(2);
    }

    for (p = s, i = 0; i < n; i++, p += len) {
        memcpy(p, unit, len);
    }
    strcpy(p, tail);

    return s;
}


static int render(const char *doc, page_arena_t *a, page_buf_t *out,
    page_error_t *err);


/* 4 MB of a 63-column table of one-letter cells, and 4 MB of prose. */
static void
test_tree_memory(page_arena_t *a)
{
    int           rc;
    char         *doc;
    size_t        rows;
    page_buf_t    out;
    page_error_t  err;
    page_arena_t  small;

    rows = (4 * 1024 * 1024 - 4096) / 128;
    doc = repeat_doc("|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|"
                     "a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|"
                     "a|a|a|a|a|a|a|a|a|a|a|\n", rows, "");
    memcpy(doc, "|b|", 3);
    memcpy(doc + 128, "|-|-|-|-|-|-|-|-|-|-|-|-|-|-|-|-|-|-|-|-|-|-|-|-|-|-|-"
                      "|-|-|-|-|-|-|-|-|-|-|-|-|-|-|-|-|-|-|-|-|-|-|-|-|-|-|-"
                      "|-|-|-|-|-|-|-|-|-|\n", 127);

    page_arena_init(&small, 0);
    rc = render(doc, &small, &out, &err);
    ok(rc != 0, "4 MB of one-letter table cells is refused");
    is_int(err.status, PAGE_ERR_LIMIT, "as a limit");
    ok(strstr(err.msg, "PAGE_MD_MAX_MEMORY") != NULL,
       "the error names PAGE_MD_MAX_MEMORY");
    page_arena_free(&small);
    free(doc);

    doc = repeat_doc("Some words of a long page, with *emphasis* and "
                     "[a link](https://example.org/) in it.\n\n",
                     (4 * 1024 * 1024 - 4096) / 92, "");
    rc = render(doc, a, &out, &err);
    ok(rc == 0, "4 MB of prose still renders after that");
    ok(out.len > 4 * 1024 * 1024, "and all of it");
    free(doc);
}


static int
render(const char *doc, page_arena_t *a, page_buf_t *out, page_error_t *err)
{
    page_buf_init(out, a, 0);
    page_error_init(err);

    return page_markdown_render(doc, strlen(doc), 0, 1, out, NULL, "t.md",
                                err);
}


static void
test_nesting(page_arena_t *a)
{
    int          rc;
    char        *doc, *line;
    page_buf_t     out;
    page_error_t   err;

    doc = repeat_doc("> ", PAGE_MD_MAX_NESTING, "a\n");
    rc = render(doc, a, &out, &err);
    ok(rc == 0, "quotes nested to the limit render");
    free(doc);

    doc = repeat_doc("- > 1. ", PAGE_MD_MAX_NESTING / 3 + 1, "a\n");
    rc = render(doc, a, &out, &err);
    ok(rc != 0, "lists and quotes past the limit on one line are refused");
    is_int(err.status, PAGE_ERR_LIMIT, "as a limit");
    is_str(err.msg, "t.md:1:1: more than 32 block quotes and list items "
           "opened on one line", "with the line");
    free(doc);

    line = repeat_doc("> ", PAGE_MD_MAX_NESTING + 1, "a\n");
    doc = repeat_doc("x\n\n", 3, line);
    rc = render(doc, a, &out, &err);
    ok(rc != 0, "33 quotes on line 7 are refused");
    ok(strncmp(err.msg, "t.md:7:1: ", 10) == 0, "at line 7");
    free(doc);
    free(line);

    /* "- - - ..." is a thematic break, not nested lists */
    doc = repeat_doc("- ", 1000, "\n");
    rc = render(doc, a, &out, &err);
    ok(rc == 0 && strcmp(page_buf_cstr(&out), "<hr>\n") == 0,
       "a long \"- - -\" line is a rule");
    free(doc);
}


static void
test_emphasis_links(page_arena_t *a)
{
    int          rc;
    char        *doc, *line;
    page_buf_t     out;
    page_error_t   err;

    /* 10,000 lines of one paragraph: ~1e8 steps */
    doc = repeat_doc("*a* [b](c)\n", 10000, "");
    rc = render(doc, a, &out, &err);
    ok(rc != 0, "links after emphasis in one big paragraph are refused");
    is_int(err.status, PAGE_ERR_LIMIT, "as a limit");
    ok(strstr(err.msg, "too many links after emphasis in one paragraph")
       != NULL, "saying why");
    free(doc);

    /* the same lines in paragraphs of 10: ~1e6 steps */
    doc = repeat_doc("*a* [b](c)\n*a* [b](c)\n*a* [b](c)\n*a* [b](c)\n"
                     "*a* [b](c)\n*a* [b](c)\n*a* [b](c)\n*a* [b](c)\n"
                     "*a* [b](c)\n*a* [b](c)\n\n", 1000, "");
    rc = render(doc, a, &out, &err);
    ok(rc == 0, "the same in short paragraphs renders");
    free(doc);

    /* as items of a list: each item is a paragraph */
    doc = repeat_doc("- *a* [b](c)\n", 10000, "");
    rc = render(doc, a, &out, &err);
    ok(rc == 0, "the same as list items renders");
    free(doc);

    doc = repeat_doc("1. *a* [b](c)\n2. *a* [b](c)\n", 5000, "");
    rc = render(doc, a, &out, &err);
    ok(rc == 0, "and as ordered items");
    free(doc);

    /* "2." cannot interrupt a paragraph: still one paragraph */
    doc = repeat_doc("2. *a* [b](c)\n", 10000, "");
    doc[0] = 'x';
    rc = render(doc, a, &out, &err);
    ok(rc != 0, "lines of \"2.\" continuing a paragraph are counted");
    free(doc);

    /* a table's rows are parsed apart */
    doc = repeat_doc("| *a* | [b](c) |\n", 10000, "");
    line = repeat_doc("| x | y |\n|---|---|\n", 1, doc);
    rc = render(line, a, &out, &err);
    ok(rc == 0, "a table of 10,000 such rows renders");
    free(line);

    /* no table when the cells of header and delimiter row differ */
    line = repeat_doc("x | y\n|---|---|---|\n", 1, doc);
    rc = render(line, a, &out, &err);
    ok(rc != 0, "a delimiter row of other cells makes no table");
    free(line);

    /* a quote after the table: its lines may continue the quote's text */
    free(doc);
    doc = repeat_doc("*a* [b](c) |\n", 10000, "");
    line = repeat_doc("| x | y |\n|---|---|\n> q\n", 1, doc);
    rc = render(line, a, &out, &err);
    ok(rc != 0, "lines after a quote after a table are counted");
    free(line);
    free(doc);

    /* code is no paragraph, unless its fence is not one */
    doc = repeat_doc("*a* [b](c)\n", 10000, "```\n");
    memcpy(doc, "```\n", 4);
    rc = render(doc, a, &out, &err);
    ok(rc == 0, "the same inside fenced code renders");
    free(doc);

    doc = repeat_doc("*a* [b](c)\n", 10000, "");
    memcpy(doc, "```x`\n", 6);
    rc = render(doc, a, &out, &err);
    ok(rc != 0, "a \"fence\" with a backtick in its info is none");
    free(doc);

    doc = repeat_doc("*a* [b](c)\n", 10000, "");
    memcpy(doc, "> ```\n", 6);
    rc = render(doc, a, &out, &err);
    ok(rc != 0, "a fence in a quote ends with the quote");
    free(doc);
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

    test_nesting(&a);
    test_emphasis_links(&a);
    test_tree_memory(&a);

    page_arena_free(&a);

    return done_testing();
}
