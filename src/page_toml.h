/*
 * page_toml: TOML text to page values (front matter, transform.Unmarshal),
 * through Debian's tomlplusplus (C++, behind this C API in page_toml.cpp),
 * and TOML front matter: "+++" lines around it (page_toml_front.c).
 *
 * Values are typed as Hugo's TOML decoder (go-toml v2) types them:
 * integers int64, floats float64, an offset date-time a time; a local
 * date, date-time or time, which Go keeps as toml.LocalDate and the like,
 * is a string printed as go-toml prints it ("1979-05-27T07:32:00"), except
 * in front matter's date fields, where Hugo makes it a time (UTC).
 */

#ifndef PAGE_TOML_H
#define PAGE_TOML_H

#include <stddef.h>

#include "page_arena.h"
#include "page_error.h"
#include "page_front.h"
#include "page_value.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Deepest nesting of tables and arrays turned into values. */
#define PAGE_TOML_MAX_DEPTH  64

/* Flags of page_toml_parse. */
#define PAGE_TOML_LOWER  0x01   /* keys lower-cased (front matter) */
#define PAGE_TOML_FRONT  0x02   /* top-level date fields as times */

typedef struct {
    unsigned  line;             /* in the text, from 1; 0 when unknown */
    unsigned  col;
    char      msg[256];         /* the parser's description */
} page_toml_error_t;

/*
 * Parse len bytes of TOML into *out (a map).  0; -1 with err set for
 * bad TOML (or nesting past PAGE_TOML_MAX_DEPTH); -2 out of memory.
 */
int page_toml_parse(page_arena_t *a, const char *text, size_t len,
    unsigned flags, page_value_t **out, page_toml_error_t *err);

/*
 * page_toml_front.c, for page_front.c: parse the TOML front matter it
 * split (keys lower-cased, errors at path:line:col in the file, worded
 * "unmarshal failed: toml: ..." as Hugo's).
 */
int page_toml_front(page_arena_t *a, const page_front_t *fm,
    const char *path, page_value_t **out, page_error_t *err);

#ifdef __cplusplus
}
#endif

#endif /* PAGE_TOML_H */
