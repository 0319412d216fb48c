/*
 * cmark-baseline: the "bare libcmark-gfm parse + HTML render" of issue #6,
 * the floor page-render is measured against (util/callgrind.sh).
 *
 *   cmark-baseline FILE
 *
 * Reads FILE, skips its YAML front matter (a first line "---" up to the
 * next line "---" or "..."), parses the rest with libcmark-gfm (the table,
 * strikethrough, autolink and tasklist extensions, footnotes on: the same
 * options page_markdown.c uses) and writes cmark_render_html()'s output
 * to /dev/null.  Shortcode markers are left in the text: the baseline
 * does no more than the Markdown library itself.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

static const char  *extensions[] = {
    "table", "strikethrough", "autolink", "tasklist", NULL
};


static size_t
skip_front_matter(const char *s, size_t len)
{
    size_t  p, eol;

    if (len < 4 || memcmp(s, "---", 3) != 0
        || (s[3] != '\n' && s[3] != '\r'))
    {
        return 0;
    }

    p = (s[3] == '\r' && len > 4 && s[4] == '\n') ? 5 : 4;

    while (p < len) {
        eol = p;
        while (eol < len && s[eol] != '\n') {
            eol++;
        }

        if (eol - p >= 3
            && (memcmp(s + p, "---", 3) == 0 || memcmp(s + p, "...", 3) == 0)
            && (eol - p == 3 || (eol - p == 4 && s[p + 3] == '\r')))
        {
            return eol < len ? eol + 1 : eol;
        }

        p = eol + 1;
    }

    return 0;
}


int
main(int argc, char **argv)
{
    int                      options;
    char                    *src, *html;
    long                     size;
    size_t                   len, start;
    FILE                    *f, *out;
    const char             **name;
    cmark_node              *root;
    cmark_parser            *parser;
    cmark_syntax_extension  *ext;

    if (argc != 2) {
        fprintf(stderr, "usage: cmark-baseline FILE\n");
        return 2;
    }

    f = fopen(argv[1], "rb");
    if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0
        || fseek(f, 0, SEEK_SET) != 0)
    {
        perror(argv[1]);
        return 2;
    }

    src = malloc((size_t) size + 1);
    if (src == NULL) {
        perror("malloc");
        return 2;
    }

    len = fread(src, 1, (size_t) size, f);
    fclose(f);

    start = skip_front_matter(src, len);

    cmark_gfm_core_extensions_ensure_registered();

    options = CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_FOOTNOTES
              | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES;

    parser = cmark_parser_new(options);

    for (name = extensions; *name != NULL; name++) {
        ext = cmark_find_syntax_extension(*name);
        if (ext == NULL || !cmark_parser_attach_syntax_extension(parser, ext))
        {
            fprintf(stderr, "extension \"%s\" is missing\n", *name);
            return 1;
        }
    }

    cmark_parser_feed(parser, src + start, len - start);
    root = cmark_parser_finish(parser);

    html = cmark_render_html(root, options,
                             cmark_parser_get_syntax_extensions(parser));

    out = fopen("/dev/null", "w");
    if (out != NULL) {
        fputs(html, out);
        fclose(out);
    }

    free(html);
    cmark_node_free(root);
    cmark_parser_free(parser);
    free(src);

    return 0;
}
