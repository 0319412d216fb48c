/*
 * page_unmarshal.h: the decoders of transform.Unmarshal for callers
 * outside a template execution (data/ files, i18n/ files).
 */

#ifndef PAGE_UNMARSHAL_H
#define PAGE_UNMARSHAL_H

#include <stddef.h>

#include "page_arena.h"
#include "page_value.h"

/*
 * Decode s[0..len) in the format that the file name name's extension
 * says ("yaml", "yml", "json", "toml", "csv" as a list of rows, "xml"),
 * as Hugo's metadecoders do; an empty text is an empty map (a list for
 * CSV).  0 with *res; -1 with Hugo's words in msg and the position in
 * the text in *line, *col (0 when unknown); -2 out of memory; -3 when
 * the extension names no format (msg says so).
 */
int page_unmarshal_file(page_arena_t *a, const char *name, const char *s,
    size_t len, page_value_t **res, char *msg, size_t msg_size,
    unsigned *line, unsigned *col);

#endif /* PAGE_UNMARSHAL_H */
