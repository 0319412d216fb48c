/*
 * page_toml.cpp: the C++ side of page_toml.h, over Debian's tomlplusplus
 * (its shared library).  It parses, walks the tree into page values, and
 * never lets an exception out: a parse error becomes err, an allocation
 * failure -2.
 */

#define TOML_HEADER_ONLY  0
#define TOML_SHARED_LIB   1

#include <cstdio>
#include <cstring>
#include <new>
#include <string_view>

#include <strings.h>

#include <toml++/toml.h>

/* the core's headers are C */
extern "C" {
#include "page_arena.h"
#include "page_time.h"
#include "page_value.h"
}

#include "page_toml.h"


namespace {

struct page_toml_ctx {
    page_arena_t       *arena;
    unsigned            flags;
    page_toml_error_t  *err;
};


/* Hugo's front matter fields that hold dates (page_publish.c's list). */
bool
page_toml_date_key(std::string_view k)
{
    static const char *const  keys[] = {
        "date", "lastmod", "modified", "publishdate", "pubdate",
        "published", "expirydate", "unpublishdate"
    };

    for (const char *key : keys) {
        if (k.size() == std::strlen(key)
            && strncasecmp(k.data(), key, k.size()) == 0)
        {
            return true;
        }
    }

    return false;
}


page_value_t *
page_toml_string(page_toml_ctx &c, const char *s, size_t len)
{
    return page_value_string(c.arena, s, len);
}


/* go-toml's LocalTime.String: hh:mm:ss and the fraction, if any. */
int
page_toml_time_text(char *b, size_t size, const toml::time &t)
{
    int       n;
    unsigned  ns, digits;

    n = std::snprintf(b, size, "%02u:%02u:%02u", (unsigned) t.hour,
                      (unsigned) t.minute, (unsigned) t.second);
    ns = t.nanosecond;
    if (ns == 0 || n < 0 || (size_t) n >= size) {
        return n;
    }

    for (digits = 9; ns % 10 == 0; digits--) {
        ns /= 10;
    }

    return n + std::snprintf(b + n, size - (size_t) n, ".%0*u", (int) digits,
                             ns);
}


page_value_t *
page_toml_time(page_toml_ctx &c, const toml::date &d, const toml::time *t,
    int offset_min)
{
    page_time_t  pt;

    page_time_zero(&pt);
    pt.is_zero = 0;
    pt.sec = page_days_from_civil(d.year, d.month, d.day) * 86400;
    if (t != nullptr) {
        pt.sec += (int64_t) t->hour * 3600 + t->minute * 60 + t->second;
        pt.nsec = (int32_t) t->nanosecond;
    }
    pt.offset = offset_min * 60;
    pt.sec -= pt.offset;

    return page_value_time(c.arena, &pt);
}


int page_toml_node(page_toml_ctx &c, const toml::node &n, unsigned depth,
    bool date_key, page_value_t **out);


int
page_toml_table(page_toml_ctx &c, const toml::table &t, unsigned depth,
    page_value_t **out)
{
    char          *key;
    size_t         i;
    page_value_t  *m, *v;

    m = page_value_map(c.arena);
    if (m == nullptr || page_map_reserve(c.arena, m, t.size()) != 0) {
        return -2;
    }

    for (auto &&kv : t) {
        std::string_view  k = kv.first.str();
        int               rc;

        rc = page_toml_node(c, kv.second, depth + 1,
                            depth == 0 && (c.flags & PAGE_TOML_FRONT)
                            && page_toml_date_key(k), &v);
        if (rc != 0) {
            return rc;
        }

        key = page_arena_strndup(c.arena, k.data(), k.size());
        if (key == nullptr) {
            return -2;
        }
        if (c.flags & PAGE_TOML_LOWER) {
            for (i = 0; i < k.size(); i++) {
                if (key[i] >= 'A' && key[i] <= 'Z') {
                    key[i] = (char) (key[i] + 32);
                }
            }
        }

        if (page_map_set(c.arena, m, key, k.size(), v) != 0) {
            return -2;
        }
    }

    *out = m;

    return 0;
}


int
page_toml_node(page_toml_ctx &c, const toml::node &n, unsigned depth,
    bool date_key, page_value_t **out)
{
    int            rc, len;
    char           b[64];
    page_value_t  *l, *v;

    if (depth > PAGE_TOML_MAX_DEPTH) {
        const toml::source_region  &r = n.source();

        c.err->line = r.begin.line;
        c.err->col = r.begin.column;
        std::snprintf(c.err->msg, sizeof(c.err->msg),
                      "tables and arrays nested deeper than %d",
                      PAGE_TOML_MAX_DEPTH);
        return -1;
    }

    *out = nullptr;

    switch (n.type()) {

    case toml::node_type::table:
        return page_toml_table(c, *n.as_table(), depth, out);

    case toml::node_type::array:
        l = page_value_list(c.arena);
        if (l == nullptr) {
            return -2;
        }
        for (const toml::node &item : *n.as_array()) {
            rc = page_toml_node(c, item, depth + 1, false, &v);
            if (rc != 0) {
                return rc;
            }
            if (page_list_push(c.arena, l, v) != 0) {
                return -2;
            }
        }
        *out = l;
        return 0;

    case toml::node_type::string: {
        const std::string  &s = n.as_string()->get();

        *out = page_toml_string(c, s.data(), s.size());
        break;
    }

    case toml::node_type::integer:
        *out = page_value_int(c.arena, n.as_integer()->get());
        break;

    case toml::node_type::floating_point:
        *out = page_value_float(c.arena, n.as_floating_point()->get());
        break;

    case toml::node_type::boolean:
        *out = page_value_bool(c.arena, n.as_boolean()->get());
        break;

    case toml::node_type::date: {
        const toml::date  &d = n.as_date()->get();

        if (date_key) {
            *out = page_toml_time(c, d, nullptr, 0);
            break;
        }
        len = std::snprintf(b, sizeof(b), "%04u-%02u-%02u",
                            (unsigned) d.year, (unsigned) d.month,
                            (unsigned) d.day);
        *out = page_toml_string(c, b, (size_t) len);
        break;
    }

    case toml::node_type::time:
        len = page_toml_time_text(b, sizeof(b), n.as_time()->get());
        *out = page_toml_string(c, b, (size_t) len);
        break;

    case toml::node_type::date_time: {
        const toml::date_time  &dt = n.as_date_time()->get();

        if (dt.offset.has_value() || date_key) {
            *out = page_toml_time(c, dt.date, &dt.time,
                                  dt.offset.has_value()
                                  ? dt.offset->minutes : 0);
            break;
        }
        len = std::snprintf(b, sizeof(b), "%04u-%02u-%02uT",
                            (unsigned) dt.date.year, (unsigned) dt.date.month,
                            (unsigned) dt.date.day);
        len += page_toml_time_text(b + len, sizeof(b) - (size_t) len,
                                   dt.time);
        *out = page_toml_string(c, b, (size_t) len);
        break;
    }

    default:
        *out = page_value_new(c.arena, PAGE_NIL);
        break;
    }

    return *out != nullptr ? 0 : -2;
}

}   /* namespace */


extern "C" int
page_toml_parse(page_arena_t *a, const char *text, size_t len,
    unsigned flags, page_value_t **out, page_toml_error_t *err)
{
    page_toml_ctx  c;

    std::memset(err, 0, sizeof(*err));
    c.arena = a;
    c.flags = flags;
    c.err = err;

    try {
        toml::table  t = toml::parse(std::string_view(text, len));

        return page_toml_table(c, t, 0, out);

    } catch (const toml::parse_error &e) {
        std::string_view  d = e.description();

        err->line = e.source().begin.line;
        err->col = e.source().begin.column;
        std::snprintf(err->msg, sizeof(err->msg), "%.*s", (int) d.size(),
                      d.data());
        return -1;

    } catch (const std::bad_alloc &) {
        return -2;

    } catch (...) {
        std::snprintf(err->msg, sizeof(err->msg), "cannot be parsed");
        return -1;
    }
}
