/*
 * page_front: the front matter stage.  Splits a content file into its
 * front matter and its body, and turns YAML or JSON front matter into a
 * page value (a map with lower-cased keys) through libyaml's event API.
 */

#ifndef PAGE_FRONT_H
#define PAGE_FRONT_H

#include <stddef.h>

#include "page_arena.h"
#include "page_error.h"
#include "page_value.h"

/*
 * Largest front matter accepted.  Real front matter is a few hundred bytes;
 * anything near this is a mistake (a missing closing ---) or an attack.
 */
#define PAGE_FRONT_MAX_SIZE    (256 * 1024)

/*
 * Most YAML events (scalars, starts and ends of lists and maps) in one
 * front matter: bounds the work libyaml and we do for one request.
 */
#define PAGE_FRONT_MAX_EVENTS  100000

/* Deepest nesting of lists and maps: real front matter nests 2-3 deep. */
#define PAGE_FRONT_MAX_DEPTH   64

typedef struct {
    const char  *front;         /* YAML or JSON text, NULL when none */
    size_t       front_len;
    unsigned     front_line;    /* line of its first byte in the file */
    unsigned     front_col;     /* column of its first byte (JSON's "{") */
    unsigned     json;          /* a JSON object, not YAML */
    unsigned     toml;          /* TOML between "+++" lines (page_toml) */
    const char  *body;          /* what follows the front matter */
    size_t       body_len;
    unsigned     body_line;     /* line of the body's first byte */
} page_front_t;

/*
 * Split src into front matter and body, as Hugo's page lexer does: after
 * a UTF-8 BOM and blank lines, "---" opens YAML up to a line "---" (or
 * "..."); "{" opens a JSON object up to its matching "}" (braces inside
 * strings do not count), and the line break after it is dropped.  A body
 * that starts with "{{" (a shortcode) has no front matter: Hugo refuses
 * it as bad JSON.
 */
int page_front_split(const char *src, size_t len, const char *path,
    page_front_t *fm, page_error_t *err);

/*
 * Parse fm->front into *out (a map; an empty map when there is no front
 * matter).  Errors name path:line:col in the whole file.
 */
int page_front_parse(page_arena_t *a, const page_front_t *fm,
    const char *path, page_value_t **out, page_error_t *err);

#endif /* PAGE_FRONT_H */
