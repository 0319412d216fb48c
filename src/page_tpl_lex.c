/*
 * page_tpl_lex: the template lexer.  Splits template text into text runs
 * and the tokens of {{ }} actions, as Go's text/template lexer does:
 * "{{-" and "-}}" trim the whitespace next to them, comments vanish, and
 * every token carries its line and column for error messages.
 */

#include <stdio.h>
#include <string.h>

#include "page_tpl_int.h"
#include "page_utf8.h"


static int
page_tpl_lex_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}


static int
page_tpl_lex_alnum(char c)
{
    unsigned char  u = (unsigned char) c;

    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z')
           || (u >= '0' && u <= '9') || u == '_' || u >= 0x80;
}


static int
page_tpl_lex_digit(char c)
{
    return c >= '0' && c <= '9';
}


static void
page_tpl_lex_advance(page_tpl_lexer_t *lx, size_t n)
{
    while (n-- && lx->pos < lx->len) {
        if (lx->src[lx->pos] == '\n') {
            lx->line++;
            lx->col = 1;
        } else {
            lx->col++;
        }
        lx->pos++;
    }
}


static int
page_tpl_lex_at(page_tpl_lexer_t *lx, size_t off, const char *s)
{
    size_t  n = strlen(s);

    return lx->pos + off + n <= lx->len
           && memcmp(lx->src + lx->pos + off, s, n) == 0;
}


void
page_tpl_lex_init(page_tpl_lexer_t *lx, const char *src, size_t len)
{
    memset(lx, 0, sizeof(*lx));
    lx->src = src;
    lx->len = len;
    lx->line = 1;
    lx->col = 1;
}


static void
page_tpl_lex_error(page_tpl_lexer_t *lx, page_tpl_tok_t *t, const char *msg)
{
    t->type = TPL_T_ERROR;
    t->text = lx->src + lx->pos;
    t->len = 0;
    lx->err = msg;
    lx->pos = lx->len;          /* no more tokens after an error */
}


/* "{{" at pos opens a left-trimming action: "{{-" then whitespace. */
static int
page_tpl_lex_left_trim(page_tpl_lexer_t *lx, size_t at)
{
    return at + 3 < lx->len && lx->src[at + 2] == '-'
           && page_tpl_lex_space(lx->src[at + 3]);
}


/* Text up to the next "{{" (or EOF), trimmed as the markers say. */
static void
page_tpl_lex_text(page_tpl_lexer_t *lx, page_tpl_tok_t *t)
{
    size_t       start, end, n;
    const char  *p;

    if (lx->trim_next) {
        lx->trim_next = 0;
        while (lx->pos < lx->len && page_tpl_lex_space(lx->src[lx->pos])) {
            page_tpl_lex_advance(lx, 1);
        }
    }

    start = lx->pos;
    t->line = lx->line;
    t->col = lx->col;

    end = lx->len;
    for (n = start; n + 1 < lx->len; n++) {
        p = lx->src + n;
        if (p[0] == '{' && p[1] == '{') {
            end = n;
            break;
        }
    }

    t->type = TPL_T_TEXT;
    t->text = lx->src + start;
    t->len = end - start;

    page_tpl_lex_advance(lx, end - start);

    if (end < lx->len && page_tpl_lex_left_trim(lx, end)) {
        while (t->len && page_tpl_lex_space(t->text[t->len - 1])) {
            t->len--;
        }
    }
}


/*
 * At "{{": consume it and any "- ".  A comment is consumed whole; returns
 * 1 when one was, 0 for an action, -1 on error.
 */
static int
page_tpl_lex_open(page_tpl_lexer_t *lx, page_tpl_tok_t *t)
{
    size_t  i;

    t->type = TPL_T_LEFT;
    t->text = lx->src + lx->pos;
    t->len = 2;
    t->line = lx->line;
    t->col = lx->col;

    page_tpl_lex_advance(lx, 2);

    if (page_tpl_lex_left_trim(lx, lx->pos - 2)) {
        page_tpl_lex_advance(lx, 2);
        while (lx->pos < lx->len && page_tpl_lex_space(lx->src[lx->pos])) {
            page_tpl_lex_advance(lx, 1);
        }
    }

    if (!page_tpl_lex_at(lx, 0, "/*")) {
        lx->in_action = 1;
        lx->paren = 0;
        return 0;
    }

    for (i = lx->pos + 2; i + 1 < lx->len; i++) {
        if (lx->src[i] == '*' && lx->src[i + 1] == '/') {
            break;
        }
    }

    if (i + 1 >= lx->len) {
        page_tpl_lex_error(lx, t, "unclosed comment");
        return -1;
    }

    page_tpl_lex_advance(lx, i + 2 - lx->pos);

    if (page_tpl_lex_at(lx, 0, "}}")) {
        page_tpl_lex_advance(lx, 2);
        return 1;
    }

    if (lx->pos < lx->len && page_tpl_lex_space(lx->src[lx->pos])) {
        i = lx->pos;
        while (i < lx->len && page_tpl_lex_space(lx->src[i])) {
            i++;
        }
        if (i + 2 < lx->len && lx->src[i] == '-' && lx->src[i + 1] == '}'
            && lx->src[i + 2] == '}')
        {
            page_tpl_lex_advance(lx, i + 3 - lx->pos);
            lx->trim_next = 1;
            return 1;
        }
    }

    page_tpl_lex_error(lx, t, "comment ends before closing delimiter");
    return -1;
}


static void
page_tpl_lex_quoted(page_tpl_lexer_t *lx, page_tpl_tok_t *t, char q)
{
    size_t  i;

    for (i = lx->pos + 1; i < lx->len; i++) {
        if (lx->src[i] == '\\' && q != '`') {
            i++;
            if (i < lx->len && lx->src[i] == '\n') {
                break;
            }
            continue;
        }
        if (lx->src[i] == '\n' && q != '`') {
            break;
        }
        if (lx->src[i] == q) {
            t->type = q == '"' ? TPL_T_STRING
                      : q == '`' ? TPL_T_RAW : TPL_T_CHAR;
            t->text = lx->src + lx->pos;
            t->len = i + 1 - lx->pos;
            page_tpl_lex_advance(lx, t->len);
            return;
        }
    }

    page_tpl_lex_error(lx, t, q == '"' ? "unterminated quoted string"
                       : q == '`' ? "unterminated raw quoted string"
                       : "unterminated character constant");
}


static void
page_tpl_lex_number(page_tpl_lexer_t *lx, page_tpl_tok_t *t)
{
    size_t  i = lx->pos;
    int     hex = 0;
    char    c;

    if (lx->src[i] == '+' || lx->src[i] == '-') {
        i++;
    }

    if (i + 1 < lx->len && lx->src[i] == '0'
        && page_tpl_oneof(lx->src[i + 1], "xXoObB"))
    {
        hex = lx->src[i + 1] == 'x' || lx->src[i + 1] == 'X';
        i += 2;
    }

    while (i < lx->len) {
        c = lx->src[i];

        if (page_tpl_lex_digit(c) || c == '_' || c == '.'
            || (hex && page_tpl_oneof(c, "abcdefABCDEF")))
        {
            i++;
            continue;
        }

        if ((!hex && (c == 'e' || c == 'E')) || (hex && (c == 'p' || c == 'P')))
        {
            i++;
            if (i < lx->len && (lx->src[i] == '+' || lx->src[i] == '-')) {
                i++;
            }
            continue;
        }

        break;
    }

    if (i < lx->len && page_tpl_lex_alnum(lx->src[i])) {
        page_tpl_lex_error(lx, t, "bad number syntax");
        return;
    }

    t->type = TPL_T_NUMBER;
    t->text = lx->src + lx->pos;
    t->len = i - lx->pos;
    page_tpl_lex_advance(lx, t->len);
}


static const struct {
    const char           *word;
    page_tpl_tok_type_t   type;
} page_tpl_keywords[] = {
    { "if", TPL_T_IF }, { "else", TPL_T_ELSE }, { "end", TPL_T_END },
    { "range", TPL_T_RANGE }, { "with", TPL_T_WITH },
    { "define", TPL_T_DEFINE }, { "template", TPL_T_TEMPLATE },
    { "block", TPL_T_BLOCK }, { "break", TPL_T_BREAK },
    { "continue", TPL_T_CONTINUE }, { "true", TPL_T_BOOL },
    { "false", TPL_T_BOOL }, { "nil", TPL_T_NIL }
};


static void
page_tpl_lex_word(page_tpl_lexer_t *lx, page_tpl_tok_t *t,
    page_tpl_tok_type_t type, size_t skip)
{
    size_t  i, k;

    i = lx->pos + skip;
    while (i < lx->len && page_tpl_lex_alnum(lx->src[i])) {
        i++;
    }

    t->type = type;
    t->text = lx->src + lx->pos;
    t->len = i - lx->pos;

    if (type == TPL_T_IDENT) {
        for (k = 0; k < sizeof(page_tpl_keywords)
                        / sizeof(page_tpl_keywords[0]); k++)
        {
            if (strlen(page_tpl_keywords[k].word) == t->len
                && memcmp(page_tpl_keywords[k].word, t->text, t->len) == 0)
            {
                t->type = page_tpl_keywords[k].type;
                break;
            }
        }
    }

    page_tpl_lex_advance(lx, t->len);
}


/* Go's "unrecognized character in action: U+00E9 'é'" (%#U). */
static void
page_tpl_lex_unrecognized(page_tpl_lexer_t *lx, page_tpl_tok_t *t)
{
    size_t    w;
    uint32_t  r;

    w = page_utf8_decode(lx->src + lx->pos, lx->len - lx->pos, &r);

    if (r < 0xa0 || w == 0) {
        snprintf(lx->errbuf, sizeof(lx->errbuf), "unrecognized character "
                 "in action: U+%04X", (unsigned) r);
    } else {
        snprintf(lx->errbuf, sizeof(lx->errbuf), "unrecognized character "
                 "in action: U+%04X '%.*s'", (unsigned) r, (int) w,
                 lx->src + lx->pos);
    }

    page_tpl_lex_error(lx, t, lx->errbuf);
}


static void
page_tpl_lex_action(page_tpl_lexer_t *lx, page_tpl_tok_t *t)
{
    char  c, n;

    t->space = 0;
    while (lx->pos < lx->len && page_tpl_lex_space(lx->src[lx->pos])) {
        t->space = 1;
        page_tpl_lex_advance(lx, 1);
    }

    t->line = lx->line;
    t->col = lx->col;
    t->text = lx->src + lx->pos;
    t->len = 1;

    if (lx->pos >= lx->len) {
        page_tpl_lex_error(lx, t, "unclosed action");
        return;
    }

    c = lx->src[lx->pos];
    n = lx->pos + 1 < lx->len ? lx->src[lx->pos + 1] : '\0';

    if (c == '}' && n == '}') {
        goto right;
    }

    if (c == '-' && t->space && page_tpl_lex_at(lx, 1, "}}")) {
        page_tpl_lex_advance(lx, 1);
        lx->trim_next = 1;
        goto right;
    }

    switch (c) {
    case '|':
        t->type = TPL_T_PIPE;
        break;
    case ',':
        t->type = TPL_T_COMMA;
        break;
    case '(':
        t->type = TPL_T_LPAREN;
        lx->paren++;
        break;
    case ')':
        if (lx->paren == 0) {
            page_tpl_lex_error(lx, t, "unexpected right paren");
            return;
        }
        lx->paren--;
        t->type = TPL_T_RPAREN;
        break;
    case '=':
        t->type = TPL_T_ASSIGN;
        break;
    case ':':
        if (n != '=') {
            page_tpl_lex_error(lx, t, "expected :=");
            return;
        }
        t->type = TPL_T_DECLARE;
        t->len = 2;
        break;
    case '"':
    case '`':
    case '\'':
        page_tpl_lex_quoted(lx, t, c);
        return;
    case '$':
        page_tpl_lex_word(lx, t, TPL_T_VAR, 1);
        return;
    case '.':
        if (page_tpl_lex_digit(n)) {
            page_tpl_lex_number(lx, t);
            return;
        }
        if (page_tpl_lex_alnum(n)) {
            page_tpl_lex_word(lx, t, TPL_T_FIELD, 1);
            return;
        }
        t->type = TPL_T_DOT;
        break;
    default:
        if (page_tpl_lex_digit(c)
            || ((c == '+' || c == '-')
                && (page_tpl_lex_digit(n) || n == '.')))
        {
            page_tpl_lex_number(lx, t);
            return;
        }
        if (page_tpl_lex_alnum(c)) {
            page_tpl_lex_word(lx, t, TPL_T_IDENT, 0);
            return;
        }
        if ((unsigned char) c > 0x20 && (unsigned char) c < 0x7f) {
            t->type = TPL_T_OTHER;      /* Go's itemChar */
            break;
        }
        page_tpl_lex_unrecognized(lx, t);
        return;
    }

    page_tpl_lex_advance(lx, t->len);
    return;

right:

    if (lx->paren) {
        page_tpl_lex_error(lx, t, "unclosed left paren");
        return;
    }

    t->type = TPL_T_RIGHT;
    t->len = 2;
    page_tpl_lex_advance(lx, 2);
    lx->in_action = 0;
}


void
page_tpl_lex_next(page_tpl_lexer_t *lx, page_tpl_tok_t *t)
{
    int  rc;

    memset(t, 0, sizeof(*t));

    for ( ;; ) {
        t->line = lx->line;
        t->col = lx->col;

        if (lx->err != NULL) {
            t->type = TPL_T_ERROR;
            return;
        }

        if (lx->in_action) {
            page_tpl_lex_action(lx, t);
            return;
        }

        if (lx->pos >= lx->len) {
            t->type = TPL_T_EOF;
            return;
        }

        if (!page_tpl_lex_at(lx, 0, "{{")) {
            page_tpl_lex_text(lx, t);
            if (t->len == 0) {
                continue;
            }
            return;
        }

        rc = page_tpl_lex_open(lx, t);
        if (rc == 1) {
            continue;                   /* a comment: nothing to emit */
        }
        return;
    }
}
