/*
 * tap.h: a tiny Test Anything Protocol producer for the core's unit tests.
 * Each test binary prints "ok N - name" / "not ok N - name" lines and a
 * plan at the end; prove reads them through t/00-unit.t.
 */

#ifndef TAP_H
#define TAP_H

#include <stdio.h>
#include <string.h>

static int  tap_count;
static int  tap_failed;

static int
tap_ok(int cond, const char *name, const char *file, int line)
{
    tap_count++;
    printf("%sok %d - %s\n", cond ? "" : "not ", tap_count, name);

    if (!cond) {
        tap_failed++;
        printf("#   Failed test '%s'\n#   at %s line %d.\n", name, file,
               line);
    }

    return cond;
}

static int
tap_is_mem(const char *got, size_t got_len, const char *want,
    size_t want_len, const char *name, const char *file, int line)
{
    int  cond;

    cond = got != NULL && got_len == want_len
           && memcmp(got, want, want_len) == 0;

    if (!tap_ok(cond, name, file, line)) {
        printf("#          got: '%.*s'\n#     expected: '%.*s'\n",
               got ? (int) got_len : 6, got ? got : "(null)",
               (int) want_len, want);
    }

    return cond;
}

static int
tap_done(void)
{
    (void) &tap_is_mem;         /* a test may use only ok() */

    printf("1..%d\n", tap_count);
    return tap_failed ? 1 : 0;
}

#define ok(cond, name)  tap_ok((cond) ? 1 : 0, (name), __FILE__, __LINE__)
#define is_str(got, want, name) \
    tap_is_mem((got), (got) ? strlen(got) : 0, (want), strlen(want), \
               (name), __FILE__, __LINE__)
#define is_mem(got, got_len, want, name) \
    tap_is_mem((got), (got_len), (want), strlen(want), (name), __FILE__, \
               __LINE__)
#define is_int(got, want, name) \
    do { \
        long long  tap_g_ = (long long) (got), tap_w_ = (long long) (want); \
        if (!tap_ok(tap_g_ == tap_w_, (name), __FILE__, __LINE__)) { \
            printf("#          got: %lld\n#     expected: %lld\n", tap_g_, \
                   tap_w_); \
        } \
    } while (0)
#define done_testing()  tap_done()

#endif /* TAP_H */
