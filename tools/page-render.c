/*
 * page-render: render one content file with the same core the nginx module
 * uses, and print the page to stdout.
 *
 *   page-render [options] FILE      (FILE "-" reads stdin)
 *
 * Exit status: 0 rendered, 1 the content (or a template) is wrong,
 * 2 usage error or unreadable file, 3 the page is not published (a draft,
 * future or expired page, as Hugo decides without -D, -F, -E).
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "page.h"
#include "page_data.h"
#include "page_templates.h"

/*
 * Largest input the CLI reads.  libcmark-gfm aborts the process when it
 * runs out of memory, so inputs are capped here as page_max_size caps
 * them in nginx.
 */
#define PAGE_CLI_MAX_INPUT  (64 * 1024 * 1024)

/* Most --param options: .Site.Params is a handful of settings. */
#define PAGE_CLI_MAX_PARAMS  256

/* Most -t options: a site and a few themes. */
#define PAGE_CLI_MAX_TEMPLATE_DIRS  64

static void
usage(FILE *f)
{
    fprintf(f,
        "usage: page-render [options] FILE\n"
        "Render a Markdown content file with YAML front matter to HTML.\n"
        "\n"
        "  --content            print only the rendered content, no layout\n"
        "  --unsafe-html        keep raw HTML in Markdown\n"
        "  --no-highlight       code blocks not highlighted (codeFences = "
        "false)\n"
        "  --inline-shortcodes  run {{< name.inline >}} shortcodes (Hugo's\n"
        "                       enableInlineShortcodes)\n"
        "  --param NAME=VALUE   set .Site.Params.NAME (repeatable)\n"
        "  --site-title TEXT    set .Site.Title\n"
        "  --base-url URL       set .Site.BaseURL\n"
        "  -t, --templates DIR  a Hugo layouts/ directory (repeatable; the\n"
        "                       first wins, the built-in theme comes last)\n"
        "  --layout NAME        layout when the front matter names none\n"
        "  --root DIR           the site root: ref and relref check files\n"
        "                       there\n"
        "  -D, --buildDrafts    render a draft (Hugo's flag)\n"
        "  -F, --buildFuture    render a page whose publishDate is to come\n"
        "  -E, --buildExpired   render a page whose expiryDate has passed\n"
        "  -h, --help           this help\n"
        "\n"
        "FILE may be - for standard input.  Errors go to stderr as\n"
        "FILE:LINE:COL: message with exit status 1; usage errors exit 2;\n"
        "a page that is not published exits 3, saying why.\n");
}


static char *
read_all(const char *path, size_t *len)
{
    FILE    *f;
    char    *data, *p;
    size_t   cap, n;

    f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (f == NULL) {
        fprintf(stderr, "page-render: %s: %s\n", path, strerror(errno));
        return NULL;
    }

    cap = 64 * 1024;
    *len = 0;
    data = malloc(cap);

    while (data != NULL) {
        n = fread(data + *len, 1, cap - *len, f);
        *len += n;

        if (n == 0) {
            break;
        }

        if (*len == cap) {
            if (cap >= PAGE_CLI_MAX_INPUT) {
                fprintf(stderr, "page-render: %s: larger than %d bytes\n",
                        path, PAGE_CLI_MAX_INPUT);
                free(data);
                data = NULL;
                break;
            }

            cap *= 2;
            p = realloc(data, cap);
            if (p == NULL) {
                free(data);
                data = NULL;
                break;
            }
            data = p;
        }
    }

    if (data != NULL && ferror(f)) {
        fprintf(stderr, "page-render: %s: read error\n", path);
        free(data);
        data = NULL;
    }

    if (f != stdin) {
        fclose(f);
    }

    return data;
}


static const char *
option_value(int argc, char **argv, int *i)
{
    if (*i + 1 >= argc) {
        fprintf(stderr, "page-render: %s needs a value\n", argv[*i]);
        return NULL;
    }

    return argv[++*i];
}


int
main(int argc, char **argv)
{
    int               i, rc;
    char             *src, *eq;
    size_t            len, ndirs;
    const char       *file, *v, *dirs[PAGE_CLI_MAX_TEMPLATE_DIRS];
    page_arena_t      conf_arena;
    page_error_t      err;
    page_templates_t *templates;
    page_param_t     params[PAGE_CLI_MAX_PARAMS];
    page_result_t    res;
    page_options_t   opt;

    page_options_init(&opt);
    file = NULL;
    ndirs = 0;

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            usage(stdout);
            return 0;

        } else if (strcmp(argv[i], "--content") == 0) {
            opt.content_only = 1;

        } else if (strcmp(argv[i], "--unsafe-html") == 0) {
            opt.unsafe_html = 1;

        } else if (strcmp(argv[i], "--no-highlight") == 0) {
            opt.no_highlight = 1;

        } else if (strcmp(argv[i], "--inline-shortcodes") == 0) {
            opt.inline_shortcodes = 1;

        } else if (strcmp(argv[i], "-D") == 0
                   || strcmp(argv[i], "--buildDrafts") == 0)
        {
            opt.drafts = 1;

        } else if (strcmp(argv[i], "-F") == 0
                   || strcmp(argv[i], "--buildFuture") == 0)
        {
            opt.future = 1;

        } else if (strcmp(argv[i], "-E") == 0
                   || strcmp(argv[i], "--buildExpired") == 0)
        {
            opt.expired = 1;

        } else if (strcmp(argv[i], "--param") == 0) {
            if ((v = option_value(argc, argv, &i)) == NULL) {
                return 2;
            }
            eq = strchr(v, '=');
            if (eq == NULL || eq == v) {
                fprintf(stderr, "page-render: --param wants NAME=VALUE\n");
                return 2;
            }
            if (opt.nparams == PAGE_CLI_MAX_PARAMS) {
                fprintf(stderr, "page-render: more than %d --param\n",
                        PAGE_CLI_MAX_PARAMS);
                return 2;
            }
            params[opt.nparams].name = v;
            params[opt.nparams].name_len = (size_t) (eq - v);
            params[opt.nparams].value = eq + 1;
            params[opt.nparams].value_len = strlen(eq + 1);
            opt.nparams++;

        } else if (strcmp(argv[i], "--site-title") == 0) {
            if ((v = option_value(argc, argv, &i)) == NULL) {
                return 2;
            }
            opt.site_title = v;
            opt.site_title_len = strlen(v);

        } else if (strcmp(argv[i], "--base-url") == 0) {
            if ((v = option_value(argc, argv, &i)) == NULL) {
                return 2;
            }
            opt.base_url = v;
            opt.base_url_len = strlen(v);

        } else if (strcmp(argv[i], "-t") == 0
                   || strcmp(argv[i], "--templates") == 0)
        {
            if ((v = option_value(argc, argv, &i)) == NULL) {
                return 2;
            }
            if (ndirs == PAGE_CLI_MAX_TEMPLATE_DIRS) {
                fprintf(stderr, "page-render: more than %d -t\n",
                        PAGE_CLI_MAX_TEMPLATE_DIRS);
                return 2;
            }
            dirs[ndirs++] = v;

        } else if (strcmp(argv[i], "--root") == 0) {
            if ((v = option_value(argc, argv, &i)) == NULL) {
                return 2;
            }
            opt.root = v;
            opt.root_len = strlen(v);
            while (opt.root_len > 1 && v[opt.root_len - 1] == '/') {
                opt.root_len--;
            }

        } else if (strcmp(argv[i], "--layout") == 0) {
            if ((v = option_value(argc, argv, &i)) == NULL) {
                return 2;
            }
            opt.layout = v;
            opt.layout_len = strlen(v);

        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            fprintf(stderr, "page-render: unknown option %s\n", argv[i]);
            usage(stderr);
            return 2;

        } else if (file == NULL) {
            file = argv[i];

        } else {
            fprintf(stderr, "page-render: only one FILE, please\n");
            return 2;
        }
    }

    if (file == NULL) {
        usage(stderr);
        return 2;
    }

    opt.params = params;
    opt.path = file;

    /*
     * The file's path under the site root (.File, .Section, .Type): after
     * --root when it is there, else as given (run from the site's root).
     */
    opt.file = file;
    opt.file_len = strlen(file);

    if (opt.root != NULL && strncmp(file, opt.root, opt.root_len) == 0
        && file[opt.root_len] == '/')
    {
        opt.file = file + opt.root_len;
        opt.file_len -= opt.root_len;
    }

    /* templates are compiled first, as nginx does when it reads its conf */

    page_arena_init(&conf_arena, 0);
    page_error_init(&err);

    templates = page_templates_new(&conf_arena, page_data_funcs,
                                   page_data_nfuncs);
    if (templates == NULL) {
        fprintf(stderr, "page-render: out of memory\n");
        return 2;
    }

    /* every directory read and compiled: one run reports every error */
    for (i = 0; i < (int) ndirs; i++) {
        if (page_templates_add_dir(templates, dirs[i], &err) != 0
            && (err.status == PAGE_ERR_NOMEM
                || page_templates_nerrors(templates) == 0))
        {
            break;
        }
    }

    if ((err.status != PAGE_OK && page_templates_nerrors(templates) == 0)
        || page_templates_add_files(templates, "(built-in theme)",
                                    page_builtin_theme,
                                    page_builtin_theme_count, &err) != 0
        || page_templates_compile(templates, &err) != 0)
    {
        /* every template error, one line each, as nginx -t shows them */
        if (page_templates_nerrors(templates) == 0) {
            fprintf(stderr, "%s\n", err.msg);
        }
        for (ndirs = 0; ndirs < page_templates_nerrors(templates); ndirs++) {
            fprintf(stderr, "%s\n", page_templates_error(templates, ndirs));
        }
        page_arena_free(&conf_arena);
        return 1;
    }

    opt.templates = templates;

    src = read_all(file, &len);
    if (src == NULL) {
        page_arena_free(&conf_arena);
        return 2;
    }

    rc = page_render(src, len, &opt, &res);

    if (rc == PAGE_OK) {
        if (fwrite(res.data, 1, res.len, stdout) != res.len
            || fflush(stdout) != 0)
        {
            fprintf(stderr, "page-render: write error\n");
            rc = -1;
        }

    } else {
        fprintf(stderr, "%s\n", res.error.msg);
    }

    page_result_free(&res);
    page_arena_free(&conf_arena);
    free(src);
    page_exit();

    return rc == PAGE_OK ? 0 : (rc == -1 ? 2 : (rc == PAGE_HIDDEN ? 3 : 1));
}
