/*
 * test_fn_collections: Hugo's collections namespace (page_fn_collections*.c)
 * through the template engine.  Expected values are what hugo 0.111.3
 * printed for the same expressions (a site under /tmp whose
 * layouts/index.html prints them; html/template escaping included), or,
 * where 0.111.3 lacks a function or differs from current Hugo, what
 * Hugo's documentation and current source say (noted at the case).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tpl_case.h"


static void
test_apply(void)
{
    T("{{ apply (slice \"a\" \"b\" \"c\") \"upper\" \".\" }}", "[A B C]");
    T("{{ apply (slice \"x\" \"y\") \"strings.Repeat\" 2 \".\" }}",
      "[xx yy]");
    T("{{ apply (slice 1 2 3) \"add\" \".\" 10 }}", "[11 12 13]");
    T("{{ apply (slice \"a b\" \"c\") \"printf\" \"%q\" \".\" }}",
      "[&#34;a b&#34; &#34;c&#34;]");
    T("{{ apply nil \"upper\" \".\" }}", "[]");
    T("{{ apply (slice 2 3) \"seq\" \".\" }}", "[[1 2] [1 2 3]]");
    /* hugo fails too, with Go's runtime words */
    TERR("{{ apply (slice \"a\") \"lower\" }}", "wrong number of args for "
         "lower");
    /* Hugo's words (tpl/collections/apply.go) */
    TERR("{{ apply (slice 1) \"apply\" \".\" }}",
         "can't apply myself (no turtles allowed)");
    TERR("{{ apply (slice 1) \"nosuch\" \".\" }}",
         "can't find function nosuch");
    TERR("{{ apply (dict \"a\" 1) \"upper\" \".\" }}",
         "can't apply over map[a:1]");
}


static void
test_new(void)
{
    /* hugo prints "tags: [a b]" (KeyValues' String); ours is a map */
    T("{{ keyVals \"tags\" \"a\" \"b\" }}",
      "map[Key:tags KeyString:tags Values:[a b]]");
    T("{{ (keyVals \"tags\" \"a\" \"b\").Key }} "
      "{{ (keyVals \"tags\" \"a\" \"b\").Values }}", "tags [a b]");

    T("{{ symdiff (slice 1 2 3) (slice 3 4) }}", "[4 1 2]");
    T("{{ slice 1 2 3 | symdiff (slice 3 4 4) }}", "[1 2 4 4]");
    T("{{ symdiff (slice \"a\" \"b\") (slice \"b\" 1) }}", "[1 a]");
    TERR("{{ symdiff 1 (slice 1) }}",
         "arguments to symdiff must be slices or arrays");

    T("{{ $sc := newScratch }}{{ $sc.Set \"a\" 1 }}{{ $sc.Add \"a\" 2 }}"
      "{{ $sc.Add \"l\" (slice 1) }}{{ $sc.Add \"l\" 2 }}"
      "{{ $sc.Add \"s\" \"x\" }}{{ $sc.Add \"s\" \"y\" }}"
      "{{ $sc.Get \"a\" }} {{ $sc.Get \"l\" }} {{ $sc.Get \"s\" }} "
      "{{ $sc.Get \"none\" }}"
      "{{ $sc.SetInMap \"m\" \"b\" 2 }}{{ $sc.SetInMap \"m\" \"a\" 1 }}"
      "{{ $sc.SetInMap \"m\" \"c\" 3 }}{{ $sc.DeleteInMap \"m\" \"c\" }}"
      "|{{ $sc.GetSortedMapValues \"m\" }} {{ $sc.Get \"m\" }} "
      "{{ $sc.GetSortedMapValues \"zz\" }}"
      "{{ $sc.Delete \"a\" }}|{{ $sc.Values }}"
      "{{ $sc.Set \"f\" 1.5 }}{{ $sc.Add \"f\" 1 }}|{{ $sc.Get \"f\" }}",
      "3 [1 2] xy |[1 2] map[a:1 b:2] |map[l:[1 2] m:map[a:1 b:2] s:xy]"
      "|2.5");
    T("{{ $a := newScratch }}{{ $b := newScratch }}{{ $a.Set \"x\" 1 }}"
      "[{{ $b.Get \"x\" }}]", "[]");

    T("{{ len (shuffle (seq 10)) }} {{ sort (shuffle (slice 3 1 2)) }}",
      "10 [1 2 3]");
    TERR("{{ shuffle nil }}", "both count and seq must be provided");
    TERR("{{ shuffle 3 }}", "can't iterate over int");

    /* Hugo's collections.Group groups pages only (page collections are
     * the sites issue's) */
    TERR("{{ group \"k\" (slice 1) }}", "grouping not supported for type");
    TERR("{{ group nil (slice 1) }}", "nil is not a valid key to group by");
}


/*
 * collections.D is new in Hugo 0.149.0: its documented examples
 * (gohugo.io/functions/collections/d); math/rand/v2's PCG seeded
 * (SEED, 0) and Vitter's method D as Hugo runs them.
 */
static void
test_d(void)
{
    T("{{ collections.D 6 7 42 }}", "[4 9 10 20 22 24 41]");
    T("{{ collections.D 2 7 42 }}", "[3 11 19 25 32 33 38]");
    T("{{ collections.D 6 42 7 }}", "[0 1 2 3 4 5 6]");
    T("{{ collections.D 6 0 7 }}|{{ collections.D 6 3 0 }}", "[]|[]");
    TERR("{{ collections.D -1 3 7 }}",
         "the seed value (-1) must be a non-negative integer");
    TERR("{{ collections.D 1 -3 7 }}", "the number of requested values (-3) "
         "must be a non-negative integer <= 1000000");
    TERR("{{ collections.D 1 3 1000001 }}", "the maximum requested value "
         "(1000001) must be a non-negative integer <= 1000000");
}


#define W3  "(slice (dict \"a\" \"foo\") (dict \"a\" \"bar\") (dict \"b\" 1))"
#define W15 "(slice (dict \"a\" 1) (dict \"a\" 5))"

static void
test_where(void)
{
    T("{{ where (slice (dict \"a\" 1) (dict \"a\" 2) (dict \"a\" 3)) \"a\" "
      "\">=\" 2 }}", "[map[a:2] map[a:3]]");
    T("{{ where (slice (dict \"a\" 1) (dict \"a\" 2.0) (dict \"a\" \"2\")) "
      "\"a\" 2 }}", "[map[a:2]]");
    T("{{ where " W3 " \"a\" \"!=\" \"foo\" }}", "[map[a:bar] map[b:1]]");
    T("{{ where " W3 " \"a\" \"in\" (slice \"bar\" \"baz\") }}",
      "[map[a:bar]]");
    T("{{ where " W3 " \"a\" \"not in\" (slice \"bar\") }}", "[map[a:foo]]");
    /* like is new in Hugo 0.116: its documentation */
    T("{{ where " W3 " \"a\" \"like\" \"^f\" }}", "[map[a:foo]]");
    TERR("{{ where " W3 " \"a\" \"like\" \"(\" }}", "error parsing regexp");
    T("{{ where (slice (dict \"t\" (slice \"x\" \"y\")) "
      "(dict \"t\" (slice \"z\"))) \"t\" \"intersect\" (slice \"y\" \"q\") }}",
      "[map[t:[x y]]]");
    T("{{ where (slice (dict \"p\" (dict \"x\" 1)) "
      "(dict \"p\" (dict \"x\" 2))) \".p.x\" \"gt\" 1 }}",
      "[map[p:map[x:2]]]");
    T("{{ where (slice (dict \"p\" (dict \"x\" 1)) "
      "(dict \"p\" (dict \"x\" 2))) \"p.x\" 1 }}", "[map[p:map[x:1]]]");
    /* a map: its values that are lists with a match are kept */
    T("{{ where (dict \"k1\" (dict \"a\" 1) \"k2\" (dict \"a\" 2)) \"a\" 2 }}",
      "map[]");
    T("{{ where (dict \"k1\" (slice (dict \"a\" 1)) \"k2\" "
      "(slice (dict \"a\" 2))) \"a\" 2 }}", "map[k2:[map[a:2]]]");
    T("{{ where (slice (dict \"a\" 1) (dict \"a\" nil) (dict \"b\" 2)) \"a\" "
      "nil }}", "[map[a:&lt;nil&gt;] map[b:2]]");
    T("{{ where (slice (dict \"a\" 1) (dict \"a\" nil) (dict \"b\" 2)) \"a\" "
      "\"ne\" nil }}", "[map[a:1]]");
    T("{{ where (slice (dict \"a\" true) (dict \"a\" false)) \"a\" true }}",
      "[map[a:true]]");
    T("{{ where (slice (dict \"a\" \"b\") (dict \"a\" \"c\")) \"a\" \"<\" "
      "\"c\" }}", "[map[a:b]]");
    T("{{ where (slice (dict \"a\" \"foo\")) \"a\" \"in\" \"xfoox\" }}",
      "[map[a:foo]]");
    T("{{ where (slice (dict \"a\" 3)) \"a\" \" GT \" 2 }}", "[map[a:3]]");
    T("{{ where (slice 1 2 3) \"a\" 1 }}", "[]");
    T("{{ where " W15 " \"a\" \"<>\" 1 }}", "[map[a:5]]");
    T("{{ where " W15 " \"a\" \"le\" 1 }} {{ where " W15 " \"a\" \"lt\" 5 }} "
      "{{ where " W15 " \"a\" \"==\" 5 }} {{ where " W15 " \"a\" \"=\" 5 }} "
      "{{ where " W15 " \"a\" \"eq\" 5 }}",
      "[map[a:1]] [map[a:1]] [map[a:5]] [map[a:5]] [map[a:5]]");
    T("{{ where " W15 " \"a\" \"in\" (slice 5 6) }} "
      "{{ where (slice (dict \"a\" 1.5) (dict \"a\" 5)) \"a\" \"in\" "
      "(slice 1.5) }}", "[map[a:5]] [map[a:1.5]]");
    TERR("{{ where " W15 " \"a\" \"~\" 1 }}", "no such operator");
    T("{{ where (slice (dict \"a\" (time.AsTime \"2023-01-02\")) "
      "(dict \"a\" (time.AsTime \"2022-01-01\"))) \"a\" \">\" "
      "(time.AsTime \"2022-06-01\") }}",
      "[map[a:2023-01-02 00:00:00 &#43;0000 UTC]]");
    /* hugo's slice of strings is a []string: an int is not in it */
    T("{{ where (slice (dict \"a\" \"2\")) \"a\" 2 }}|"
      "{{ where (slice (dict \"a\" 2)) \"a\" \"in\" (slice \"2\" \"3\") }}|"
      "{{ where (slice (dict \"a\" \"x\")) \"a\" \"in\" (slice 1 \"x\") }}",
      "[]|[]|[map[a:x]]");
    /* 0.111.3 printed [] for "not in" an empty list; current Hugo keeps
     * the element (where.go) */
    T("{{ where (slice (dict \"a\" (slice 1 2))) \"a\" \"in\" (slice 1) }}|"
      "{{ where (slice (dict \"a\" 1)) \"a\" \"not in\" (slice) }}|"
      "{{ where (slice (dict \"a\" 1)) \"a\" \"not in\" (slice \"q\") }}",
      "[]|[map[a:1]]|[]");
    TERR("{{ where " W15 " \"a\" 1 \"b\" }}", "operator argument must be "
         "string type");
}


static void
test_sort(void)
{
    T("{{ sort (slice 3 1 2) }} {{ sort (slice 3 1 2) \"value\" \"desc\" }}",
      "[1 2 3] [3 2 1]");
    /* a map: its values in the order of its keys, or of the values */
    T("{{ sort (dict \"b\" 1 \"a\" 3 \"c\" 2) }} "
      "{{ sort (dict \"b\" 1 \"a\" 3 \"c\" 2) \"value\" \"desc\" }}",
      "[3 1 2] [3 2 1]");
    T("{{ sort (slice (dict \"n\" 2) (dict \"n\" 1)) \"n\" }} "
      "{{ sort (slice (dict \"n\" 2) (dict \"n\" 1)) \"n\" \"desc\" }}",
      "[map[n:1] map[n:2]] [map[n:2] map[n:1]]");
    T("{{ sort (dict \"x\" (dict \"n\" 2) \"y\" (dict \"n\" 1)) \"n\" }}",
      "[map[n:1] map[n:2]]");
    /* 0.111.3 printed [a b B 9 10]: it read numeric strings as numbers;
     * current Hugo compares two strings with the language's collator */
    T("{{ sort (slice \"b\" \"B\" \"a\" \"10\" \"9\") }}", "[10 9 a b B]");
    T("{{ sort (slice 2.5 1 \"x\") }}", "[x 1 2.5]");
    T("{{ sort (slice \"é\" \"f\" \"e\") }}", "[e é f]");
    /* the collator's order: spaces, punctuation, symbols, digits, then
     * letters, accents before case (as hugo 0.111.3 sorts them) */
    T("{{ printf \"%q\" (sort (slice \"~\" \"_\" \"-\" \",\" \";\" "
      "\":\" \"!\" "
      "\"?\" \".\" \"x\" \"(\" \")\" \"[\" \"]\" \"{\" \"}\" \"@\" "
      "\"*\" \"/\" \"&\" "
      "\"#\" \"%\" \"^\" \"+\" \"<\" \"=\" \">\" \"|\" \"$\" \"a\" "
      "\"A\" \"b\" "
      "\" \" \"é\" \"E\" \"e\" \"z\" \"ß\" \"ü\" \"u\" \"v\" \"Ab\""
      " \"ab\" \"aB\" "
      "\"a b\" \"a-b\" \"ab1\")) | safeHTML }}",
      "[\" \" \"_\" \"-\" \",\" \";\" \":\" \"!\" \"?\" \".\" \"(\""
      " \")\" \"[\" \"]\" "
      "\"{\" \"}\" \"@\" \"*\" \"/\" \"&\" \"#\" \"%\" \"^\" \"+\" "
      "\"<\" \"=\" "
      "\">\" \"|\" \"~\" \"$\" \"a\" \"A\" \"a b\" \"a-b\" \"ab\" "
      "\"aB\" \"Ab\" "
      "\"ab1\" \"b\" \"e\" \"E\" \"é\" \"ß\" \"u\" \"ü\" "
      "\"v\" \"x\" \"z\"]");
    T("{{ printf \"%q\" (sort (slice \"a\\\"\" \"a'\" \"a`\" \"a\\"
      "\\\" \"a\")) "
      "| safeHTML }}", "[\"a\" \"a'\" \"a\\\"\" \"a\\\\\" \"a`\"]");
    T("{{ sort (slice (dict \"a\" 2) (dict \"b\" 1)) \"a\" }}|"
      "{{ sort (slice 3 nil 1) }}", "[map[b:1] map[a:2]]|[&lt;nil&gt; 1 3]");
    T("{{ sort (slice (dict \"n\" \"b\") (dict \"n\" \"a\")) \".n\" "
      "\"desc\" }}|{{ sort (slice 1 2) \"value\" \"DESC\" }}|"
      "{{ sort (slice 1 2) \"value\" \"asc\" }}",
      "[map[n:b] map[n:a]]|[1 2]|[1 2]");
    TERR("{{ sort 3 }}", "can't sort int");
    TERR("{{ sort nil }}", "sequence must be provided");
}


static void
test_audit(void)
{
    T("{{ first 2 \"hello\" }} {{ last 2 \"hello\" }} {{ after 2 \"hello\" }} "
      "{{ first 10 (slice 1 2) }} {{ after 5 (slice 1 2) }} "
      "{{ first 0 (slice 1 2) }}", "he lo llo [1 2] [] []");
    TERR("{{ first -1 (slice 1) }}", "sequence length must be non-negative");
    TERR("{{ after -1 (slice 1) }}", "sequence bounds out of range [-1:]");
    TERR("{{ first 1 nil }}", "both limit and seq must be provided");
    TERR("{{ first 1 3 }}", "can't iterate over int");
    T("{{ uniq (slice 1 2 1 \"1\" 2.0) }}", "[1 2 1]");
    T("{{ union (slice 1 2) (slice 2 3) }} {{ union (slice 1 2) nil }}",
      "[1 2 3] [1 2]");
    /* hugo prints []: its slice makes a []string and an []int, which
     * union refuses to mix; our lists are all []interface {} */
    T("{{ union (slice \"a\") (slice 1) }}", "[a 1]");
    T("{{ intersect (slice 1 2 3) (slice 3 2 \"2\") }} "
      "{{ intersect (slice \"a\" \"b\") (slice \"b\") }}", "[2 3] [b]");
    T("{{ complement (slice 1 2) (slice 2 3) (slice 1 2 3 4 5) }}", "[4 5]");
    T("{{ append 3 (slice 1 2) }} {{ append (slice 3 4) (slice 1 2) }} "
      "{{ append (slice (slice 3 4)) (slice (slice 1 2)) }} "
      "{{ append \"c\" (slice \"a\" \"b\") }}",
      "[1 2 3] [1 2 3 4] [[1 2] [3 4]] [a b c]");
    T("{{ append 1 2 (slice \"a\") }}", "[a 1 2]");
    T("{{ merge (dict \"a\" 1 \"B\" (dict \"x\" 1)) "
      "(dict \"b\" (dict \"y\" 2) \"c\" 3) }}",
      "map[B:map[x:1 y:2] a:1 b:map[y:2] c:3]");
    T("{{ merge (dict \"a\" 1) (dict \"a\" 2) (dict \"a\" 3 \"d\" 4) }}",
      "map[a:3 d:4]");
    T("{{ merge (dict \"Key\" 1) (dict \"kEY\" 2) }}", "map[kEY:2]");
    T("{{ slice }} {{ slice 1 \"a\" }}", "[] [1 a]");
    T("{{ seq 3 }} {{ seq -3 }} {{ seq 1 3 }} {{ seq 3 1 }} {{ seq 1 2 6 }} "
      "{{ seq 6 -2 1 }} {{ seq 0 }} {{ seq 1 -2 }}",
      "[1 2 3] [-1 -2 -3] [1 2 3] [3 2 1] [1 3 5] [6 4 2] [] [1 0 -1 -2]");
    TERR("{{ seq 1 0 3 }}", "'increment' must not be 0");
    TERR("{{ seq 1 -1 3 }}", "'increment' must be > 0");
    TERR("{{ seq 3 1 1 }}", "'increment' must be < 0");
    /* 0.111.3 refused more than 2000; current Hugo's limit is 10^6 */
    T("{{ len (seq 2001) }}", "2001");
    TERR("{{ seq 1000001 }}", "size of result exceeds limit");
    T("{{ querify \"b\" 2 \"a\" \"x y\" }} "
      "{{ querify (slice \"c\" \"3\" \"a\" \"1\") }}",
      "a=x&#43;y&amp;b=2 a=1&amp;c=3");
    /* a map is new in current Hugo (its querify.go) */
    T("{{ querify (dict \"z\" 1 \"a\" \"&\") }}", "a=%26&amp;z=1");
    TERR("{{ querify \"a\" }}", "expected a map, a slice with an even number "
         "of elements, or an even number of scalar values, and each key "
         "must be a string");
    T("{{ index (slice 1 2 3) 1 }} [{{ index (slice 1 2 3) 5 }}] "
      "{{ index (dict \"a\" (dict \"b\" 7)) \"a\" \"b\" }} "
      "{{ index (dict \"a\" (slice 5 6)) \"a\" 1 }} "
      "{{ index (dict \"a\" (dict \"b\" 7)) (slice \"a\" \"b\") }} "
      "[{{ index (dict \"a\" 1) \"z\" }}]", "2 [] 7 6 7 []");
    T("{{ isset (dict \"a\" 1) \"a\" }} {{ isset (dict \"a\" 1) \"b\" }} "
      "{{ isset (slice 1 2) 1 }} {{ isset (slice 1 2) 2 }} "
      "{{ isset (dict \"a\" nil) \"a\" }}", "true false true false true");
    T("{{ in (slice 1 2) 2 }} {{ in (slice 1 2) \"2\" }} "
      "{{ in \"hello\" \"ell\" }} {{ in (slice \"a\") \"a\" }} "
      "{{ in (slice 1.0) 1 }}", "true false true true true");
    T("{{ dict (slice \"a\" \"b\") 1 \"c\" 2 }} "
      "{{ dict \"x\" 1 (slice \"x2\" \"y\") 2 }}",
      "map[a:map[b:1] c:2] map[x:1 x2:map[y:2]]");
    TERR("{{ dict 1 2 }}", "invalid dictionary key");
    TERR("{{ dict \"a\" }}", "invalid dictionary call");
    /* jsonify gives template.HTML: not escaped again */
    T("{{ jsonify (dict \"b\" \"<x>\" \"a\" (slice 1 2.5 true nil)) }}",
      "{\"a\":[1,2.5,true,null],\"b\":\"\\u003cx\\u003e\"}");
    T("{{ delimit (dict \"b\" 2 \"a\" 1 \"c\" 3) \", \" \" and \" }} "
      "{{ delimit (slice 1 2 3) \"-\" }} "
      "{{ delimit (slice \"a\" \"b\") \", \" \" and \" }}",
      "1, 2 and 3 1-2-3 a and b");
    T("{{ collections.Reverse (slice 1 2 3) }} "
      "{{ collections.Reverse (slice) }}",
      "[3 2 1] []");
    TERR("{{ collections.Reverse 3 }}", "argument must be a slice");

    /* bad N, odd containers */
    TERR("{{ first \"a\" (slice 1) }}", "unable to cast \"a\" of type string");
    T("{{ first 1.5 (slice 1 2) }}|{{ last \"1\" (slice 1 2) }}|"
      "{{ after 1.9 \"abc\" }}|{{ first 2 (slice) }}|{{ last 0 \"abc\" }}",
      "[1]|[2]|bc|[]|");
    TERR("{{ first 1 (dict \"a\" 1) }}",
         "can't iterate over map[string]interface {}");
    TERR("{{ after 1 nil }}", "both limit and seq must be provided");
    T("[{{ index (slice 1 2) -1 }}][{{ index (slice (slice 1 2)) 0 5 }}]",
      "[][]");
    TERR("{{ index (dict \"a\" 1) 1 }}", "value has type int; should be "
         "string");
    TERR("{{ index (slice 1 2) \"x\" }}",
         "cannot index slice/array with type string");
    T("{{ isset (slice 1 2) \"1\" }}|{{ isset (dict \"a\" 1) 1 }}|"
      "{{ isset nil \"a\" }}", "true|false|false");
    T("{{ in nil 1 }}|{{ in (slice 1) nil }}|{{ in 123 2 }}|"
      "{{ in (slice (slice 1)) (slice 1) }}", "false|false|true|true");
    T("{{ append (slice \"a\") (slice 1) }}|"
      "{{ append (slice 1) (slice \"a\") }}|{{ append \"x\" nil }}",
      "[1 a]|[a 1]|[x]");
    T("{{ uniq (slice (slice 1) (slice 1)) }}", "[[1]]");
    TERR("{{ intersect (slice (dict \"a\" 1)) (slice (dict \"a\" 1)) }}",
         "intersect does not support slices or arrays of uncomparable "
         "types");
    T("{{ union (slice 1 2 2) (slice 3 3) }}|{{ union nil nil }}|"
      "{{ union nil (slice 1) }}", "[1 2 3]|[]|[1]");
    TERR("{{ complement (slice 1) }}", "complement needs at least two "
         "arguments");
    TERR("{{ merge (dict \"a\" 1) }}", "merge requires at least two "
         "parameters");
    T("{{ querify }}|{{ querify \"a\" 1 \"a\" 2 }}|"
      "{{ querify \"k\" (slice 1 2) }}", "|a=1&amp;a=2|k=%5B1&#43;2%5D");
    TERR("{{ querify 1 2 }}", "expected a map, a slice with an even number");
    TERR("{{ delimit nil \",\" }}", "can't iterate over <nil>");
    /* a string is iterated as its bytes */
    T("{{ delimit (slice 1 2) 3 }}|{{ delimit \"abc\" \",\" }}",
      "132|97,98,99");
    TERR("{{ seq \"a\" }}", "invalid arguments to Seq");
    TERR("{{ seq 1 2 3 4 }}", "invalid number of arguments to Seq");
    T("{{ seq 2.7 }}|{{ seq \"3\" }}|{{ seq -1 }}", "[1 2]|[1 2 3]|[-1]");
}


int
main(void)
{
    page_arena_init(&conf, 0);
    page_arena_init(&req, 0);

    test_apply();
    test_new();
    test_d();
    test_where();
    test_sort();
    test_audit();

    page_arena_free(&conf);
    page_arena_free(&req);
    return tap_done();
}
