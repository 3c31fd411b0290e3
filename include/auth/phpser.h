/* A strict, bounded reader of PHP's serialize() format.
 *
 * Input is untrusted bytes with a length (never assumed NUL-terminated).
 * The result is a tree allocated in the caller's arena.  Every limit is
 * explicit: nesting depth, elements per array/object, total nodes; every
 * length and count read from the input is checked against the bytes that
 * remain before anything is allocated for it.
 *
 * Accepted: N;  b:0|1;  i:[+-]digits;  d:number|NAN|INF|-INF;
 *           s:LEN:"bytes";  a:N:{key value ...}  O:LEN:"Class":N:{key value ...}
 *           E:LEN:"Enum:Case";
 * Kept opaque (never resolved or interpreted): r:N; and R:N; references
 * (PHP_REF) and C:LEN:"Class":LEN:{bytes} custom objects (PHP_CUSTOM).
 * Rejected: S: escaped strings, anything else, trailing garbage. */
#ifndef PORTAL_PHPSER_H
#define PORTAL_PHPSER_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "perr.h"

enum php_type {
	PHP_NULL,
	PHP_BOOL,      /* i = 0 or 1 */
	PHP_INT,       /* i */
	PHP_DOUBLE,    /* d */
	PHP_STRING,    /* s, len */
	PHP_ARRAY,     /* n, items */
	PHP_OBJECT,    /* s, len = class name; n, items = properties */
	PHP_ENUM,      /* s, len = "Enum:Case" */
	PHP_REF,       /* i = referenced slot (r: or R:), never followed */
	PHP_CUSTOM,    /* s, len = class name; raw, rawlen = payload, not parsed */
	PHP__MAX
};

struct php_val;

struct php_item {
	struct php_val *key;   /* PHP_INT or PHP_STRING */
	struct php_val *val;
};

struct php_val {
	enum php_type     t;
	long long         i;
	double            d;
	const char       *s;       /* arena copy, NUL-terminated; may hold NULs */
	size_t            len;
	size_t            n;
	struct php_item  *items;
	const char       *raw;     /* PHP_CUSTOM payload (arena copy) */
	size_t            rawlen;
};

struct php_limits {
	unsigned max_depth;   /* nesting of arrays/objects */
	size_t   max_elems;   /* elements of one array or object */
	size_t   max_nodes;   /* values in the whole tree (keys included) */
	size_t   max_strlen;  /* bytes of one string */
};

/* Defaults: depth 16, 4096 elements, 65536 nodes, 1 MiB per string. */
extern const struct php_limits php_default_limits;

/* Parses one value at the start of [s, s+len).  When `used` is NULL the
 * value must span the whole input; otherwise *used receives the number of
 * bytes consumed.  `lim` NULL = php_default_limits.  Malformed input or a
 * limit hit: PERR_BAD_INPUT. */
int php_unserialize(const char *s, size_t len, const struct php_limits *lim,
                    struct arena *a, struct php_val **out, size_t *used,
                    struct perr *e);

/* Lookups in an array or object; NULL when absent or not a container. */
const struct php_val *php_get(const struct php_val *v, const char *key);
const struct php_val *php_at(const struct php_val *v, long long index);

/* True when v is a PHP_STRING equal to the NUL-terminated `s`. */
bool php_str_eq(const struct php_val *v, const char *s);
/* True when v is a PHP_OBJECT of exactly the class `cls`. */
bool php_is_object(const struct php_val *v, const char *cls);

const char *php_type_name(enum php_type t);

#endif
