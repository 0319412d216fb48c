/*
 * test_fn_crypto: Hugo's crypto and hash namespaces
 * (src/page_fn_crypto.c).  Expected outputs are what hugo 0.111.3
 * printed for the same template as layouts/index.html
 * (/tmp/fna-hugo/oracle.sh); crypto.Hash, hash.FNV32a and hash.XxHash,
 * which 0.111.3 lacks, follow current Hugo's documentation.
 */

#include "fn_case.h"


static const fn_case_t  crypto_cases[] = {
    { "{{ md5 \"Hello world\" }}|{{ sha1 \"Hello world\" }}|{{ sha2"
      "56 \"Hello world\" }}|{{ crypto.MD5 \"\" }}|{{ md5 123 }}|{{"
      " md5 1.5 }}|{{ md5 true }}", NULL,
      "3e25960a79dbc69b674cd4ec67a72c62|7b502c3a1f48c8609ae212c"
      "dfb639dee39673f5e|64ec88ca00b268e5ba1a35678a1b5316d212f4"
      "f366b2477232534a8aeca37f3c|d41d8cd98f00b204e9800998ecf84"
      "27e|202cb962ac59075b964b07152d234b70|6008647277c4454cecd"
      "97d33c069f0ca|b326b5062b2f0e69046810717534cb09",
      NULL, NULL, 0 },
    { "{{ crypto.FNV32a \"Hello world\" }}|{{ crypto.FNV32a \"Hugo"
      " Rocks!!\" }}|{{ crypto.FNV32a \"\" }}|{{ crypto.FNV32a 12 "
      "}}|{{ printf \"%T\" (crypto.FNV32a \"a\") }}", NULL,
      "1498229191|1515779328|2166136261|501951850|int",
      NULL, NULL, 0 },
    { "{{ hmac \"sha256\" \"Secret key\" \"Hello world, hugo\" }}|{{ "
      "hmac \"md5\" \"k\" \"m\" }}|{{ hmac \"sha1\" \"k\" \"m\" }}|{{ hmac "
      "\"sha512\" \"k\" \"m\" }}|{{ hmac \"sha256\" \"k\" \"m\" \"hex\" }}|{{"
      " hmac \"md5\" \"k\" \"m\" \"binary\" | base64Encode }}|{{ crypto"
      ".HMAC \"sha256\" 1 2 }}", NULL,
      "56c5b7aa9fb6e61fa9587699290af0d70d34a22bc8c13e413abd24f2"
      "45a857be|ed7e724d3a91554aaa2043041d9c5305|772b71c8a2997e"
      "768be01d9711e4a4f34a24ef33|94ec958658ae2d2e92ae742007904"
      "d439af3a5509156f6ad5bd0bab74868b4cbb7cbc817162b11e4aff59"
      "813415a730e9720fc5ff1d1015a1f7d1b67fb047d87|b60090e30522"
      "97aeb5a080889ce2fc4bca957e756faeb4df7d31800ca1e771ec|7X5"
      "yTTqRVUqqIEMEHZxTBQ==|1094216ce4732c56802e8e40f3f0bbfb13"
      "c56cac406069ac6146d0532a1b0d4c",
      NULL, NULL, 0 },
    { "{{ hmac \"sha384\" \"k\" \"m\" }}", NULL,
      NULL,
      "hmac: sha384 is not a supported hash function", NULL, 0 },
    { "{{ hmac \"md5\" \"k\" \"m\" \"base64\" }}", NULL,
      NULL,
      "\"base64\" is not a supported encoding method", NULL, 0 },
    { "{{ md5 (dict) }}", NULL,
      NULL,
      "unable to cast map[string]interface {}{} of type map[str"
      "ing]interface {} to string", NULL, 0 },
    { "{{ crypto.FNV32a (dict) }}", NULL,
      NULL,
      "unable to cast map[string]interface {}{} of type map[str"
      "ing]interface {} to string", NULL, 0 },
    { "{{ hmac \"md5\" \"k\" \"m\" nil }}", NULL,
      "ed7e724d3a91554aaa2043041d9c5305",
      NULL, NULL, 0 },
};


/* Current Hugo's documentation (gohugo.io/functions/hash, crypto). */
static const fn_case_t  doc_cases[] = {
    { "{{ hash.XxHash \"Hello world\" }}|{{ xxhash \"The quick brown fox "
      "jumps over the lazy dog\" }}", NULL,
      "c500b0c912b376d8|0b242d361fda71bc", NULL, NULL, 0 },
    { "{{ hash.FNV32a \"Hello world\" }}|{{ hash.FNV32a \"Hugo Rocks!!\" }}",
      NULL, "1498229191|1515779328", NULL, NULL, 0 },
    { "{{ crypto.Hash \"sha256\" \"Hello world\" }}", NULL,
      "64ec88ca00b268e5ba1a35678a1b5316d212f4f366b2477232534a8aeca37f3c",
      NULL, NULL, 0 },
    { "{{ \"Hello world\" | crypto.Hash \"sha512\" }}", NULL,
      "b7f783baed8297f0db917462184ff4f08e69c2d5e5f79a942600f9725f58ce1f"
      "29c18139bf80b06c0fff2bdd34738452ecf40c488c22a7e3d80cdf6f9c1c0d47",
      NULL, NULL, 0 },
    { "{{ \"Hello world\" | crypto.Hash }}", NULL,
      "64ec88ca00b268e5ba1a35678a1b5316d212f4f366b2477232534a8aeca37f3c",
      NULL, NULL, 0 },
    /* the SRI hash: printf 'Hello world' | openssl dgst -sha256 -binary
     * | base64 */
    { "{{ $algo := \"sha256\" }}{{ printf \"%s-%s\" $algo (\"Hello world\" "
      "| crypto.Hash $algo | encoding.HexDecode | encoding.Base64Encode) }}",
      NULL, "sha256-ZOyIygCyaOW6GjVnihtTFtIS9PNmskdyMlNKiuyjfzw=", NULL,
      NULL, 0 },
    { "{{ crypto.Hash \"sha3\" \"x\" }}", NULL, NULL,
      "crypto.Hash: \"sha3\" is not a supported hash algorithm", NULL, 0 },
};


int
main(void)
{
    fn_cases_run("crypto", crypto_cases, FN_NCASES(crypto_cases));
    fn_cases_run("crypto doc", doc_cases, FN_NCASES(doc_cases));
    return tap_done();
}
