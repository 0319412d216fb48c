/*
 * test_shortcode: the shortcode lexer and parser (page_shortcode.c):
 * every argument form and its typing, quoting and backslash rules, raw
 * strings, whitespace in actions, names, self-closing, comment escapes,
 * closing tags, nesting, ordinals, indentation, positions, every error
 * message (Hugo's wording, checked against Hugo 0.111.3) and the limits.
 *
 * Trees are compared through a compact dump:
 *   'text'                a text run (a comment escape: c'text')
 *   <name args>           {{< name args >}}; %name args% for {{% %}}
 *   args                  'string' 7 1.5f true, named: key=value
 *   <name />              self-closed
 *   <name>(child,child)   closed, with its children
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "page_arena.h"
#include "page_buf.h"
#include "page_error.h"
#include "page_shortcode.h"
#include "page_value.h"

#define PATH  "a.md"

static page_arena_t     arena;
static page_error_t     err;
static page_sc_node_t  *root;


/* Templates of the test site: 1 takes inner, 0 does not. */
static int
lookup(void *ctx, const char *name, size_t len)
{
    static const struct {
        const char  *name;
        int          inner;
    } tpl[] = {
        { "in", 1 }, { "box", 1 }, { "ni", 0 }, { "s", 0 },
        { "test/hello", 0 }, { "x-y_z", 0 }, { "\xc3\xa9t\xc3\xa9", 0 },
        { "Ni", 1 }, { "sc1", 1 }, { "sc2", 1 }, { "sc3", 1 },
        { "x.inline", 1 }
    };
    size_t  i;

    (void) ctx;

    for (i = 0; i < sizeof(tpl) / sizeof(tpl[0]); i++) {
        if (strlen(tpl[i].name) == len && memcmp(tpl[i].name, name, len) == 0)
        {
            return tpl[i].inner;
        }
    }

    return -1;
}


static int
parse_at(const char *src, size_t len, unsigned first_line)
{
    page_error_init(&err);
    root = NULL;

    return page_shortcode_parse(&arena, src, len, first_line, PATH, lookup,
                                NULL, &root, &err);
}


static void
dump_value(page_buf_t *b, const page_value_t *v)
{
    switch (v->type) {
    case PAGE_STRING:
        page_buf_putc(b, '\'');
        page_buf_append(b, v->u.s.data, v->u.s.len);
        page_buf_putc(b, '\'');
        break;
    case PAGE_INT:
        page_buf_printf(b, "%lld", (long long) v->u.i);
        break;
    case PAGE_FLOAT:
        page_buf_printf(b, "%gf", v->u.f);
        break;
    case PAGE_BOOL:
        page_buf_puts(b, v->u.b ? "true" : "false");
        break;
    default:
        page_buf_puts(b, "?");
    }
}


static void
dump_nodes(page_buf_t *b, const page_sc_node_t *n)
{
    size_t  i;
    char    d;

    for ( ; n != NULL; n = n->next) {
        if (!n->is_call) {
            page_buf_puts(b, n->comment ? "c'" : "'");
            page_buf_append(b, n->text, n->len);
            page_buf_putc(b, '\'');

        } else {
            d = n->markdown ? '%' : '<';
            page_buf_putc(b, d);
            page_buf_append(b, n->name.data, n->name.len);

            if (n->params && n->params->type == PAGE_LIST) {
                for (i = 0; i < n->params->u.list.n; i++) {
                    page_buf_putc(b, ' ');
                    dump_value(b, n->params->u.list.items[i]);
                }

            } else if (n->params) {
                for (i = 0; i < n->params->u.map.n; i++) {
                    page_buf_putc(b, ' ');
                    page_buf_append(b, n->params->u.map.items[i].key.data,
                                    n->params->u.map.items[i].key.len);
                    page_buf_putc(b, '=');
                    dump_value(b, n->params->u.map.items[i].value);
                }
            }

            if (n->self_closed) {
                page_buf_puts(b, " /");
            }

            page_buf_putc(b, d == '<' ? '>' : '%');

            if (n->closed) {
                page_buf_putc(b, '(');
                dump_nodes(b, n->children);
                page_buf_putc(b, ')');
            }
        }

        if (n->next) {
            page_buf_putc(b, ',');
        }
    }
}


static const char *
dump(const page_sc_node_t *n)
{
    page_buf_t   b;
    const char  *s;

    page_buf_init(&b, &arena, 0);
    dump_nodes(&b, n);
    s = page_buf_cstr(&b);

    return s ? s : "(dump failed)";
}


/* src parses, and its tree dumps as want. */
static void
tree_is(const char *src, const char *want, const char *name)
{
    if (parse_at(src, strlen(src), 1) != 0) {
        ok(0, name);
        printf("#   error: %s\n", err.msg);
        return;
    }

    is_str(dump(root), want, name);
}


/* src fails with the error line want. */
static void
error_is(const char *src, const char *want, const char *name)
{
    int  rc;

    rc = parse_at(src, strlen(src), 1);
    if (rc == 0) {
        ok(0, name);
        printf("#   parsed as: %s\n", dump(root));
        return;
    }

    is_str(err.msg, want, name);
}


static void
test_args(void)
{
    page_sc_node_t  *n;

    tree_is("", "", "empty body: no nodes");
    tree_is("plain text", "'plain text'", "text only");
    tree_is("{{< ni >}}", "<ni>", "{{< >}} call");
    tree_is("{{% ni %}}", "%ni%", "{{% %}} call");
    tree_is("{{<ni>}}", "<ni>", "no spaces needed");
    tree_is("{{<     ni     >}}", "<ni>", "many spaces");

    tree_is("{{< ni a b-c d_e -ziL-Q_456igdO-4 x.y 1.2.3 >}}",
            "<ni 'a' 'b-c' 'd_e' '-ziL-Q_456igdO-4' 'x.y' '1.2.3'>",
            "unquoted positional arguments");
    tree_is("{{< ni 7 -3 007 1.5 -1.5 1. true false TRUE 1e3 0x10 >}}",
            "<ni 7 -3 7 1.5f -1.5f '1.' true false 'TRUE' '1e3' '0x10'>",
            "typing of unquoted positional arguments");
    tree_is("{{< ni \"a b\" \"7\" \"true\" \"\" \"-ziL-.%QigdO-4\" >}}",
            "<ni 'a b' '7' 'true' '' '-ziL-.%QigdO-4'>",
            "quoted arguments are strings");
    tree_is("{{< ni `a\nb` `x\\\"y` `` `1` >}}",
            "<ni 'a\nb' 'x\\\"y' '' '1'>",
            "raw strings: verbatim, span lines, strings");

    tree_is("{{< ni a=1 b=\"x y\" c=`r\ns` d=true e=1.5 f=-.5 g=+4 h=x >}}",
            "<ni a=1 b='x y' c='r\ns' d=true e=1.5f f=-0.5f g=4 h='x'>",
            "named arguments and their typing");
    tree_is("{{< ni a=9223372036854775807 b=9223372036854775808 "
            "c=-9223372036854775808 d=-9223372036854775809 >}}",
            "<ni a=9223372036854775807 b='9223372036854775808' "
            "c=-9223372036854775808 d='-9223372036854775809'>",
            "int64 range; overflow stays a string");
    tree_is("{{< ni a=0.5 b=.25 c=1.5e3 d=1.5.5 e=- f=+ g=-. >}}",
            "<ni a=0.5f b=0.25f c='1.5e3' d='1.5.5' e='-' f='+' g='-.'>",
            "float pattern [-+]?\\d*\\.\\d+ only");
    tree_is("{{< ni a = 1 b =2 c= 3 >}}", "<ni a=1 b=2 c=3>",
            "whitespace around =");
    tree_is("{{< ni a=\n 1 >}}", "<ni a=1>", "newline after =");
    tree_is("{{< ni a=b=c d=x\"y e=>x >}}", "<ni a='b=c' d='x\"y' e='>x'>",
            "unquoted value runs to whitespace");
    tree_is("{{< ni a=1 a=2 b=3 >}}", "<ni a=2 b=3>",
            "duplicate names: last wins, first position kept");
    tree_is("{{< ni a\"b\" >}}", "<ni 'a' 'b'>",
            "argument ends where its characters end");
    tree_is("{{< ni \"x\"=\"y\" >}}", "<ni x='y'>", "quoted name");
    tree_is("{{< ni =b >}}", "<ni>", "value without a name is dropped");
    tree_is("{{< ni \"a\" =b >}}", "<ni a='b'>", "quoted name, spaced =");
    tree_is("{{< ni \xc3\xa9\xe6\x97\xa5\xe6\x9c\xac x\xc2\xb5 >}}",
            "<ni '\xc3\xa9\xe6\x97\xa5\xe6\x9c\xac' 'x\xc2\xb5'>",
            "letters beyond ASCII");
    tree_is("{{< ni a=\xc2\xa0x >}}", "<ni a='x'>",
            "Unicode space skipped after =");

    /* backslashes */
    tree_is("{{< ni \"a\\\"b\\c\" \"a\\b\" >}}",
            "<ni 'a\"bc' 'a\\b'>",
            "\\\" drops every backslash; otherwise they stay");
    tree_is("{{< ni \\\"param1\\\" >}}", "<ni 'param1'>",
            "escaped quotes around a positional argument");
    tree_is("{{< ni p=\\\"Hello World\\\" >}}", "<ni p='Hello World'>",
            "escaped quotes around a named value");
    tree_is("{{< ni p=\"Hello \\\"escaped\\\" World\" >}}",
            "<ni p='Hello \"escaped\" World'>",
            "escaped quotes inside quotes (named)");
    tree_is("{{< ni \"Hello \\\"escaped\\\" World\" >}}",
            "<ni 'Hello \"escaped\" World'>",
            "escaped quotes inside quotes (positional)");
    tree_is("{{< ni \\a >}}", "<ni 'a'>", "a lone backslash is ignored");
    tree_is("{{< ni \"a\\\"\" >}}", "<ni 'a\"'>",
            "\\\" before the closing quote");
    tree_is("{{< ni p=\\b c=\"d\" >}}", "<ni p='d'>",
            "=\\ looks for an opening quote (as Hugo does)");
    tree_is("{{< ni a=\\\"x\\\" b=\\\"y\\\" >}}", "<ni a='x' b='y'>",
            "several escaped-quote values");
    tree_is("{{< ni \"a>}}b\" >}}", "<ni 'a>}}b'>",
            "delimiter inside quotes");

    /* whitespace */
    tree_is("{{<\tni\r\na\v\fb\n>}}", "<ni 'a' 'b'>",
            "tab, CR, LF, VT, FF inside the action");
    tree_is("{{< ni \n  a=1\n  b=2\n>}}", "<ni a=1 b=2>",
            "arguments on several lines");

    /* names */
    tree_is("{{< test/hello x >}}", "<test/hello 'x'>", "name with /");
    tree_is("{{< x-y_z >}}", "<x-y_z>", "name with - and _");
    tree_is("{{< \xc3\xa9t\xc3\xa9 >}}", "<\xc3\xa9t\xc3\xa9>",
            "non-ASCII name");
    tree_is("{{< Ni >}}x{{< /Ni >}}", "<Ni>('x')",
            "names are case-sensitive (Ni takes inner, ni not)");

    /* parameters */
    if (parse_at("{{< ni >}}", 10, 1) == 0) {
        ok(root->params == NULL && !root->named, "no arguments: params NULL");
    }
    if (parse_at("{{< ni a >}}{{< ni a=1 >}}", 26, 1) == 0) {
        n = root;
        ok(n->params->type == PAGE_LIST && !n->named,
           "positional: PAGE_LIST, not named");
        ok(n->next->params->type == PAGE_MAP && n->next->named,
           "named: PAGE_MAP, named");
    }
}


static void
test_tags(void)
{
    page_sc_node_t  *n;
    const char      *s;

    /* self-closing */
    tree_is("{{< in />}}", "<in />", "self-closed");
    tree_is("{{< in / >}}", "<in />", "self-closing slash with spaces");
    tree_is("{{< in a />}}{{< in b=1 / >}}", "<in 'a' />,<in b=1 />",
            "self-closed with arguments");
    tree_is("{{< in a/>}}", "<in 'a' />", "argument ends at /");
    error_is("{{<s/>}}",
             "a.md:1:1: template for shortcode \"s/\" not found",
             "{{<s/>}} names s/");
    error_is("{{< in/>}}",
             "a.md:1:1: template for shortcode \"in/\" not found",
             "{{< in/>}} names in/");

    /* comment escapes */
    tree_is("a {{</* ni x=\"y\" */>}} b", "'a ',c'{{< ni x=\"y\" >}}',' b'",
            "comment escape");
    tree_is("{{%/* in */%}}", "c'{{% in %}}'", "comment escape, % form");
    tree_is("{{</* in /*/>}}", "c'{{< in />}}'",
            "comment escape of a self-closing call");
    tree_is("{{</* sc1 \"**/*.pdf\" */>}}", "c'{{< sc1 \"**/*.pdf\" >}}'",
            "comment escape with stars inside");
    tree_is("{{</**/>}}", "c'{{<>}}'", "empty comment escape");
    tree_is("{{< in >}}{{</* ni */>}}{{< /in >}}", "<in>(c'{{< ni >}}')",
            "comment escape inside a call");
    if (parse_at("x{{</* a */>}}", 14, 1) == 0) {
        n = root->next;
        ok(n->comment && n->start == 1 && n->end == 14 && n->col == 2,
           "comment escape: span and position");
    }

    /* closing tags */
    tree_is("{{< in >}}x{{< /in >}}", "<in>('x')", "closing tag");
    tree_is("{{< in >}}x{{<   /   in   >}}", "<in>('x')",
            "closing tag with spaces");
    tree_is("{{< in >}}x{{</in>}}", "<in>('x')", "closing tag, no spaces");
    tree_is("{{< in >}}x{{< /in\n>}}", "<in>('x')",
            "closing tag across lines");
    tree_is("{{< in >}}x{{< / >}}", "<in>('x')",
            "a closing tag with no name closes the innermost");
    tree_is("{{% in %}}x{{< /in >}}", "%in%('x')",
            "closing tag of the other form");
    tree_is("{{< in >}}{{< /in >}}", "<in>()", "empty inner");

    /* plain text that is not a tag */
    tree_is("{{ .Title }} {{ x }}", "'{{ .Title }} {{ x }}'",
            "other {{ is text");
    tree_is("{{{< ni >}}}", "'{',<ni>,'}'", "{{{< >}}}");
    tree_is("a {{", "'a {{'", "{{ at the end");
    tree_is("{{< ni >}}{{< ni >}}", "<ni>,<ni>", "adjacent calls");

    /* nesting */
    s = "{{< in >}}a{{% box %}}b{{< ni >}}c{{% /box %}}d{{< /in >}}e";
    tree_is(s, "<in>('a',%box%('b',<ni>,'c'),'d'),'e'", "nesting");
    if (parse_at(s, strlen(s), 1) == 0) {
        n = root;
        is_mem(n->inner, n->inner_len, "a{{% box %}}b{{< ni >}}c{{% /box %}}d",
               "inner: raw source between the tags");
        ok(n->start == 0 && n->end == strlen(s) - 1, "outer span");
        n = root->children->next;
        is_mem(n->inner, n->inner_len, "b{{< ni >}}c", "nested inner");
        ok(n->parent == root && n->level == 1, "parent and level");
        ok(n->children->next->parent == n
           && n->children->next->level == 2, "grandchild");
        is_mem(s + n->start, n->end - n->start,
               "{{% box %}}b{{< ni >}}c{{% /box %}}", "nested span");
    }

    tree_is("{{< sc1 >}}ab{{% sc2 param1 %}}cd{{< sc3 >}}ef{{< /sc3 >}}gh"
            "{{% /sc2 %}}ij{{< /sc1 >}}kl",
            "<sc1>('ab',%sc2 'param1'%('cd',<sc3>('ef'),'gh'),'ij'),'kl'",
            "Hugo's 'nested complex'");

    /* a closing tag closes the innermost open call, whatever its name */
    tree_is("{{< in >}}{{< box >}}x{{< /in >}}y{{< /box >}}",
            "<in>(<box>('x'),'y')", "innermost closing");
    tree_is("{{< in >}}a {{< ni >}}b{{< /ni >}}",
            "<in>('a ',<ni>,'b')", "closing tag naming a no-inner call");
}


static void
test_positions(void)
{
    page_sc_node_t  *n;
    const char      *s;

    /* ordinals */
    s = "{{< ni >}}{{< in >}}{{< ni >}}t{{< ni >}}{{< /in >}}{{< ni >}}";
    if (parse_at(s, strlen(s), 1) == 0) {
        n = root;
        ok(n->ordinal == 0 && n->next->ordinal == 1
           && n->next->next->ordinal == 2, "top-level ordinals");
        n = root->next->children;
        ok(n->ordinal == 0 && n->next->next->ordinal == 1,
           "nested ordinals count calls only");
    } else {
        ok(0, "ordinals");
        ok(0, "ordinals");
    }

    /* indentation */
    s = "x\n  {{< ni >}}\n\t {{< ni >}} y {{< ni >}}\n{{< ni >}}";
    if (parse_at(s, strlen(s), 1) == 0) {
        n = root->next;
        is_mem(n->indent, n->indent_len, "  ", "indent: spaces");
        n = n->next->next;
        is_mem(n->indent, n->indent_len, "\t ", "indent: tab and space");
        n = n->next->next;
        is_int(n->indent_len, 0, "no indent after other text");
        n = n->next->next;
        ok(n->indent == NULL && n->indent_len == 0, "no indent at col 1");
    }
    if (parse_at("  {{< in >}}\n    x\n  {{< /in >}}", 31, 1) == 0) {
        is_mem(root->next->indent, root->next->indent_len, "  ",
               "indent at the start of the body");
    }
    if (parse_at("{{< in >}}\n\t{{< ni >}}{{< /in >}}", 32, 1) == 0) {
        n = root->children->next;
        is_mem(n->indent, n->indent_len, "\t", "indent of a nested call");
    }

    /* line and column in the whole file */
    s = "a\nb {{< ni >}}\n\n  {{< in >}}x\n{{< /in >}}";
    if (parse_at(s, strlen(s), 5) == 0) {
        n = root->next;
        ok(n->line == 6 && n->col == 3, "line:col with first_line 5");
        n = n->next->next;
        ok(n->line == 8 && n->col == 3, "line:col after blank line");
        ok(root->line == 5 && root->col == 1, "text run position");
        ok(n->children->line == 8 && n->children->col == 13,
           "inner text position");
    }
    error_is("\xc3\xa9\xc3\xa9{{< nope >}}",
             "a.md:1:5: template for shortcode \"nope\" not found",
             "columns count bytes, as Hugo's do");
    error_is("a\rb{{< nope >}}",
             "a.md:1:4: template for shortcode \"nope\" not found",
             "a lone CR does not start a line");
    error_is("a\r\nb{{< nope >}}",
             "a.md:2:2: template for shortcode \"nope\" not found",
             "CRLF starts a line");
    if (parse_at("x\n{{< nope >}}", 14, 12) != 0) {
        is_str(err.msg, "a.md:13:1: template for shortcode \"nope\" not found",
               "error position with first_line");
    }
}


static void
test_errors(void)
{
    error_is("x\n {{< in >}}",
             "a.md:2:2: shortcode \"in\" must be closed or self-closed",
             "must be closed or self-closed");
    error_is("{{< in >}}a{{< box >}}b",
             "a.md:1:12: shortcode \"box\" must be closed or self-closed",
             "unclosed: the innermost is reported");
    error_is("x\n  {{< in a >}}b{{< /in >}}{{< /in >}}",
             "a.md:2:27: got closing shortcode, but none is open",
             "a second closing tag");
    error_is("{{< ni >}}{{< /ni >}}",
             "a.md:1:11: shortcode \"ni\" does not evaluate .Inner or "
             ".InnerDeindent, yet a closing tag was provided",
             "closing tag for a shortcode without inner");
    error_is("{{< ni />}}",
             "a.md:1:1: shortcode \"ni\" does not evaluate .Inner or "
             ".InnerDeindent, yet a closing tag was provided",
             "self-closing a shortcode without inner");
    error_is("t {{< nope >}}",
             "a.md:1:3: template for shortcode \"nope\" not found",
             "template not found");
    error_is("t {{< /ni >}}",
             "a.md:1:3: got closing shortcode, but none is open",
             "closing with none open");
    error_is("{{< ni >}} {{< / >}}",
             "a.md:1:12: got closing shortcode, but none is open",
             "nameless closing with none open");
    error_is("{{< ni >}} {{< /zz >}}",
             "a.md:1:12: closing tag for shortcode 'zz' does not match "
             "start tag", "closing tag never opened");
    error_is("{{< sc1 >}}{{< /sc1 >}}{{< /another >}}",
             "a.md:1:24: closing tag for shortcode 'another' does not "
             "match start tag", "Hugo's 'close, but no open, more'");
    error_is("{{< in >}}x{{< /in keyword>}}",
             "a.md:1:12: unclosed shortcode",
             "closing tag with more after the name");
    error_is("{{< in >}}x{{< /in",
             "a.md:1:12: unclosed shortcode", "closing tag at the end");
    error_is("{{< in a / b >}}", "a.md:1:1: unclosed shortcode",
             "more after a self-closing slash");
    error_is("ab {{< >}}", "a.md:1:4: shortcode has no name", "no name");
    error_is("{{%  %}}", "a.md:1:1: shortcode has no name", "no name, %");
    error_is("a {{</* in >}}", "a.md:1:3: comment must be closed",
             "unclosed comment");
    error_is("{{</* sc1 >}}*/", "a.md:1:1: comment must be closed",
             "misplaced comment close");
    error_is("{{</*/>}}", "a.md:1:1: comment must be closed",
             "comment close sharing the opening star");
    error_is("{{</* x */%}}", "a.md:1:1: comment must be closed",
             "comment closed with the other delimiter");
    error_is("x {{< in", "a.md:1:3: unclosed shortcode action",
             "end of file in an action");
    error_is("{{< ni a=", "a.md:1:1: unclosed shortcode action",
             "end of file after =");
    error_is("{{< ni a=  >}}", "a.md:1:1: unclosed shortcode action",
             "unquoted value swallows the delimiter");
    error_is("{{< ni a=x/>}}", "a.md:1:1: unclosed shortcode action",
             "a=x/>}} swallows the delimiter");
    error_is("{{< ni \"abc\ndef\" >}}",
             "a.md:1:1: unterminated quoted string in shortcode "
             "parameter-argument: 'abc'", "newline in a quoted string");
    error_is("{{< ni param2=\"Hello World>}}",
             "a.md:1:1: unterminated quoted string in shortcode "
             "parameter-argument: 'Hello World>}}'",
             "end of file in a quoted string");
    error_is("{{< ni \"a\\\\\" >}}",
             "a.md:1:1: unterminated quoted string in shortcode "
             "parameter-argument: 'a\\\\\" >}}'",
             "\\\\\" does not end a quoted string");
    error_is("{{< sc1 param1=\\\"Hello \\\"escaped\\\" World\\\" >}}",
             "a.md:1:1: got positional parameter 'escaped'. Cannot mix "
             "named and positional parameters",
             "Hugo's 'escaped quotes inside escaped quotes'");
    error_is("{{< ni `abc >}}",
             "a.md:1:1: unterminated raw string in shortcode "
             "parameter-argument: 'abc >}}'", "unterminated raw string");
    error_is("{{< ni \"a\\`b\" >}}",
             "a.md:1:1: unrecognized escape character",
             "escaped backtick in quotes");
    error_is("{{< ni \\`a` >}}", "a.md:1:1: unrecognized escape character",
             "escaped backtick");

    error_is("{{< ni + >}}",
             "a.md:1:1: unrecognized character in shortcode action: "
             "U+002B '+'. Note: Parameters with non-alphanumeric args "
             "must be quoted", "unrecognized +");
    error_is("{{< ni a %}}",
             "a.md:1:1: unrecognized character in shortcode action: "
             "U+0025 '%'. Note: Parameters with non-alphanumeric args "
             "must be quoted", "mismatched delimiter");
    error_is("{{% ni >}}",
             "a.md:1:1: unrecognized character in shortcode action: "
             "U+003E '>'. Note: Parameters with non-alphanumeric args "
             "must be quoted", "mismatched delimiter, % form");
    error_is("{{< ni 'a' >}}",
             "a.md:1:1: unrecognized character in shortcode action: "
             "U+0027 '''. Note: Parameters with non-alphanumeric args "
             "must be quoted", "single quotes are not quotes");
    error_is("{{< ni .5 >}}",
             "a.md:1:1: unrecognized character in shortcode action: "
             "U+002E '.'. Note: Parameters with non-alphanumeric args "
             "must be quoted", "argument starting with .");
    error_is("{{< ni a:b >}}",
             "a.md:1:1: unrecognized character in shortcode action: "
             "U+003A ':'. Note: Parameters with non-alphanumeric args "
             "must be quoted", "argument with :");
    error_is("{{< ni \xc2\xa9 >}}",
             "a.md:1:1: unrecognized character in shortcode action: "
             "U+00A9 '\xc2\xa9'. Note: Parameters with non-alphanumeric "
             "args must be quoted", "non-letter beyond ASCII");
    error_is("{{< ni a=x\xc2\xa0 >}}",
             "a.md:1:1: unrecognized character in shortcode action: "
             "U+00A0. Note: Parameters with non-alphanumeric args must be "
             "quoted", "a Unicode space is not action whitespace");
    error_is("{{< ni \x01 >}}",
             "a.md:1:1: unrecognized character in shortcode action: "
             "U+0001. Note: Parameters with non-alphanumeric args must be "
             "quoted", "control character: no quoted form");
    error_is("{{< ni \xff >}}",
             "a.md:1:1: unrecognized character in shortcode action: "
             "U+FFFD '\xef\xbf\xbd'. Note: Parameters with non-alphanumeric "
             "args must be quoted", "invalid UTF-8 is U+FFFD");
    error_is("{{< \"x\" >}}",
             "a.md:1:1: unrecognized character in shortcode action: "
             "U+0022 '\"'. Note: Parameters with non-alphanumeric args "
             "must be quoted", "a quoted name");
    error_is("{{< -x >}}",
             "a.md:1:1: unrecognized character in shortcode action: "
             "U+002D '-'. Note: Parameters with non-alphanumeric args "
             "must be quoted", "a name starting with -");

    error_is("{{< ni a b=1 >}}",
             "a.md:1:1: got named parameter 'b'. Cannot mix named and "
             "positional parameters", "named after positional");
    error_is("{{< ni \"a\" b=1 >}}",
             "a.md:1:1: got named parameter 'b'. Cannot mix named and "
             "positional parameters", "named after quoted positional");
    error_is("{{< ni a=1 b >}}",
             "a.md:1:1: got positional parameter 'b'. Cannot mix named and "
             "positional parameters", "positional after named");
    error_is("{{< ni a=1 \"b\" >}}",
             "a.md:1:1: got quoted positional parameter. Cannot mix named "
             "and positional parameters", "quoted positional after named");
    error_is("{{< ni a=1 `b` >}}",
             "a.md:1:1: got quoted positional parameter. Cannot mix named "
             "and positional parameters", "raw positional after named");
    error_is("{{< ni a=1 b + >}}",
             "a.md:1:1: got positional parameter 'b'. Cannot mix named and "
             "positional parameters", "mixing is reported first");

    error_is("{{< a.b >}}",
             "a.md:1:1: period in shortcode name only allowed for inline "
             "identifiers", "period in a name");
    /* inline shortcodes parse; the executor decides (page_sc_exec.c) */
    tree_is("{{< x.inline >}}a{{< /x.inline >}}{{< x.inline 1 />}}",
            "<x.inline>('a'),<x.inline 1 />", "inline shortcodes parse");
    error_is("{{< x.inline/>}}",
             "a.md:1:1: period in shortcode name only allowed for inline "
             "identifiers", "inline needs a space after it");
    error_is("{{< nope + >}}",
             "a.md:1:1: template for shortcode \"nope\" not found",
             "template lookup comes before later lexing errors");

    ok(parse_at("{{< ni + >}}", 12, 1) != 0
       && err.status == PAGE_ERR_CONTENT, "syntax errors: PAGE_ERR_CONTENT");
    ok(err.line == 1 && err.col == 1, "error line and col are kept");
}


static void
test_limits(void)
{
    int         i;
    page_buf_t  b;
    char       *s;

    /* nesting depth */
    page_buf_init(&b, &arena, 0);
    for (i = 0; i < PAGE_SC_MAX_DEPTH; i++) {
        page_buf_puts(&b, "{{< in >}}");
    }
    for (i = 0; i < PAGE_SC_MAX_DEPTH; i++) {
        page_buf_puts(&b, "{{< /in >}}");
    }
    s = page_buf_cstr(&b);
    ok(parse_at(s, b.len, 1) == 0, "PAGE_SC_MAX_DEPTH levels parse");

    page_buf_init(&b, &arena, 0);
    for (i = 0; i < PAGE_SC_MAX_DEPTH; i++) {
        page_buf_puts(&b, "{{< in >}}");
    }
    page_buf_puts(&b, "{{< ni >}}");
    s = page_buf_cstr(&b);
    ok(parse_at(s, b.len, 1) != 0 && err.status == PAGE_ERR_LIMIT,
       "one more level: PAGE_ERR_LIMIT");
    is_str(err.msg, "a.md:1:641: shortcode \"ni\" is nested too deeply "
           "(limit 64)", "depth limit message");

    /* calls per page */
    page_buf_init(&b, &arena, 0);
    for (i = 0; i < PAGE_SC_MAX_CALLS; i++) {
        page_buf_puts(&b, "{{<ni>}}\n");
    }
    s = page_buf_cstr(&b);
    ok(parse_at(s, b.len, 1) == 0, "PAGE_SC_MAX_CALLS calls parse");
    page_buf_puts(&b, "{{<ni>}}");
    s = page_buf_cstr(&b);
    ok(parse_at(s, b.len, 1) != 0 && err.status == PAGE_ERR_LIMIT,
       "one more call: PAGE_ERR_LIMIT");
    is_str(err.msg, "a.md:10001:1: too many shortcodes in one page "
           "(limit 10000)", "calls limit message");

    /* parameters per call */
    page_buf_init(&b, &arena, 0);
    page_buf_puts(&b, "{{< ni");
    for (i = 0; i < PAGE_SC_MAX_PARAMS; i++) {
        page_buf_puts(&b, " a");
    }
    page_buf_puts(&b, " >}}");
    s = page_buf_cstr(&b);
    ok(parse_at(s, b.len, 1) == 0
       && root->params->u.list.n == PAGE_SC_MAX_PARAMS,
       "PAGE_SC_MAX_PARAMS positional arguments parse");

    page_buf_init(&b, &arena, 0);
    page_buf_puts(&b, "{{< ni");
    for (i = 0; i <= PAGE_SC_MAX_PARAMS; i++) {
        page_buf_puts(&b, " a");
    }
    page_buf_puts(&b, " >}}");
    s = page_buf_cstr(&b);
    ok(parse_at(s, b.len, 1) != 0 && err.status == PAGE_ERR_LIMIT,
       "one more positional argument: PAGE_ERR_LIMIT");
    is_str(err.msg, "a.md:1:1: shortcode \"ni\" has too many parameters "
           "(limit 256)", "parameters limit message");

    page_buf_init(&b, &arena, 0);
    page_buf_puts(&b, "{{< ni");
    for (i = 0; i <= PAGE_SC_MAX_PARAMS; i++) {
        page_buf_printf(&b, " k%d=%d", i, i);
    }
    page_buf_puts(&b, " >}}");
    s = page_buf_cstr(&b);
    ok(parse_at(s, b.len, 1) != 0 && err.status == PAGE_ERR_LIMIT,
       "one more named argument: PAGE_ERR_LIMIT");
}


static void
test_nomem(void)
{
    int             rc;
    page_arena_t    small;
    page_sc_node_t *out;

    page_arena_init(&small, 1);
    page_error_init(&err);
    rc = page_shortcode_parse(&small, "{{< ni >}}", 10, 1, PATH, lookup,
                              NULL, &out, &err);
    ok(rc != 0 && err.status == PAGE_ERR_NOMEM, "out of memory is reported");
    page_arena_free(&small);
}


int
main(void)
{
    page_arena_init(&arena, 0);

    test_args();
    test_tags();
    test_positions();
    test_errors();
    test_limits();
    test_nomem();

    page_arena_free(&arena);

    return done_testing();
}
