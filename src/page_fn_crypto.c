/*
 * page_fn_crypto: Hugo's crypto namespace (tpl/crypto): md5, sha1,
 * sha256, crypto.Hash, hmac and crypto.FNV32a; and its hash namespace
 * (tpl/hash): hash.FNV32a, xxhash.  Digests come from OpenSSL's
 * libcrypto (EVP), xxHash from libxxhash; FNV-1a is four lines.  Hex
 * output in lower case, as Go's encoding/hex writes it.
 */

#include <stdint.h>
#include <string.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <xxhash.h>

#include "page_fn.h"


/* The text of the argument, as Hugo's cast.ToStringE gives it. */
static int
page_tpl_digest_input(page_tpl_state_t *st, page_value_t *v,
    const char **s, size_t *len)
{
    return page_fn_cast_string(st, v, s, len);
}


static const EVP_MD *
page_tpl_md(const char *name, size_t len, int sha384)
{
#define IS(s)  (len == sizeof(s) - 1 && memcmp(name, s, len) == 0)

    if (IS("md5")) {
        return EVP_md5();
    }
    if (IS("sha1")) {
        return EVP_sha1();
    }
    if (IS("sha256")) {
        return EVP_sha256();
    }
    if (IS("sha384") && sha384) {
        return EVP_sha384();
    }
    if (IS("sha512")) {
        return EVP_sha512();
    }
    return NULL;

#undef IS
}


/* n bytes as lower-case hex, a string value. */
static int
page_tpl_ret_hex(page_tpl_state_t *st, const unsigned char *md, size_t n,
    page_value_t **res)
{
    static const char  hex[] = "0123456789abcdef";
    char               out[2 * EVP_MAX_MD_SIZE];
    size_t             i;

    for (i = 0; i < n; i++) {
        out[2 * i] = hex[md[i] >> 4];
        out[2 * i + 1] = hex[md[i] & 0xf];
    }
    return page_tpl_ret_str(st, PAGE_STRING, out, 2 * n, res);
}


static int
page_tpl_digest(page_tpl_state_t *st, const EVP_MD *md, page_value_t *v,
    page_value_t **res)
{
    const char     *s;
    size_t          len;
    unsigned int    n;
    unsigned char   out[EVP_MAX_MD_SIZE];

    if (page_tpl_digest_input(st, v, &s, &len) != 0) {
        return -1;
    }
    if (!EVP_Digest(s, len, out, &n, md, NULL)) {
        return page_tpl_fail(st, "digest failed (libcrypto)");
    }
    return page_tpl_ret_hex(st, out, n, res);
}


static int
page_tpl_f_md5(PAGE_FN_ARGS)
{
    (void) nargs;
    return page_tpl_digest(st, EVP_md5(), args[0], res);
}


static int
page_tpl_f_sha1(PAGE_FN_ARGS)
{
    (void) nargs;
    return page_tpl_digest(st, EVP_sha1(), args[0], res);
}


static int
page_tpl_f_sha256(PAGE_FN_ARGS)
{
    (void) nargs;
    return page_tpl_digest(st, EVP_sha256(), args[0], res);
}


/* crypto.Hash [ALGORITHM] INPUT: sha256 when no algorithm is named */
static int
page_tpl_f_hash(PAGE_FN_ARGS)
{
    const char    *name;
    size_t         len;
    const EVP_MD  *md;

    if (nargs == 1) {
        return page_tpl_digest(st, EVP_sha256(), args[0], res);
    }

    if (page_tpl_arg_str(st, "crypto.Hash", args[0], &name, &len) != 0) {
        return -1;
    }
    md = page_tpl_md(name, len, 1);
    if (md == NULL) {
        return page_tpl_fail(st, "crypto.Hash: \"%.*s\" is not a supported "
                             "hash algorithm", (int) (len > 64 ? 64 : len),
                             name);
    }
    return page_tpl_digest(st, md, args[1], res);
}


/* hmac HASH_TYPE KEY MESSAGE [ENCODING]: hex, or "binary" bytes */
static int
page_tpl_f_hmac(PAGE_FN_ARGS)
{
    const char     *name, *key, *msg, *enc;
    size_t          nlen, klen, mlen, elen;
    unsigned int    n;
    unsigned char   out[EVP_MAX_MD_SIZE];
    const EVP_MD   *md;

    if (page_tpl_arg_str(st, "hmac", args[0], &name, &nlen) != 0) {
        return -1;
    }
    md = page_tpl_md(name, nlen, 0);
    if (md == NULL) {
        return page_tpl_fail(st, "hmac: %.*s is not a supported hash "
                             "function", (int) (nlen > 64 ? 64 : nlen), name);
    }

    if (page_tpl_digest_input(st, args[2], &msg, &mlen) != 0
        || page_tpl_digest_input(st, args[1], &key, &klen) != 0)
    {
        return -1;
    }

    enc = "hex";
    elen = 3;
    if (nargs == 4 && args[3] != NULL && args[3]->type != PAGE_NIL
        && page_tpl_arg_str(st, "hmac", args[3], &enc, &elen) != 0)
    {
        return -1;
    }
    if (!(elen == 3 && memcmp(enc, "hex", 3) == 0)
        && !(elen == 6 && memcmp(enc, "binary", 6) == 0))
    {
        return page_tpl_fail(st, "\"%.*s\" is not a supported encoding "
                             "method", (int) (elen > 64 ? 64 : elen), enc);
    }

    if (HMAC(md, key, (int) klen, (const unsigned char *) msg, mlen, out, &n)
        == NULL)
    {
        return page_tpl_fail(st, "hmac failed (libcrypto)");
    }

    if (elen == 6) {
        return page_tpl_ret_str(st, PAGE_STRING, (const char *) out, n, res);
    }
    return page_tpl_ret_hex(st, out, n, res);
}


/* FNV-1a, 32 bits (Go's hash/fnv New32a), as an int */
static int
page_tpl_f_fnv32a(PAGE_FN_ARGS)
{
    const char  *s;
    size_t       len;
    uint32_t     h;

    (void) nargs;

    if (page_tpl_digest_input(st, args[0], &s, &len) != 0) {
        return -1;
    }

    h = page_fnv1a(s, len);
    return page_tpl_ret_int(st, (int64_t) h, res);
}


/* XXH64 with seed 0 as 16 hex digits (Hugo's hashing.XxHashFrom...) */
static int
page_tpl_f_xxhash(PAGE_FN_ARGS)
{
    const char     *s;
    size_t          len;
    int             i;
    uint64_t        h;
    unsigned char   out[8];

    (void) nargs;

    if (page_tpl_digest_input(st, args[0], &s, &len) != 0) {
        return -1;
    }

    h = XXH64(s, len, 0);
    for (i = 7; i >= 0; i--) {
        out[i] = (unsigned char) h;
        h >>= 8;
    }
    return page_tpl_ret_hex(st, out, sizeof(out), res);
}


const page_tpl_func_t  page_fn_crypto[] = {
    { "crypto.MD5", page_tpl_f_md5, 1, 1 },
    { "md5", page_tpl_f_md5, 1, 1 },
    { "crypto.SHA1", page_tpl_f_sha1, 1, 1 },
    { "sha1", page_tpl_f_sha1, 1, 1 },
    { "crypto.SHA256", page_tpl_f_sha256, 1, 1 },
    { "sha256", page_tpl_f_sha256, 1, 1 },
    { "crypto.Hash", page_tpl_f_hash, 1, 2 },
    { "crypto.HMAC", page_tpl_f_hmac, 3, 4 },
    { "hmac", page_tpl_f_hmac, 3, 4 },
    /* hugo 0.111.3 has crypto.FNV32a; current Hugo has it as hash.FNV32a */
    { "crypto.FNV32a", page_tpl_f_fnv32a, 1, 1 },
    { "hash.FNV32a", page_tpl_f_fnv32a, 1, 1 },
    { "hash.XxHash", page_tpl_f_xxhash, 1, 1 },
    { "xxhash", page_tpl_f_xxhash, 1, 1 },
    { NULL, NULL, 0, 0 }
};
