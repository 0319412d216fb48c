/*
 * page_highlight.c: Hugo's highlighted code blocks (page_highlight.h).
 * Owns the language table (Chroma's names to source-highlight's .lang
 * files), the mapping of the library's elements to Chroma's token types,
 * Chroma's HTML formatter (lines, line numbers, highlighted lines,
 * monokai's inline styles or class names), Hugo's options, and the
 * process's cache of highlighted blocks.
 */

#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <xxhash.h>

#include "page_highlight.h"
#include "page_srchilite.h"


/* ---------------------------------------------------------- token types */

/* Chroma's token types that the mapping produces (a subset). */
typedef enum {
    PAGE_HL_TEXT = 0,
    PAGE_HL_ERR,
    PAGE_HL_K, PAGE_HL_KC, PAGE_HL_KD, PAGE_HL_KN, PAGE_HL_KT,
    PAGE_HL_N, PAGE_HL_NA, PAGE_HL_NB, PAGE_HL_NC, PAGE_HL_NF, PAGE_HL_NL,
    PAGE_HL_NT, PAGE_HL_NV, PAGE_HL_NX, PAGE_HL_PY,
    PAGE_HL_S, PAGE_HL_SD, PAGE_HL_SE, PAGE_HL_SR,
    PAGE_HL_M, PAGE_HL_MF, PAGE_HL_MH, PAGE_HL_MI,
    PAGE_HL_O, PAGE_HL_P,
    PAGE_HL_C, PAGE_HL_C1, PAGE_HL_CM, PAGE_HL_CP, PAGE_HL_CPF,
    PAGE_HL_GD, PAGE_HL_GH, PAGE_HL_GI, PAGE_HL_GU,
    PAGE_HL_NTYPES
} page_hl_type_e;

/*
 * Chroma's class of each type, and monokai's style after Chroma's
 * inheritance (a type without an entry takes its category's) and its
 * compression; NULL where the style equals the background's text colour
 * and Chroma writes no span.
 */
static const struct {
    const char  *cls;
    const char  *style;
} page_hl_types[PAGE_HL_NTYPES] = {
    { "",   NULL },
    { "err", "color:#960050;background-color:#1e0010" },
    { "k",  "color:#66d9ef" }, { "kc", "color:#66d9ef" },
    { "kd", "color:#66d9ef" }, { "kn", "color:#f92672" },
    { "kt", "color:#66d9ef" },
    { "n",  NULL }, { "na", "color:#a6e22e" }, { "nb", NULL },
    { "nc", "color:#a6e22e" }, { "nf", "color:#a6e22e" }, { "nl", NULL },
    { "nt", "color:#f92672" }, { "nv", NULL }, { "nx", "color:#a6e22e" },
    { "py", NULL },
    { "s",  "color:#e6db74" }, { "sd", "color:#e6db74" },
    { "se", "color:#ae81ff" },
    { "sr", "color:#e6db74" },
    { "m",  "color:#ae81ff" }, { "mf", "color:#ae81ff" },
    { "mh", "color:#ae81ff" }, { "mi", "color:#ae81ff" },
    { "o",  "color:#f92672" }, { "p", NULL },
    { "c",  "color:#75715e" }, { "c1", "color:#75715e" },
    { "cm", "color:#75715e" }, { "cp", "color:#75715e" },
    { "cpf", "color:#75715e" },
    { "gd", "color:#f92672" }, { "gh", NULL }, { "gi", "color:#a6e22e" },
    { "gu", "color:#75715e" },
};

/* monokai's formatter parts (Chroma's styleToCSS, compressed) */
#define PAGE_HL_BG        "color:#f8f8f2;background-color:#272822;"
#define PAGE_HL_LINE      "display:flex;"
#define PAGE_HL_LINE_HL   "background-color:#3c3d38"
#define PAGE_HL_LN        "white-space:pre;-webkit-user-select:none;" \
                          "user-select:none;margin-right:0.4em;" \
                          "padding:0 0.4em 0 0.4em;color:#7f7f7f"
#define PAGE_HL_TABLE     "border-spacing:0;padding:0;margin:0;border:0;"
#define PAGE_HL_TD        "vertical-align:top;padding:0;margin:0;border:0;"
#define PAGE_HL_LINK      "outline:none;text-decoration:none;color:inherit"


/*
 * source-highlight's element names (its default.style and .lang files),
 * by index as page_srchilite_run reports them; their Chroma type next.
 * "preproc" and "keyword"/"type" of markup languages depend on the
 * language (page_hl_map).
 */
static const char *const  page_hl_elems[] = {
    "keyword", "type", "usertype", "classname", "string", "regexp",
    "specialchar", "comment", "todo", "url", "number", "preproc",
    "symbol", "cbracket", "function", "predef_var", "predef_func",
    "variable", "label", "oldfile", "newfile", "difflines", "selector",
    "property", "value", "section", "error", "assignment", "costant",
    "special_fun", "libsource", "regex", "atom", "date", "time",
    "key", "keyquote", "valquote", "colon",
};

static const unsigned char  page_hl_elem_types[] = {
    PAGE_HL_K, PAGE_HL_KT, PAGE_HL_NC, PAGE_HL_NC, PAGE_HL_S, PAGE_HL_SR,
    PAGE_HL_SE, PAGE_HL_C1, PAGE_HL_C1, PAGE_HL_C1, PAGE_HL_M, PAGE_HL_KN,
    PAGE_HL_O, PAGE_HL_P, PAGE_HL_NF, PAGE_HL_NB, PAGE_HL_NB,
    PAGE_HL_NV, PAGE_HL_NL, PAGE_HL_GD, PAGE_HL_GI, PAGE_HL_GU, PAGE_HL_NT,
    PAGE_HL_PY, PAGE_HL_S, PAGE_HL_K, PAGE_HL_ERR, PAGE_HL_O, PAGE_HL_KC,
    PAGE_HL_NB, PAGE_HL_KN, PAGE_HL_SR, PAGE_HL_S, PAGE_HL_S, PAGE_HL_S,
    PAGE_HL_NT, PAGE_HL_NT, PAGE_HL_S, PAGE_HL_P,
};

#define PAGE_HL_NELEMS  (sizeof(page_hl_elems) / sizeof(page_hl_elems[0]))

/* indexes in page_hl_elems of the elements CSS looks at */
#define PAGE_HL_E_STRING  4
#define PAGE_HL_E_VALUE   24
#define PAGE_HL_E_COLON   38


/* ---------------------------------------------------------- languages */

/* flags of a language */
#define PAGE_HL_NLCOMMENT  0x01   /* Chroma's "//" comment takes the \n */
#define PAGE_HL_IDENT_NX   0x02   /* Chroma tags identifiers NameOther */
#define PAGE_HL_CPP        0x04   /* preproc is CommentPreproc */
#define PAGE_HL_MARKUP     0x08   /* keyword: NameTag, type: NameAttribute */
#define PAGE_HL_IDENT_N    0x10   /* Chroma tags identifiers Name */
#define PAGE_HL_NS_GO      0x20   /* package, import: KeywordNamespace */
#define PAGE_HL_NS_PY      0x40   /* import, from: KeywordNamespace */
#define PAGE_HL_PUNCT_OP   0x80   /* Chroma's lexer: punctuation Operator */
#define PAGE_HL_SH         0x100  /* Chroma's bash: few symbols Operator */
#define PAGE_HL_CSS        0x200  /* selectors, properties, values */
#define PAGE_HL_JSON       0x400  /* keys and strings hold blanks, ":" */

/*
 * Chroma's lexer names and aliases (lower case, sorted) that Hugo
 * 0.111.3 highlights, with the .lang file that stands for the lexer;
 * NULL where Debian's source-highlight has no such language (the text is
 * written in Chroma's markup, unstyled).  typescript and scss use the
 * JavaScript definition, of which it is a superset (css.lang reads SCSS's
 * "//" comments and nesting wrong, so scss is unstyled).
 */
typedef struct {
    const char  *name;
    const char  *file;
    unsigned     flags;
} page_hl_lang_t;

#define NL  PAGE_HL_NLCOMMENT
#define NX  PAGE_HL_IDENT_NX

static const page_hl_lang_t  page_hl_langs[] = {
    { "ada",          "ada.lang",          0 },
    { "applescript",  "applescript.lang",  0 },
    { "asm",          "asm.lang",          0 },
    { "awk",          "awk.lang",          0 },
    { "bash",         "sh.lang",           PAGE_HL_SH },
    { "bash-session", NULL,                0 },
    { "bat",          "bat.lang",          0 },
    { "batch",        "bat.lang",          0 },
    { "bib",          "bib.lang",          0 },
    { "bibtex",       "bib.lang",          0 },
    { "bsdmake",      "makefile.lang",     0 },
    { "c",            "c.lang",            NL | PAGE_HL_CPP },
    { "c#",           "csharp.lang",       NL | PAGE_HL_CPP },
    { "c++",          "cpp.lang",          NL | PAGE_HL_CPP },
    { "cc",           "cpp.lang",          NL | PAGE_HL_CPP },
    { "cfg",          "desktop.lang",      0 },
    { "cjs",          "javascript.lang",   NL | NX },
    { "cl",           "lisp.lang",         0 },
    { "cobol",        "cobol.lang",        0 },
    { "coffee",       "coffeescript.lang", 0 },
    { "coffeescript", "coffeescript.lang", 0 },
    { "common-lisp",  "lisp.lang",         0 },
    { "console",      NULL,                0 },
    { "cpp",          "cpp.lang",          NL | PAGE_HL_CPP },
    { "cs",           "csharp.lang",       NL | PAGE_HL_CPP },
    { "csh",          "sh.lang",           PAGE_HL_SH },
    { "csharp",       "csharp.lang",       NL | PAGE_HL_CPP },
    { "css",          "css.lang",          PAGE_HL_CSS },
    { "cxx",          "cpp.lang",          NL | PAGE_HL_CPP },
    { "d",            "d.lang",            NL },
    { "dart",         NULL,                0 },
    { "diff",         "diff.lang",         0 },
    { "docker",       NULL,                0 },
    { "dockerfile",   NULL,                0 },
    { "dosini",       "desktop.lang",      0 },
    { "elixir",       NULL,                0 },
    { "erl",          "erlang.lang",       0 },
    { "erlang",       "erlang.lang",       0 },
    { "f90",          "fortran.lang",      0 },
    { "fish",         NULL,                0 },
    { "fortran",      "fortran.lang",      0 },
    { "glsl",         "glsl.lang",         NL },
    { "go",           "go.lang",           NL | NX | PAGE_HL_NS_GO },
    { "go-html-template", NULL,            0 },
    { "go-text-template", NULL,            0 },
    { "golang",       "go.lang",           NL | NX | PAGE_HL_NS_GO },
    { "graphql",      NULL,                0 },
    { "groovy",       "groovy.lang",       NL },
    { "h",            "c.lang",            NL | PAGE_HL_CPP },
    { "haskell",      "haskell.lang",      0 },
    { "haxe",         "haxe.lang",         NL },
    { "hcl",          NULL,                0 },
    { "hh",           "cpp.lang",          NL | PAGE_HL_CPP },
    { "hpp",          "cpp.lang",          NL | PAGE_HL_CPP },
    { "hs",           "haskell.lang",      0 },
    { "htm",          "html.lang",         PAGE_HL_MARKUP },
    { "html",         "html.lang",         PAGE_HL_MARKUP },
    { "hx",           "haxe.lang",         NL },
    { "inc",          "php.lang",          NL },
    { "ini",          "desktop.lang",      0 },
    { "java",         "java.lang",
                      NL | PAGE_HL_NS_GO | PAGE_HL_PUNCT_OP },
    { "javascript",   "javascript.lang",   NL | NX },
    { "js",           "javascript.lang",   NL | NX },
    { "json",         "json.lang",         NL | PAGE_HL_JSON },
    { "jsx",          "javascript.lang",   NL | NX },
    { "kotlin",       NULL,                0 },
    { "ksh",          "sh.lang",           PAGE_HL_SH },
    { "latex",        "latex.lang",        0 },
    { "lisp",         "lisp.lang",         0 },
    { "lua",          "lua.lang",          0 },
    { "make",         "makefile.lang",     0 },
    { "makefile",     "makefile.lang",     0 },
    { "markdown",     NULL,                0 },
    { "md",           NULL,                0 },
    { "mf",           "makefile.lang",     0 },
    { "mjs",          "javascript.lang",   NL | NX },
    { "mkd",          NULL,                0 },
    { "mysql",        "sql.lang",          NL },
    { "nginx",        NULL,                0 },
    { "nix",          NULL,                0 },
    { "no-highlight", NULL,                0 },
    { "objc",         NULL,                0 },
    { "objective-c",  NULL,                0 },
    { "ocaml",        "caml.lang",         0 },
    { "patch",        "diff.lang",         0 },
    { "perl",         "perl.lang",         0 },
    { "php",          "php.lang",          NL },
    { "php3",         "php.lang",          NL },
    { "php4",         "php.lang",          NL },
    { "php5",         "php.lang",          NL },
    { "pl",           "perl.lang",         0 },
    { "plain",        NULL,                0 },
    { "plaintext",    NULL,                0 },
    { "plpgsql",      "sql.lang",          NL },
    { "postgres",     "sql.lang",          NL },
    { "postgresql",   "sql.lang",          NL },
    { "postscript",   "postscript.lang",   0 },
    { "powershell",   NULL,                0 },
    { "prolog",       "prolog.lang",       0 },
    { "properties",   "properties.lang",   0 },
    { "proto",        "proto.lang",        NL },
    { "protobuf",     "proto.lang",        NL },
    { "ps",           "postscript.lang",   0 },
    { "ps1",          NULL,                0 },
    { "py",           "python.lang",       PAGE_HL_IDENT_N | PAGE_HL_NS_PY },
    { "py2",          "python.lang",       PAGE_HL_IDENT_N | PAGE_HL_NS_PY },
    { "py3",          "python.lang",       PAGE_HL_IDENT_N | PAGE_HL_NS_PY },
    { "python",       "python.lang",       PAGE_HL_IDENT_N | PAGE_HL_NS_PY },
    { "python2",      "python.lang",       PAGE_HL_IDENT_N | PAGE_HL_NS_PY },
    { "python3",      "python.lang",       PAGE_HL_IDENT_N | PAGE_HL_NS_PY },
    { "r",            "r.lang",            0 },
    { "rb",           "ruby.lang",         0 },
    { "rs",           "rust.lang",         NL | PAGE_HL_IDENT_N },
    { "rss",          "xml.lang",          PAGE_HL_MARKUP },
    { "ruby",         "ruby.lang",         0 },
    { "rust",         "rust.lang",         NL | PAGE_HL_IDENT_N },
    { "s",            "r.lang",            0 },
    { "sass",         NULL,                0 },
    { "scala",        "scala.lang",        NL },
    { "scheme",       "scheme.lang",       0 },
    { "scm",          "scheme.lang",       0 },
    { "scss",         NULL,                0 },
    { "sh",           "sh.lang",           PAGE_HL_SH },
    { "shell",        "sh.lang",           PAGE_HL_SH },
    { "shell-session", NULL,               0 },
    { "splus",        "r.lang",            0 },
    { "sql",          "sql.lang",          NL },
    { "svelte",       NULL,                0 },
    { "svg",          "xml.lang",          PAGE_HL_MARKUP },
    { "swift",        NULL,                0 },
    { "tcl",          "tcl.lang",          0 },
    { "tcsh",         "sh.lang",           PAGE_HL_SH },
    { "terraform",    NULL,                0 },
    { "tex",          "latex.lang",        0 },
    { "text",         NULL,                0 },
    { "tf",           NULL,                0 },
    { "toml",         NULL,                0 },
    { "ts",           "javascript.lang",   NL | NX },
    { "tsx",          "javascript.lang",   NL | NX },
    { "txt",          NULL,                0 },
    { "typescript",   "javascript.lang",   NL | NX },
    { "udiff",        "diff.lang",         0 },
    { "vala",         "vala.lang",         NL },
    { "vim",          "vim.lang",          0 },
    { "vue",          NULL,                0 },
    { "xhtml",        "xml.lang",          PAGE_HL_MARKUP },
    { "xml",          "xml.lang",          PAGE_HL_MARKUP },
    { "yaml",         NULL,                0 },
    { "yml",          NULL,                0 },
    { "zig",          NULL,                0 },
    { "zsh",          "zsh.lang",          PAGE_HL_SH },
};

#undef NL
#undef NX

#define PAGE_HL_NLANGS  (sizeof(page_hl_langs) / sizeof(page_hl_langs[0]))

/* longest name in the table, plus room */
#define PAGE_HL_MAX_LANG  32


static const page_hl_lang_t *
page_hl_lang(const char *lang, size_t len)
{
    int     cmp;
    char    low[PAGE_HL_MAX_LANG];
    size_t  i, lo, hi, mid;

    if (len == 0 || len >= sizeof(low)) {
        return NULL;
    }

    /* Chroma looks names up in any case */
    for (i = 0; i < len; i++) {
        low[i] = (char) tolower((unsigned char) lang[i]);
    }
    low[len] = '\0';

    lo = 0;
    hi = PAGE_HL_NLANGS;

    while (lo < hi) {
        mid = lo + (hi - lo) / 2;
        cmp = strcmp(low, page_hl_langs[mid].name);
        if (cmp == 0) {
            return &page_hl_langs[mid];
        }
        if (cmp < 0) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }

    return NULL;
}


int
page_hl_can(const char *lang, size_t len)
{
    return page_hl_lang(lang, len) != NULL;
}


/* ---------------------------------------------------------- tokens */

/* a token's type in the list: a line's end */
#define PAGE_HL_EOL  0xff

typedef struct {
    unsigned char  type;
    size_t         off;            /* in the text */
    size_t         len;
} page_hl_tok_t;

typedef struct {
    const page_hl_lang_t  *lang;
    page_hl_tok_t         *toks;
    size_t                 ntoks, ctoks;
    char                  *text;
    size_t                 tlen, tcap;
    int                    failed;
    int                    in_cm;   /* a multi-line comment is open */
    int                    line_start; /* no token on this line yet */
    int                    depth;   /* CSS: inside this many { } */
    int                    in_pp;   /* C: a preprocessor line */
    int                    in_doc;  /* Python: a docstring is open */
    size_t                 json_key; /* JSON: a key's token + 1, or 0 */
} page_hl_lex_t;


static int
page_hl_grow(void **p, size_t *cap, size_t need, size_t size)
{
    void    *n;
    size_t   c;

    if (need <= *cap) {
        return 0;
    }

    c = *cap ? *cap : 64;
    while (c < need) {
        c *= 2;
    }

    n = realloc(*p, c * size);
    if (n == NULL) {
        return -1;
    }

    *p = n;
    *cap = c;

    return 0;
}


static void
page_hl_push(page_hl_lex_t *lx, int type, const char *s, size_t len)
{
    page_hl_tok_t  *t;

    if (lx->failed) {
        return;
    }

    /*
     * a character's continuation bytes stay in its token: the library's
     * byte-wise rules may end a token inside a UTF-8 sequence
     */
    if (len > 0 && type != PAGE_HL_EOL && ((unsigned char) s[0] & 0xC0) == 0x80
        && lx->ntoks > 0 && lx->toks[lx->ntoks - 1].type != PAGE_HL_EOL
        && lx->toks[lx->ntoks - 1].off + lx->toks[lx->ntoks - 1].len
           == lx->tlen)
    {
        size_t  n;

        for (n = 0; n < len && ((unsigned char) s[n] & 0xC0) == 0x80; n++) {
            /* void */
        }
        if (page_hl_grow((void **) &lx->text, &lx->tcap, lx->tlen + n, 1)
            != 0)
        {
            lx->failed = 1;
            return;
        }
        memcpy(lx->text + lx->tlen, s, n);
        lx->tlen += n;
        lx->toks[lx->ntoks - 1].len += n;
        s += n;
        len -= n;
        if (len == 0) {
            return;
        }
    }

    /* adjacent text of one type is one token, as Chroma coalesces it */
    if (lx->ntoks > 0 && len > 0 && type != PAGE_HL_EOL) {
        t = &lx->toks[lx->ntoks - 1];
        if (t->type == type && t->off + t->len == lx->tlen) {
            goto append;
        }
    }

    if (page_hl_grow((void **) &lx->toks, &lx->ctoks, lx->ntoks + 1,
                     sizeof(page_hl_tok_t)) != 0)
    {
        lx->failed = 1;
        return;
    }

    t = &lx->toks[lx->ntoks++];
    t->type = (unsigned char) type;
    t->off = lx->tlen;
    t->len = 0;

append:

    if (page_hl_grow((void **) &lx->text, &lx->tcap, lx->tlen + len, 1)
        != 0)
    {
        lx->failed = 1;
        return;
    }

    if (len > 0) {
        memcpy(lx->text + lx->tlen, s, len);
        lx->tlen += len;
        t->len += len;
    }
}


/* a piece of a token split in two or three: nothing for an empty one */
static void
page_hl_push_some(page_hl_lex_t *lx, int type, const char *s, size_t len)
{
    if (len > 0) {
        page_hl_push(lx, type, s, len);
    }
}


static int
page_hl_ident_char(unsigned char c, int first)
{
    return c == '_' || c == '$' || isalpha(c) || c >= 0x80
           || (!first && isdigit(c));
}


static int
page_hl_punct(const char *s, size_t len)
{
    size_t  i;

    for (i = 0; i < len; i++) {
        if (strchr("()[]{},;.:", s[i]) == NULL || s[i] == '\0') {
            return 0;
        }
    }

    return len > 0;
}


/* Normal text: identifiers Name or NameOther where Chroma tags them. */
static void
page_hl_normal(page_hl_lex_t *lx, const char *s, size_t len)
{
    int     id;
    size_t  i, j;

    if (!(lx->lang->flags & (PAGE_HL_IDENT_NX | PAGE_HL_IDENT_N))) {
        page_hl_push(lx, PAGE_HL_TEXT, s, len);
        return;
    }

    id = (lx->lang->flags & PAGE_HL_IDENT_NX) ? PAGE_HL_NX : PAGE_HL_N;

    for (i = 0; i < len; i = j) {
        j = i + 1;

        if (page_hl_ident_char((unsigned char) s[i], 1)) {
            while (j < len && page_hl_ident_char((unsigned char) s[j], 0)) {
                j++;
            }
            page_hl_push(lx, id, s + i, j - i);

        } else if (page_hl_punct(s + i, 1)) {
            page_hl_push(lx, (lx->lang->flags & PAGE_HL_PUNCT_OP)
                             ? PAGE_HL_O : PAGE_HL_P, s + i, 1);

        } else {
            while (j < len && !page_hl_ident_char((unsigned char) s[j], 1)
                   && !page_hl_punct(s + j, 1))
            {
                j++;
            }
            page_hl_push(lx, PAGE_HL_TEXT, s + i, j - i);
        }
    }
}


static int
page_hl_number_type(const char *s, size_t len)
{
    size_t  i;

    if (len > 1 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        return PAGE_HL_MH;
    }

    for (i = 0; i < len; i++) {
        if (s[i] == '.' || s[i] == 'e' || s[i] == 'E') {
            return PAGE_HL_MF;
        }
    }

    return PAGE_HL_MI;
}


static int
page_hl_starts(const char *s, size_t len, const char *p)
{
    size_t  n;

    n = strlen(p);

    return len >= n && memcmp(s, p, n) == 0;
}


/* the last character written on this line, or 0 */
static int
page_hl_prev_char(const page_hl_lex_t *lx)
{
    if (lx->line_start || lx->tlen == 0) {
        return 0;
    }

    return (unsigned char) lx->text[lx->tlen - 1];
}


/* the type of the token written last on this line */
static int
page_hl_prev_type(const page_hl_lex_t *lx)
{
    if (lx->line_start || lx->ntoks == 0) {
        return PAGE_HL_TEXT;
    }

    return lx->toks[lx->ntoks - 1].type;
}


static int
page_hl_word(const char *s, size_t len, const char *w)
{
    return strlen(w) == len && memcmp(s, w, len) == 0;
}


/* bash: Chroma's lexer makes only [ ] { } ( ) = && || operators */
static void
page_hl_sh_symbol(page_hl_lex_t *lx, const char *s, size_t len)
{
    size_t  i;

    for (i = 0; i < len; i++) {
        if (strchr("[]{}()=", s[i]) != NULL && s[i] != '\0') {
            page_hl_push(lx, PAGE_HL_O, s + i, 1);
        } else if (i + 1 < len && (s[i] == '&' || s[i] == '|')
                   && s[i + 1] == s[i])
        {
            page_hl_push(lx, PAGE_HL_O, s + i, 2);
            i++;
        } else {
            page_hl_push(lx, PAGE_HL_TEXT, s + i, 1);
        }
    }
}


/* a tag's "<name" or ">": the brackets Punctuation, the name NameTag */
static void
page_hl_tag(page_hl_lex_t *lx, const char *s, size_t len)
{
    size_t  i, j;

    for (i = 0; i < len && (s[i] == '<' || s[i] == '/' || s[i] == '?'
                            || s[i] == '!'); i++) { /* void */ }
    for (j = len; j > i && (s[j - 1] == '>' || s[j - 1] == '/'
                            || s[j - 1] == '?'); j--) { /* void */ }

    page_hl_push_some(lx, PAGE_HL_P, s, i);
    page_hl_push_some(lx, PAGE_HL_NT, s + i, j - i);
    page_hl_push_some(lx, PAGE_HL_P, s + j, len - j);
}


/* CSS: Chroma's lexer colours selectors, properties, values and units */
static int
page_hl_css(page_hl_lex_t *lx, int elem, int type, const char *s, size_t len)
{
    int     c;
    size_t  i, j;

    if (elem < 0) {
        if (lx->depth > 0) {
            return 0;
        }

        /* outside rules: tag names, pseudo-classes, @-rules */
        for (i = 0; i < len; i = j) {
            j = i + 1;
            if (!page_hl_ident_char((unsigned char) s[i], 1)) {
                while (j < len
                       && !page_hl_ident_char((unsigned char) s[j], 1))
                {
                    j++;
                }
                page_hl_push(lx, PAGE_HL_TEXT, s + i, j - i);
                continue;
            }
            while (j < len && (page_hl_ident_char((unsigned char) s[j], 0)
                               || s[j] == '-'))
            {
                j++;
            }
            c = i > 0 ? (unsigned char) s[i - 1] : page_hl_prev_char(lx);
            page_hl_push(lx, c == ':' ? PAGE_HL_NC
                             : c == '@' ? PAGE_HL_K : PAGE_HL_NT,
                         s + i, j - i);
        }
        return 1;
    }

    switch (type) {

    case PAGE_HL_P:
        if (len == 1 && s[0] == '{') {
            lx->depth++;
        } else if (len == 1 && s[0] == '}' && lx->depth > 0) {
            lx->depth--;
        }
        return 0;

    case PAGE_HL_NT:
        /* the selector element: ".name" (NameClass) or "#name" (text) */
        if (len > 0 && s[0] == '.') {
            page_hl_push(lx, PAGE_HL_P, s, 1);
            page_hl_push_some(lx, PAGE_HL_NC, s + 1, len - 1);
        } else {
            page_hl_push(lx, PAGE_HL_TEXT, s, len);
        }
        return 1;

    case PAGE_HL_PY:
        /* "name:" */
        for (j = len; j > 0 && (s[j - 1] == ':' || s[j - 1] == ' '
                                || s[j - 1] == '\t'); j--) { /* void */ }
        page_hl_push_some(lx, PAGE_HL_K, s, j);
        page_hl_push_some(lx, PAGE_HL_TEXT, s + j, len - j);
        return 1;

    case PAGE_HL_S:
        if (len > 0 && s[0] == '#' && elem == PAGE_HL_E_STRING) {
            page_hl_push(lx, PAGE_HL_MH, s, len);
            return 1;
        }
        if (elem != PAGE_HL_E_VALUE) {
            return 0;
        }

        /* a value: a number, then its unit; or a keyword */
        for (i = 0; i < len && (isdigit((unsigned char) s[i]) || s[i] == '.'
                                || (i == 0 && s[i] == '-')); i++) { /* void */ }
        if (i > 0 && (i > 1 || s[0] != '-') && s[0] != '.') {
            page_hl_push(lx, page_hl_number_type(s, i), s, i);
        } else {
            i = 0;
        }
        page_hl_push_some(lx, PAGE_HL_K, s + i, len - i);
        return 1;
    }

    return 0;
}


/*
 * json.lang calls a string in a list a key; a key is one only when a ':'
 * follows it.  Called with each JSON token and at the end of each line.
 */
static void
page_hl_json_key(page_hl_lex_t *lx, int colon)
{
    if (lx->json_key != 0 && !colon) {
        lx->toks[lx->json_key - 1].type = PAGE_HL_S;
    }

    lx->json_key = 0;
}


static void
page_hl_token(void *ctx, int elem, const char *s, size_t len)
{
    int             type, prev;
    unsigned        flags;
    page_hl_lex_t  *lx;

    lx = ctx;
    flags = lx->lang->flags;
    type = (elem < 0 || (size_t) elem >= PAGE_HL_NELEMS)
           ? -1 : page_hl_elem_types[elem];

    if (type < 0) {
        elem = -1;
    }

    /* the key's quotes and name come one by one */
    if ((flags & PAGE_HL_JSON) && type != PAGE_HL_NT) {
        page_hl_json_key(lx, elem == PAGE_HL_E_COLON
                             && memchr(s, ':', len) != NULL);
    }

    /* json.lang's keys and strings take the blanks and ':' around them */
    if ((flags & PAGE_HL_JSON) && (type == PAGE_HL_NT || type == PAGE_HL_S
                                   || type == PAGE_HL_P))
    {
        size_t  i, j, k;


        for (i = 0; i < len && isspace((unsigned char) s[i]); i++) {
            /* void */
        }
        for (j = len; j > i && (isspace((unsigned char) s[j - 1])
                                || s[j - 1] == ':'); j--) { }
        for (k = j; k < len && s[k] != ':'; k++) { /* void */ }

        page_hl_push_some(lx, PAGE_HL_TEXT, s, i);
        page_hl_push_some(lx, type, s + i, j - i);
        if (type == PAGE_HL_NT && j > i && !lx->failed) {
            lx->json_key = lx->ntoks;
        }
        page_hl_push_some(lx, PAGE_HL_TEXT, s + j, k - j);
        page_hl_push_some(lx, PAGE_HL_P, s + k, k < len ? 1 : 0);
        page_hl_push_some(lx, PAGE_HL_TEXT, s + k + 1,
                          k < len ? len - k - 1 : 0);
        lx->line_start = 0;
        return;
    }

    if ((flags & PAGE_HL_CSS) && page_hl_css(lx, elem, type, s, len)) {
        lx->line_start = 0;
        return;
    }

    if (type < 0) {
        page_hl_normal(lx, s, len);
        lx->line_start = 0;
        return;
    }

    switch (type) {

    case PAGE_HL_C1:
        /* python.lang calls a docstring a comment; Chroma a StringDoc */
        if ((flags & PAGE_HL_NS_PY) && lx->line_start) {
            int     closed;
            size_t  i;

            /* the blanks before the opening quotes are text */
            for (i = 0; !lx->in_doc && i < len
                        && (s[i] == ' ' || s[i] == '\t'); i++)
            {
                /* void */
            }
            if (page_hl_starts(s + i, len - i, "\"\"\"")
                || page_hl_starts(s + i, len - i, "\'\'\'")
                || lx->in_doc)
            {
                page_hl_push_some(lx, PAGE_HL_TEXT, s, i);
                page_hl_push_some(lx, PAGE_HL_SD, s + i, len - i);
                /* closed: ends with the quotes (after its opening ones) */
                closed = len - i >= (lx->in_doc ? 3u : 6u)
                         && (page_hl_starts(s + len - 3, 3, "\"\"\"")
                             || page_hl_starts(s + len - 3, 3, "\'\'\'"));
                lx->in_doc = !closed;
                lx->line_start = 0;
                return;
            }
        }
        if (page_hl_starts(s, len, "/*") || page_hl_starts(s, len, "(*")
            || page_hl_starts(s, len, "{-") || page_hl_starts(s, len, "<!--")
            || (lx->in_cm && lx->line_start))
        {
            type = PAGE_HL_CM;
            lx->in_cm = !(len >= 2 && (memcmp(s + len - 2, "*/", 2) == 0
                                       || memcmp(s + len - 2, "*)", 2) == 0
                                       || memcmp(s + len - 2, "-}", 2) == 0
                                       || (len >= 3
                                           && memcmp(s + len - 3, "-->", 3)
                                              == 0)));
        }
        break;

    case PAGE_HL_M:
        /* digits at the end of a word ("spf13") are the word's */
        prev = page_hl_prev_char(lx);
        if (prev != 0 && page_hl_ident_char((unsigned char) prev, 0)) {
            type = page_hl_prev_type(lx);
            if (type == PAGE_HL_NX || type == PAGE_HL_N) {
                break;
            }
            type = PAGE_HL_TEXT;
            break;
        }
        /* bash: a number only after a blank or '=' (Chroma's rule) */
        if ((flags & PAGE_HL_SH) && prev != 0 && prev != ' '
            && prev != '\t' && prev != '=')
        {
            type = PAGE_HL_TEXT;
            break;
        }
        type = page_hl_number_type(s, len);
        break;

    case PAGE_HL_KN:
        if (flags & PAGE_HL_CPP) {
            type = PAGE_HL_CP;
            lx->in_pp = 1;
        }
        break;

    case PAGE_HL_S:
        /* #include's file name */
        if (lx->in_pp) {
            type = PAGE_HL_CPF;
        }
        break;

    case PAGE_HL_K:
        if (flags & PAGE_HL_MARKUP) {
            page_hl_tag(lx, s, len);
            lx->line_start = 0;
            return;
        }
        if (((flags & PAGE_HL_NS_GO) && (page_hl_word(s, len, "package")
                                         || page_hl_word(s, len, "import")))
            || ((flags & PAGE_HL_NS_PY) && (page_hl_word(s, len, "import")
                                            || page_hl_word(s, len, "from"))))
        {
            type = PAGE_HL_KN;
        }
        break;

    case PAGE_HL_KT:
        if (flags & PAGE_HL_MARKUP) {
            type = PAGE_HL_NA;
        }
        break;

    case PAGE_HL_P:
    case PAGE_HL_O:
        if (flags & PAGE_HL_SH) {
            page_hl_sh_symbol(lx, s, len);
            lx->line_start = 0;
            return;
        }
        if (flags & PAGE_HL_PUNCT_OP) {
            type = PAGE_HL_O;
        } else if (page_hl_punct(s, len)) {
            type = PAGE_HL_P;
        } else {
            type = PAGE_HL_O;
        }
        break;
    }

    page_hl_push(lx, type, s, len);
    lx->line_start = 0;
}


static void
page_hl_eol(void *ctx, int newline)
{
    page_hl_tok_t  *t;
    page_hl_lex_t  *lx;

    lx = ctx;

    if (lx->lang->flags & PAGE_HL_JSON) {
        page_hl_json_key(lx, 0);
    }

    if (newline) {
        t = lx->ntoks ? &lx->toks[lx->ntoks - 1] : NULL;

        /*
         * Chroma's "//...\n" comments hold the newline; its line
         * splitting then starts the next line with an empty token of
         * the comment's type (written as an empty span)
         */
        if ((lx->lang->flags & PAGE_HL_NLCOMMENT) && t != NULL
            && !lx->line_start && t->type == PAGE_HL_C1
            && t->off + t->len == lx->tlen)
        {
            page_hl_push(lx, PAGE_HL_C1, "\n", 1);
            page_hl_push(lx, PAGE_HL_EOL, "", 0);
            page_hl_push(lx, PAGE_HL_C1, "", 0);

        } else if (lx->in_pp) {
            /* Chroma's C preprocessor line ends with its newline */
            page_hl_push(lx, PAGE_HL_CP, "\n", 1);
            page_hl_push(lx, PAGE_HL_EOL, "", 0);
            page_hl_push(lx, PAGE_HL_CP, "", 0);

        } else {
            page_hl_push(lx, PAGE_HL_TEXT, "\n", 1);
            page_hl_push(lx, PAGE_HL_EOL, "", 0);
        }
    }

    lx->line_start = 1;
    lx->in_pp = 0;
}


/* callbacks that keep nothing (page_highlight_preload) */
static void
page_hl_token_nop(void *ctx, int elem, const char *s, size_t len)
{
    (void) ctx;
    (void) elem;
    (void) s;
    (void) len;
}


static void
page_hl_eol_nop(void *ctx, int newline)
{
    (void) ctx;
    (void) newline;
}


/* ---------------------------------------------------------- writing */

static void
page_hl_esc(page_buf_t *b, const char *s, size_t len)
{
    page_buf_append_html(b, s, len);
}


/* ` class="CLS"` or ` style="STYLE"` (nothing for an empty one) */
static void
page_hl_attr(page_buf_t *b, const page_hl_options_t *o, const char *cls,
    const char *style)
{
    if (!o->no_classes) {
        if (cls != NULL && cls[0] != '\0') {
            page_buf_puts(b, " class=\"");
            page_buf_puts(b, cls);
            page_buf_putc(b, '"');
        }
        return;
    }

    if (style != NULL) {
        page_buf_puts(b, " style=\"");
        page_buf_puts(b, style);
        page_buf_putc(b, '"');
    }
}


/* the PreWrapper's attribute: the background, tab size, grid */
static void
page_hl_pre_attr(page_buf_t *b, const page_hl_options_t *o)
{
    if (!o->no_classes) {
        page_buf_puts(b, " class=\"chroma\"");
        return;
    }

    page_buf_puts(b, " style=\"" PAGE_HL_BG);
    if (o->tab_width != 0 && o->tab_width != 8) {
        page_buf_printf(b, "-moz-tab-size:%d;-o-tab-size:%d;tab-size:%d;",
                        o->tab_width, o->tab_width, o->tab_width);
    }
    if (o->nhl > 0) {
        page_buf_puts(b, "display:grid;");
    }
    page_buf_putc(b, '"');
}


typedef struct {
    const page_hl_options_t  *o;
    int                       ranges[PAGE_HL_MAX_RANGES][2];
    int                       nranges;
    int                       digits;
    char                      prefix[PAGE_HL_MAX_NAME + 16];
} page_hl_fmt_t;


/* whether line n (numbered from the start) is highlighted */
static int
page_hl_is_hl(const page_hl_fmt_t *f, int n)
{
    int  i;

    for (i = 0; i < f->nranges; i++) {
        if (n >= f->ranges[i][0] && n <= f->ranges[i][1]) {
            return 1;
        }
    }

    return 0;
}


/* a line number: ` id=..` and the padded number, linked if asked */
static void
page_hl_lineno(page_buf_t *b, const page_hl_fmt_t *f, int n, int table)
{
    const page_hl_options_t  *o;

    o = f->o;

    page_buf_puts(b, "<span");
    page_hl_attr(b, o, table ? "lnt" : "ln", PAGE_HL_LN);

    if (o->anchor_line_nos) {
        page_buf_printf(b, " id=\"%s%d\"><a", f->prefix, n);
        page_hl_attr(b, o, "lnlinks", PAGE_HL_LINK);
        page_buf_printf(b, " href=\"#%s%d\">%*d</a>", f->prefix, n,
                        f->digits, n);
    } else {
        page_buf_printf(b, ">%*d", f->digits, n);
    }

    page_buf_puts(b, table ? "\n</span>" : "</span>");
}


/* one token: its text escaped, in a span of its style or class */
static void
page_hl_token_html(page_buf_t *b, const page_hl_options_t *o,
    const page_hl_lex_t *lx, const page_hl_tok_t *t)
{
    const char  *style;

    style = page_hl_types[t->type].style;
    if (o->no_classes ? style == NULL
                      : page_hl_types[t->type].cls[0] == '\0')
    {
        page_hl_esc(b, lx->text + t->off, t->len);
        return;
    }

    page_buf_puts(b, "<span");
    page_hl_attr(b, o, page_hl_types[t->type].cls, style);
    page_buf_putc(b, '>');
    page_hl_esc(b, lx->text + t->off, t->len);
    page_buf_puts(b, "</span>");
}


/* every token, the lines' ends left out (hl_inline) */
static void
page_hl_tokens(page_buf_t *b, const page_hl_options_t *o,
    const page_hl_lex_t *lx, size_t ntoks)
{
    size_t  i;

    for (i = 0; i < ntoks; i++) {
        if (lx->toks[i].type != PAGE_HL_EOL) {
            page_hl_token_html(b, o, lx, &lx->toks[i]);
        }
    }
}


static void
page_hl_lines(page_buf_t *b, page_hl_fmt_t *f, const page_hl_lex_t *lx,
    size_t ntoks)
{
    int                       n, table;
    size_t                    i;
    page_hl_tok_t            *t;
    const page_hl_options_t  *o;

    o = f->o;
    table = o->line_nos && o->line_numbers_in_table;
    n = o->line_no_start;

    for (i = 0; i < ntoks; n++) {

        if (page_hl_is_hl(f, n)) {
            page_buf_puts(b, o->no_classes
                             ? "<span style=\"" PAGE_HL_LINE " "
                               PAGE_HL_LINE_HL "\">"
                             : "<span class=\"line hl\">");
        } else {
            page_buf_puts(b, "<span");
            page_hl_attr(b, o, "line", PAGE_HL_LINE);
            page_buf_putc(b, '>');
        }

        if (o->line_nos && !table) {
            page_hl_lineno(b, f, n, 0);
        }

        page_buf_puts(b, "<span");
        page_hl_attr(b, o, "cl", NULL);
        page_buf_putc(b, '>');

        for ( /* void */ ; i < ntoks; i++) {
            t = &lx->toks[i];
            if (t->type == PAGE_HL_EOL) {
                i++;
                break;
            }
            page_hl_token_html(b, o, lx, t);
        }

        page_buf_puts(b, "</span></span>");
    }
}


/* the number of lines, and the tokens written (a last empty line not) */
static size_t
page_hl_count(const page_hl_lex_t *lx, int *nlines)
{
    size_t  i, ntoks;

    ntoks = lx->ntoks;

    /* Chroma drops a last line that is one empty token */
    if (ntoks > 0 && lx->toks[ntoks - 1].len == 0
        && lx->toks[ntoks - 1].type != PAGE_HL_EOL
        && (ntoks == 1 || lx->toks[ntoks - 2].type == PAGE_HL_EOL))
    {
        ntoks--;
    }

    *nlines = 0;
    for (i = 0; i < ntoks; i++) {
        if (lx->toks[i].type == PAGE_HL_EOL) {
            (*nlines)++;
        }
    }

    /* a last line without a newline */
    if (ntoks > 0 && lx->toks[ntoks - 1].type != PAGE_HL_EOL) {
        (*nlines)++;
    }

    return ntoks;
}


static void
page_hl_fmt_init(page_hl_fmt_t *f, const page_hl_options_t *o, int nlines,
    int ordinal)
{
    int   i, last;
    char  num[24];

    f->o = o;

    /* hl_lines count from lineNoStart, as Hugo's hlLinesToRanges does */
    f->nranges = 0;
    for (i = 0; i < o->nhl; i++) {
        f->ranges[f->nranges][0] = o->hl[i][0] + o->line_no_start - 1;
        f->ranges[f->nranges][1] = o->hl[i][1] + o->line_no_start - 1;
        f->nranges++;
    }

    last = o->line_no_start + nlines - 1;
    f->digits = snprintf(num, sizeof(num), "%d", last);

    if (o->has_anchors) {
        snprintf(f->prefix, sizeof(f->prefix), "%s%s", o->line_anchors,
                 o->line_anchors[0] ? "-" : "");
    } else if (ordinal >= 0) {
        snprintf(f->prefix, sizeof(f->prefix), "hl-%d-", ordinal);
    } else {
        f->prefix[0] = '\0';
    }
}


/* Chroma's fallback: the code escaped in Hugo's plain <pre><code>. */
static void
page_hl_plain(page_buf_t *b, const char *code, size_t len, const char *lang,
    size_t langlen)
{
    page_buf_puts(b, "<pre tabindex=\"0\"><code");

    if (langlen > 0) {
        page_buf_puts(b, " class=\"language-");
        page_hl_esc(b, lang, langlen);
        page_buf_puts(b, "\" data-lang=\"");
        page_hl_esc(b, lang, langlen);
        page_buf_putc(b, '"');
    }

    page_buf_putc(b, '>');
    page_hl_esc(b, code, len);
    page_buf_puts(b, "</code></pre>");
}


/*
 * What highlighting the code would cost (page_highlight.h), saturating;
 * (size_t) -1 when a line is longer than PAGE_HL_MAX_LINE.
 */
static size_t
page_hl_cost(const char *code, size_t len)
{
    size_t       n, cost, c;
    const char  *p, *nl, *end;

    cost = 0;
    end = code + len;

    for (p = code; p < end; p = nl + 1) {
        nl = memchr(p, '\n', (size_t) (end - p));
        if (nl == NULL) {
            nl = end;
        }

        n = (size_t) (nl - p);
        if (n > PAGE_HL_MAX_LINE) {
            return (size_t) -1;
        }

        c = PAGE_HL_COST_LINE + n * (PAGE_HL_COST_BASE + n);
        cost = cost + c < cost ? (size_t) -1 : cost + c;
    }

    return cost;
}


/*
 * Whether the library may highlight the code: its cost fits in the
 * budget, which it then lowers.
 */
static int
page_hl_afford(const char *code, size_t len, size_t *work)
{
    size_t  cost;

    cost = page_hl_cost(code, len);
    if (cost > *work) {
        return 0;
    }

    *work -= cost;

    return 1;
}


/* Splits code into tokens: the library's where it has the language. */
static int
page_hl_lex(page_hl_lex_t *lx, const page_hl_lang_t *lang, const char *code,
    size_t len, int styled)
{
    int          rc;
    size_t       i, start;

    memset(lx, 0, sizeof(*lx));
    lx->lang = lang;
    lx->line_start = 1;

    if (lang->file != NULL && styled) {
        rc = page_srchilite_run(lang->file, page_hl_elems, PAGE_HL_NELEMS,
                                code, len, page_hl_token, page_hl_eol, lx);
        if (rc == 0 && !lx->failed) {
            return 0;
        }

        /* start again unstyled */
        lx->ntoks = 0;
        lx->tlen = 0;
        lx->failed = 0;
        lx->in_cm = 0;
        lx->line_start = 1;
    }

    /* no lexer of ours: Chroma's markup, each line one text token */
    start = 0;
    for (i = 0; i <= len; i++) {
        if (i < len && code[i] != '\n') {
            continue;
        }
        if (i == len && start == len) {
            break;
        }
        page_hl_push(lx, PAGE_HL_TEXT, code + start, i - start);
        page_hl_eol(lx, i < len);
        start = i + 1;
    }

    return lx->failed ? -1 : 0;
}


static void
page_hl_lex_free(page_hl_lex_t *lx)
{
    free(lx->toks);
    free(lx->text);
}


/* ---------------------------------------------------------- the cache */

/*
 * Highlighted blocks are kept per process: pages are rendered again on
 * every request, and source-highlight's matching (each rule's regular
 * expression tried at each token) costs some 7,000 instructions per byte
 * of code, against some 200 for the rest of a page.  The cache holds at
 * most PAGE_HL_CACHE_BYTES of keys and HTML, and is emptied whole when a
 * new block would not fit (simple, bounded, and a site's blocks fill it
 * again within a few requests); a block larger than an eighth of it is
 * never kept.
 */
#define PAGE_HL_CACHE_BYTES  (8 * 1024 * 1024)
#define PAGE_HL_CACHE_SLOTS  4096

typedef struct page_hl_centry_s  page_hl_centry_t;

struct page_hl_centry_s {
    page_hl_centry_t  *next;
    uint64_t           hash;
    size_t             klen;       /* the key: options, lang, code */
    size_t             vlen;       /* the HTML after it */
    char               data[];
};

static page_hl_centry_t  *page_hl_cache[PAGE_HL_CACHE_SLOTS];
static size_t             page_hl_cache_size;

/*
 * One block at a time in the process: the library's highlighter and the
 * cache are shared by the threads of a threaded server (Apache's event
 * MPM); nginx's workers are single-threaded and never wait here.
 */
static pthread_mutex_t    page_hl_lock = PTHREAD_MUTEX_INITIALIZER;


/* the key: what the HTML depends on */
typedef struct {
    page_hl_options_t  o;
    int                ordinal;
    size_t             langlen;
} page_hl_key_t;


static void
page_hl_key_make(page_hl_key_t *k, const page_hl_options_t *o, int ordinal,
    size_t langlen)
{
    memset(k, 0, sizeof(*k));
    k->o = *o;
    k->ordinal = ordinal;
    k->langlen = langlen;
}


static uint64_t
page_hl_hash(const page_hl_key_t *k, const char *lang, const char *code,
    size_t len)
{
    uint64_t  seed;

    seed = XXH64(k, sizeof(*k), 0);
    seed = XXH64(lang, k->langlen, seed);

    return XXH64(code, len, seed);
}


static const page_hl_centry_t *
page_hl_cache_get(uint64_t hash, const page_hl_key_t *k, const char *lang,
    const char *code, size_t len)
{
    size_t                   klen;
    const page_hl_centry_t  *e;

    klen = sizeof(*k) + k->langlen + len;

    for (e = page_hl_cache[hash % PAGE_HL_CACHE_SLOTS]; e; e = e->next) {
        if (e->hash == hash && e->klen == klen
            && memcmp(e->data, k, sizeof(*k)) == 0
            && memcmp(e->data + sizeof(*k), lang, k->langlen) == 0
            && memcmp(e->data + sizeof(*k) + k->langlen, code, len) == 0)
        {
            return e;
        }
    }

    return NULL;
}


static void
page_hl_cache_clear(void)
{
    size_t             i;
    page_hl_centry_t  *e, *next;

    for (i = 0; i < PAGE_HL_CACHE_SLOTS; i++) {
        for (e = page_hl_cache[i]; e; e = next) {
            next = e->next;
            free(e);
        }
        page_hl_cache[i] = NULL;
    }

    page_hl_cache_size = 0;
}


static void
page_hl_cache_put(uint64_t hash, const page_hl_key_t *k, const char *lang,
    const char *code, size_t len, const char *html, size_t hlen)
{
    size_t             klen, size;
    page_hl_centry_t  *e;

    klen = sizeof(*k) + k->langlen + len;
    size = sizeof(page_hl_centry_t) + klen + hlen;

    if (size > PAGE_HL_CACHE_BYTES / 8) {
        return;
    }

    if (page_hl_cache_size + size > PAGE_HL_CACHE_BYTES) {
        page_hl_cache_clear();
    }

    e = malloc(size);
    if (e == NULL) {
        return;
    }

    e->hash = hash;
    e->klen = klen;
    e->vlen = hlen;
    memcpy(e->data, k, sizeof(*k));
    memcpy(e->data + sizeof(*k), lang, k->langlen);
    memcpy(e->data + sizeof(*k) + k->langlen, code, len);
    memcpy(e->data + klen, html, hlen);

    e->next = page_hl_cache[hash % PAGE_HL_CACHE_SLOTS];
    page_hl_cache[hash % PAGE_HL_CACHE_SLOTS] = e;
    page_hl_cache_size += size;
}


static void page_highlight_block(page_buf_t *b, const char *code,
    size_t len, const char *lang, size_t langlen, const page_hl_options_t *o,
    int ordinal, int styled);


void
page_highlight(page_buf_t *b, const char *code, size_t len,
    const char *lang, size_t langlen, const page_hl_options_t *o,
    int ordinal, size_t *work)
{
    int                      styled;
    size_t                   start, own;
    uint64_t                 hash;
    page_hl_key_t            k;
    const page_hl_centry_t  *e;

    /* an unknown language is only escaped: nothing to keep */
    if (page_hl_lang(lang, langlen) == NULL || len > PAGE_HL_MAX_CODE) {
        page_hl_plain(b, code, len, lang, langlen);
        return;
    }

    page_hl_key_make(&k, o, ordinal, langlen);
    hash = page_hl_hash(&k, lang, code, len);

    pthread_mutex_lock(&page_hl_lock);

    e = page_hl_cache_get(hash, &k, lang, code, len);
    if (e != NULL) {
        page_buf_append(b, e->data + e->klen, e->vlen);
        pthread_mutex_unlock(&page_hl_lock);
        return;
    }

    own = PAGE_HL_MAX_WORK;
    styled = page_hl_afford(code, len, work ? work : &own);

    start = b->len;
    page_highlight_block(b, code, len, lang, langlen, o, ordinal, styled);

    /* an unstyled block (over the budget) may be styled another time */
    if (styled && !page_buf_failed(b)) {
        page_hl_cache_put(hash, &k, lang, code, len, b->data + start,
                          b->len - start);
    }

    pthread_mutex_unlock(&page_hl_lock);
}


static void
page_highlight_block(page_buf_t *b, const char *code, size_t len,
    const char *lang, size_t langlen, const page_hl_options_t *o,
    int ordinal, int styled)
{
    int                    nlines, table;
    size_t                 ntoks;
    page_hl_fmt_t          f;
    page_hl_lex_t          lx;
    const page_hl_lang_t  *l;

    memset(&lx, 0, sizeof(lx));
    l = page_hl_lang(lang, langlen);

    if (l == NULL || page_hl_lex(&lx, l, code, len, styled) != 0) {
        page_hl_lex_free(&lx);
        page_hl_plain(b, code, len, lang, langlen);
        return;
    }

    ntoks = page_hl_count(&lx, &nlines);
    page_hl_fmt_init(&f, o, nlines, ordinal);
    table = o->line_nos && o->line_numbers_in_table;

    if (o->hl_inline) {
        /* Hugo's inline code: the tokens in one <code>, no lines */
        page_buf_puts(b, "<code class=\"code-inline language-");
        page_hl_esc(b, lang, langlen);
        page_buf_puts(b, "\">");
        page_hl_tokens(b, o, &lx, ntoks);
        page_buf_puts(b, "</code>");
        page_hl_lex_free(&lx);
        return;
    }

    page_buf_puts(b, "<div class=\"highlight");
    if (o->css_class[0] != '\0') {
        page_buf_putc(b, ' ');
        page_hl_esc(b, o->css_class, strlen(o->css_class));
    }
    page_buf_putc(b, '"');
    if (o->css_id[0] != '\0') {
        page_buf_puts(b, " id=\"");
        page_hl_esc(b, o->css_id, strlen(o->css_id));
        page_buf_putc(b, '"');
    }
    page_buf_puts(b, o->attrs);
    page_buf_putc(b, '>');

    if (table) {
        int  n;

        page_buf_puts(b, "<div");
        page_hl_pre_attr(b, o);
        page_buf_puts(b, ">\n<table");
        page_hl_attr(b, o, "lntable", PAGE_HL_TABLE);
        page_buf_puts(b, "><tr><td");
        page_hl_attr(b, o, "lntd", PAGE_HL_TD);
        page_buf_puts(b, ">\n<pre tabindex=\"0\"");
        page_hl_pre_attr(b, o);
        page_buf_puts(b, "><code>");

        for (n = o->line_no_start; n < o->line_no_start + nlines; n++) {
            if (page_hl_is_hl(&f, n)) {
                page_buf_puts(b, "<span");
                page_hl_attr(b, o, "hl", PAGE_HL_LINE_HL);
                page_buf_putc(b, '>');
                page_hl_lineno(b, &f, n, 1);
                page_buf_puts(b, "</span>");
            } else {
                page_hl_lineno(b, &f, n, 1);
            }
        }

        page_buf_puts(b, "</code></pre></td>\n<td");
        page_hl_attr(b, o, "lntd", PAGE_HL_TD ";width:100%");
        page_buf_puts(b, ">\n");
    }

    page_buf_puts(b, "<pre tabindex=\"0\"");
    page_hl_pre_attr(b, o);
    page_buf_puts(b, "><code class=\"language-");
    page_hl_esc(b, lang, langlen);
    page_buf_puts(b, "\" data-lang=\"");
    page_hl_esc(b, lang, langlen);
    page_buf_puts(b, "\">");

    page_hl_lines(b, &f, &lx, ntoks);

    page_buf_puts(b, "</code></pre>");
    if (table) {
        page_buf_puts(b, "</td></tr></table>\n</div>\n");
    }
    page_buf_puts(b, "</div>");

    page_hl_lex_free(&lx);
}


static void
page_highlight_inner_locked(page_buf_t *b, const char *code, size_t len,
    const char *lang, size_t langlen, const page_hl_options_t *o,
    size_t *work)
{
    int                    nlines;
    size_t                 ntoks;
    page_hl_fmt_t          f;
    page_hl_lex_t          lx;
    const page_hl_lang_t  *l;

    memset(&lx, 0, sizeof(lx));
    l = page_hl_lang(lang, langlen);

    if (l == NULL || len > PAGE_HL_MAX_CODE
        || page_hl_lex(&lx, l, code, len, page_hl_afford(code, len, work))
           != 0)
    {
        page_hl_lex_free(&lx);
        page_hl_esc(b, code, len);
        return;
    }

    ntoks = page_hl_count(&lx, &nlines);
    page_hl_fmt_init(&f, o, nlines, -1);
    page_hl_lines(b, &f, &lx, ntoks);
    page_hl_lex_free(&lx);
}


void
page_highlight_inner(page_buf_t *b, const char *code, size_t len,
    const char *lang, size_t langlen, const page_hl_options_t *o,
    size_t *work)
{
    size_t  own;

    own = PAGE_HL_MAX_WORK;

    pthread_mutex_lock(&page_hl_lock);
    page_highlight_inner_locked(b, code, len, lang, langlen, o,
                                work ? work : &own);
    pthread_mutex_unlock(&page_hl_lock);
}


/* ---------------------------------------------------------- options */

void
page_hl_options_default(page_hl_options_t *o)
{
    memset(o, 0, sizeof(*o));
    o->no_classes = 1;
    o->line_numbers_in_table = 1;
    o->line_no_start = 1;
    o->tab_width = 4;
    o->code_fences = 1;
}


static int
page_hl_key(const char *key, size_t klen, const char *name)
{
    return strlen(name) == klen && strncasecmp(key, name, klen) == 0;
}


/* Go's strconv.ParseBool */
static int
page_hl_bool(const char *v, size_t len, int *res)
{
    static const char *const  t[] = { "1", "t", "T", "TRUE", "true", "True" };
    static const char *const  f[] = { "0", "f", "F", "FALSE", "false",
                                      "False" };
    size_t                    i;

    for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
        if (strlen(t[i]) == len && memcmp(v, t[i], len) == 0) {
            *res = 1;
            return 0;
        }
        if (strlen(f[i]) == len && memcmp(v, f[i], len) == 0) {
            *res = 0;
            return 0;
        }
    }

    return -1;
}


static int
page_hl_int(const char *v, size_t len, int *res)
{
    int     neg;
    long    n;
    size_t  i;

    neg = len > 0 && (v[0] == '-' || v[0] == '+');
    i = neg ? 1 : 0;
    neg = neg && v[0] == '-';

    if (i == len) {
        return -1;
    }

    for (n = 0; i < len; i++) {
        if (!isdigit((unsigned char) v[i]) || n > 1000000000L) {
            return -1;
        }
        n = n * 10 + (v[i] - '0');
    }

    *res = (int) (neg ? -n : n);

    return 0;
}


/* "2 4-5" (Hugo's hlLinesToRanges); a bad field drops them all */
static int
page_hl_ranges(page_hl_options_t *o, const char *v, size_t len)
{
    int          a, b, n;
    size_t       i, j, k;
    int          r[PAGE_HL_MAX_RANGES][2];

    n = 0;

    for (i = 0; i < len; i = j) {
        while (i < len && v[i] == ' ') {
            i++;
        }
        for (j = i; j < len && v[j] != ' '; j++) { /* void */ }
        if (i == j) {
            break;
        }

        for (k = i; k < j && v[k] != '-'; k++) { /* void */ }
        if (k == i) {
            return -1;
        }
        if (page_hl_int(v + i, k - i, &a) != 0) {
            return -1;
        }
        b = a;
        if (k < j && page_hl_int(v + k + 1, j - k - 1, &b) != 0) {
            return -1;
        }

        if (n < PAGE_HL_MAX_RANGES) {
            r[n][0] = a;
            r[n][1] = b;
            n++;
        }
    }

    memcpy(o->hl, r, sizeof(r[0]) * (size_t) n);
    o->nhl = n;

    return 0;
}


static void
page_hl_name(char *dst, const char *v, size_t len)
{
    if (len >= PAGE_HL_MAX_NAME) {
        len = PAGE_HL_MAX_NAME - 1;
    }

    memcpy(dst, v, len);
    dst[len] = '\0';
}


int
page_hl_option(page_hl_options_t *o, const char *key, size_t klen,
    const char *val, size_t vlen)
{
    int  n;

    if (page_hl_key(key, klen, "linenos")) {
        if (vlen == 5 && memcmp(val, "table", 5) == 0) {
            o->line_numbers_in_table = 1;
        } else if (vlen == 6 && memcmp(val, "inline", 6) == 0) {
            o->line_numbers_in_table = 0;
        }
        /* Hugo: any value but "false" turns them on */
        o->line_nos = !(vlen == 5 && memcmp(val, "false", 5) == 0);
        return 0;
    }

    if (page_hl_key(key, klen, "hl_lines")) {
        return page_hl_ranges(o, val, vlen);
    }

    if (page_hl_key(key, klen, "lineanchors")) {
        page_hl_name(o->line_anchors, val, vlen);
        o->has_anchors = 1;
        return 0;
    }

    if (page_hl_key(key, klen, "linenostart")) {
        return page_hl_int(val, vlen, &o->line_no_start);
    }

    if (page_hl_key(key, klen, "tabwidth")) {
        if (page_hl_int(val, vlen, &n) != 0 || n < 0) {
            return -1;
        }
        o->tab_width = n;
        return 0;
    }

    if (page_hl_key(key, klen, "anchorlinenos")) {
        return page_hl_bool(val, vlen, &o->anchor_line_nos);
    }
    if (page_hl_key(key, klen, "noclasses")) {
        return page_hl_bool(val, vlen, &o->no_classes);
    }
    if (page_hl_key(key, klen, "linenumbersintable")) {
        return page_hl_bool(val, vlen, &o->line_numbers_in_table);
    }
    if (page_hl_key(key, klen, "guesssyntax")) {
        return page_hl_bool(val, vlen, &o->guess_syntax);
    }
    if (page_hl_key(key, klen, "codefences")) {
        return page_hl_bool(val, vlen, &o->code_fences);
    }
    if (page_hl_key(key, klen, "hl_inline")) {
        return page_hl_bool(val, vlen, &o->hl_inline);
    }

    /* style (only monokai is built in), hl_inline, ...: ignored */
    return 0;
}


static size_t
page_hl_trim(const char **s, size_t len)
{
    while (len > 0 && isspace((unsigned char) (*s)[0])) {
        (*s)++;
        len--;
    }
    while (len > 0 && isspace((unsigned char) (*s)[len - 1])) {
        len--;
    }

    return len;
}


void
page_hl_options_parse(page_hl_options_t *o, const char *s, size_t len)
{
    size_t       i, j, eq, klen, vlen;
    const char  *k, *v;

    for (i = 0; i < len; i = j + 1) {
        for (j = i; j < len && s[j] != ','; j++) { /* void */ }

        for (eq = i; eq < j && s[eq] != '='; eq++) { /* void */ }
        if (eq == j) {
            continue;
        }

        k = s + i;
        klen = page_hl_trim(&k, eq - i);
        v = s + eq + 1;
        vlen = page_hl_trim(&v, j - eq - 1);

        (void) page_hl_option(o, k, klen, v, vlen);
    }
}


/*
 * One attribute value of an info string at s[*i]: "quoted", 'quoted',
 * [a, "b"] (joined with spaces into out) or a bare word.
 */
static size_t
page_hl_attr_value(const char *s, size_t len, size_t *i, char *out,
    size_t cap)
{
    char    q;
    size_t  n, start;

    n = 0;

    if (*i < len && s[*i] == '[') {
        (*i)++;
        while (*i < len && s[*i] != ']') {
            if (s[*i] == '"' || s[*i] == '\'') {
                q = s[(*i)++];
                if (n > 0 && n < cap - 1) {
                    out[n++] = ' ';
                }
                for ( /* void */ ; *i < len && s[*i] != q; (*i)++) {
                    if (n < cap - 1) {
                        out[n++] = s[*i];
                    }
                }
                if (*i < len) {
                    (*i)++;
                }
            } else if (s[*i] == ',' || isspace((unsigned char) s[*i])) {
                (*i)++;
            } else {
                if (n > 0 && n < cap - 1) {
                    out[n++] = ' ';
                }
                while (*i < len && s[*i] != ',' && s[*i] != ']'
                       && !isspace((unsigned char) s[*i]))
                {
                    if (n < cap - 1) {
                        out[n++] = s[*i];
                    }
                    (*i)++;
                }
            }
        }
        if (*i < len) {
            (*i)++;
        }
        out[n] = '\0';
        return n;
    }

    if (*i < len && (s[*i] == '"' || s[*i] == '\'')) {
        /* a backslash takes the next character as it is */
        q = s[(*i)++];
        while (*i < len && s[*i] != q) {
            if (s[*i] == '\\' && *i + 1 < len) {
                (*i)++;
            }
            if (n < cap - 1) {
                out[n++] = s[*i];
            }
            (*i)++;
        }
        if (*i < len) {
            (*i)++;
        }
        out[n] = '\0';
        return n;

    } else {
        start = *i;
        while (*i < len && s[*i] != ',' && s[*i] != '}'
               && !isspace((unsigned char) s[*i]))
        {
            (*i)++;
        }
        n = *i - start;
    }

    if (n >= cap) {
        n = cap - 1;
    }
    memcpy(out, s + start, n);
    out[n] = '\0';

    return n;
}


/* Hugo 0.111.3's highlighting options (other keys are attributes) */
static int
page_hl_known(const char *key, size_t klen)
{
    static const char *const  keys[] = {
        "linenos", "hl_lines", "lineanchors", "linenostart", "tabwidth",
        "anchorlinenos", "noclasses", "linenumbersintable", "guesssyntax",
        "codefences", "style", "hl_inline"
    };
    size_t                    i;

    for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
        if (page_hl_key(key, klen, keys[i])) {
            return 1;
        }
    }

    return 0;
}


/* {.a .b}: the classes after "highlight", as many as fit */
static void
page_hl_class(page_hl_options_t *o, const char *name, size_t len)
{
    size_t  have;

    have = strlen(o->css_class);
    if (len == 0 || have + len + 2 > sizeof(o->css_class)) {
        return;
    }

    if (have > 0) {
        o->css_class[have++] = ' ';
    }
    memcpy(o->css_class + have, name, len);
    o->css_class[have + len] = '\0';
}


/*
 * {title="t" data-x=1}: attributes of the <div>, names lower-cased, as
 * Hugo writes them; event handlers (on*) dropped as goldmark drops them,
 * odd names skipped; the value escaped (Hugo writes it as it is, quotes
 * included, which would let one out of the attribute).
 */
static void
page_hl_div_attr(page_hl_options_t *o, const char *name, size_t nlen,
    const char *val, size_t vlen)
{
    char    one[PAGE_HL_MAX_ATTRS];
    size_t  i, n, have;

    if (nlen == 0 || (nlen >= 2 && (name[0] | 0x20) == 'o'
                      && (name[1] | 0x20) == 'n'))
    {
        return;
    }

    if (page_hl_key(name, nlen, "id")) {
        page_hl_name(o->css_id, val, vlen);
        return;
    }
    if (page_hl_key(name, nlen, "class")) {
        page_hl_class(o, val, vlen);
        return;
    }

    n = 0;
    one[n++] = ' ';
    for (i = 0; i < nlen && n < sizeof(one) - 1; i++) {
        if (!isalnum((unsigned char) name[i]) && name[i] != '-'
            && name[i] != '_' && name[i] != ':' && name[i] != '.')
        {
            return;
        }
        one[n++] = (char) tolower((unsigned char) name[i]);
    }

    if (n + 2 >= sizeof(one)) {
        return;
    }
    one[n++] = '=';
    one[n++] = '"';

    /* the value, escaped as page_buf_append_html does */
    for (i = 0; i < vlen; i++) {
        const char  *rep;
        char         c[2];

        switch (val[i]) {
        case '&':  rep = "&amp;";  break;
        case '<':  rep = "&lt;";   break;
        case '>':  rep = "&gt;";   break;
        case '"':  rep = "&#34;";  break;
        case '\'': rep = "&#39;";  break;
        default:   c[0] = val[i]; c[1] = '\0'; rep = c; break;
        }

        if (n + strlen(rep) + 2 > sizeof(one)) {
            return;
        }
        memcpy(one + n, rep, strlen(rep));
        n += strlen(rep);
    }
    one[n++] = '"';

    have = strlen(o->attrs);
    if (have + n < sizeof(o->attrs)) {
        memcpy(o->attrs + have, one, n);
        o->attrs[have + n] = '\0';
    }
}


void
page_hl_info(page_hl_options_t *o, const char *info, const char **lang,
    size_t *langlen)
{
    char         val[256];
    size_t       i, len, k, klen, vlen;
    const char  *brace;

    *lang = info;
    *langlen = 0;

    if (info == NULL) {
        return;
    }

    len = strlen(info);
    *langlen = strcspn(info, " \t{");

    brace = memchr(info, '{', len);
    if (brace == NULL) {
        return;
    }

    for (i = (size_t) (brace - info) + 1; i < len && info[i] != '}'; ) {
        if (isspace((unsigned char) info[i]) || info[i] == ',') {
            i++;
            continue;
        }

        if (info[i] == '.' || info[i] == '#') {
            k = i++;
            while (i < len && info[i] != '}' && info[i] != ','
                   && !isspace((unsigned char) info[i]))
            {
                i++;
            }
            if (info[k] == '#') {
                page_hl_name(o->css_id, info + k + 1, i - k - 1);
            } else {
                page_hl_class(o, info + k + 1, i - k - 1);
            }
            continue;
        }

        k = i;
        while (i < len && info[i] != '=' && info[i] != '}' && info[i] != ','
               && !isspace((unsigned char) info[i]))
        {
            i++;
        }
        klen = i - k;

        while (i < len && isspace((unsigned char) info[i])) {
            i++;
        }
        if (i >= len || info[i] != '=') {
            continue;
        }
        i++;
        while (i < len && isspace((unsigned char) info[i])) {
            i++;
        }

        vlen = page_hl_attr_value(info, len, &i, val, sizeof(val));
        if (page_hl_known(info + k, klen)) {
            (void) page_hl_option(o, info + k, klen, val, vlen);
        } else {
            page_hl_div_attr(o, info + k, klen, val, vlen);
        }
    }
}


/* a scalar's text, as Hugo's options decoding reads it */
static size_t
page_hl_value_text(const page_value_t *v, char *out, size_t cap)
{
    int     n;
    size_t  i, len;

    switch (v->type) {

    case PAGE_STRING:
    case PAGE_HTML:
        len = v->u.s.len < cap - 1 ? v->u.s.len : cap - 1;
        memcpy(out, v->u.s.data, len);
        out[len] = '\0';
        return len;

    case PAGE_BOOL:
        return (size_t) snprintf(out, cap, "%s", v->u.b ? "true" : "false");

    case PAGE_INT:
        return (size_t) snprintf(out, cap, "%lld", (long long) v->u.i);

    case PAGE_FLOAT:
        return (size_t) snprintf(out, cap, "%.0f", v->u.f);

    case PAGE_LIST:
        len = 0;
        for (i = 0; i < v->u.list.n && len < cap - 1; i++) {
            if (i > 0) {
                out[len++] = ' ';
            }
            n = (int) page_hl_value_text(v->u.list.items[i], out + len,
                                         cap - len);
            len += (size_t) n < cap - len ? (size_t) n : cap - len - 1;
        }
        out[len] = '\0';
        return len;

    default:
        out[0] = '\0';
        return 0;
    }
}


void
page_hl_options_value(page_hl_options_t *o, const page_value_t *v)
{
    char    val[256];
    size_t  i, vlen;

    if (v == NULL) {
        return;
    }

    if (v->type == PAGE_STRING || v->type == PAGE_HTML) {
        page_hl_options_parse(o, v->u.s.data, v->u.s.len);
        return;
    }

    if (v->type != PAGE_MAP) {
        return;
    }

    for (i = 0; i < v->u.map.n; i++) {
        if (v->u.map.items[i].value == NULL) {
            continue;
        }
        vlen = page_hl_value_text(v->u.map.items[i].value, val, sizeof(val));
        (void) page_hl_option(o, v->u.map.items[i].key.data,
                              v->u.map.items[i].key.len, val, vlen);
    }
}


void
page_highlight_exit(void)
{
    pthread_mutex_lock(&page_hl_lock);
    page_hl_cache_clear();
    page_srchilite_exit();
    pthread_mutex_unlock(&page_hl_lock);
}


void
page_highlight_preload(void)
{
    size_t  i;

    for (i = 0; i < PAGE_HL_NLANGS; i++) {
        if (page_hl_langs[i].file == NULL) {
            continue;
        }

        /* one line of code, not kept: the definition is */
        pthread_mutex_lock(&page_hl_lock);
        (void) page_srchilite_run(page_hl_langs[i].file, page_hl_elems,
                                  PAGE_HL_NELEMS, "x", 1, page_hl_token_nop,
                                  page_hl_eol_nop, NULL);
        pthread_mutex_unlock(&page_hl_lock);
    }
}
