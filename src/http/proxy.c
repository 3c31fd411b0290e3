/* Headers of trusted reverse proxies (include/proxy.h).  A proxy appends to
 * X-Forwarded-For and Forwarded, so everything left of the entry our own
 * proxy wrote may be the client's invention: the walk goes right to left
 * and stops at the first address no trusted proxy stands for, and of the
 * scheme/host/port values the right-most (the nearest proxy's) is used. */
#include <arpa/inet.h>
#include <string.h>
#include <strings.h>

#include "proxy.h"

#define PROXY_MAX_HOST 255

bool proxy_trusted(const struct config *cfg, const char *addr)
{
	for (size_t i = 0; i < cfg->n_trusted_proxies; i++)
		if (cidr_match(&cfg->trusted_proxies[i], addr))
			return true;
	return false;
}

/* One chain entry as a plain address: blanks and quotes trimmed, "[v6]",
 * "[v6]:port" and "v4:port" reduced to the address.  NULL if it is none. */
static const char *entry_addr(const char *s, size_t n, struct arena *a)
{
	while (n && (*s == ' ' || *s == '\t' || *s == '"'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '"'))
		n--;
	if (n == 0 || n > 64)
		return NULL;
	if (s[0] == '[') {
		const char *close = memchr(s, ']', n);
		if (!close)
			return NULL;
		s++;
		n = (size_t)(close - s);
	} else {
		const char *colon = memchr(s, ':', n);
		if (colon && !memchr(colon + 1, ':', n - (size_t)(colon + 1 - s)) && memchr(s, '.', n))
			n = (size_t)(colon - s);   /* 192.0.2.1:4711 */
	}
	char *cand = arena_strndup(a, s, n);
	unsigned char tmp[16];
	if (inet_pton(AF_INET, cand, tmp) == 1 || inet_pton(AF_INET6, cand, tmp) == 1)
		return cand;
	return NULL;
}

const char *proxy_client_addr(const struct config *cfg, const char *remote, const char *chain,
                              struct arena *a)
{
	if (!remote || !*remote)
		return "unknown";
	if (!chain || !proxy_trusted(cfg, remote))
		return remote;
	const char *client = remote;
	size_t end = strlen(chain);
	for (int hops = 0; hops < PROXY_MAX_HOPS && end > 0; hops++) {
		size_t start = end;
		while (start > 0 && chain[start - 1] != ',')
			start--;
		size_t n = end - start;
		const char *s = chain + start;
		end = start ? start - 1 : 0;
		if (strspn(s, " \t") >= n)
			continue;          /* an empty entry ("a, , b" or a blank line) */
		const char *addr = entry_addr(s, n, a);
		if (!addr)
			return client;     /* garbage: the hop that passed it on is the client */
		client = addr;
		if (!proxy_trusted(cfg, addr))
			return addr;
		if (start == 0)
			break;
	}
	return client;
}

/* Calls fn for each "name=value" pair of a Forwarded header, with the
 * index of its element (elements are separated by commas, pairs by ';'). */
struct fwd_pair {
	const char *name, *value;
	size_t      nlen, vlen;
	int         element;
};

static size_t fwd_pairs(const char *h, struct fwd_pair *out, size_t max)
{
	size_t np = 0;
	int element = 0;
	const char *p = h;
	while (*p && np < max) {
		while (*p == ' ' || *p == '\t' || *p == ';')
			p++;
		if (*p == ',') {
			element++;
			p++;
			continue;
		}
		if (!*p)
			break;
		const char *name = p;
		while (*p && *p != '=' && *p != ';' && *p != ',')
			p++;
		if (*p != '=')
			continue;
		size_t nlen = (size_t)(p - name);
		p++;
		const char *value = p;
		size_t vlen;
		if (*p == '"') {
			value = ++p;
			while (*p && *p != '"') {
				if (*p == '\\' && p[1])
					p++;
				p++;
			}
			vlen = (size_t)(p - value);
			if (*p == '"')
				p++;
		} else {
			while (*p && *p != ';' && *p != ',' && *p != ' ' && *p != '\t')
				p++;
			vlen = (size_t)(p - value);
		}
		while (nlen && (name[nlen - 1] == ' ' || name[nlen - 1] == '\t'))
			nlen--;
		out[np++] = (struct fwd_pair){name, value, nlen, vlen, element};
	}
	return np;
}

#define FWD_MAX_PAIRS 64

const char *proxy_forwarded_for(const char *forwarded, struct arena *a)
{
	if (!forwarded)
		return NULL;
	struct fwd_pair pv[FWD_MAX_PAIRS];
	size_t np = fwd_pairs(forwarded, pv, FWD_MAX_PAIRS);
	struct buf b;
	const char *res = NULL;
	buf_init(&b);
	for (size_t i = 0; i < np; i++) {
		if (pv[i].nlen != 3 || strncasecmp(pv[i].name, "for", 3) != 0)
			continue;
		if (b.len)
			buf_puts(&b, ",");
		/* "unknown" and obfuscated names are no address: they stop the walk. */
		buf_printf(&b, "%.*s", (int)(pv[i].vlen > 80 ? 80 : pv[i].vlen), pv[i].value);
	}
	if (b.len)
		res = arena_strndup(a, b.data, b.len);
	buf_free(&b);
	return res;
}

/* The right-most comma-separated value of a header, trimmed. */
static const char *last_value(const char *h, size_t *n)
{
	const char *comma = strrchr(h, ',');
	const char *s = comma ? comma + 1 : h;
	while (*s == ' ' || *s == '\t')
		s++;
	size_t len = strlen(s);
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	*n = len;
	return s;
}

static int parse_proto(const char *s, size_t n)
{
	if (n == 5 && strncasecmp(s, "https", 5) == 0)
		return 1;
	if (n == 4 && strncasecmp(s, "http", 4) == 0)
		return 0;
	return -1;
}

static unsigned parse_port(const char *s, size_t n)
{
	if (n < 1 || n > 5 || strspn(s, "0123456789") < n)
		return 0;
	unsigned v = 0;
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (unsigned)(s[i] - '0');
	return v <= 65535 ? v : 0;
}

/* "example.com", "example.com:8443", "[2001:db8::1]:443" -> host and port. */
static void parse_host(const char *s, size_t n, struct arena *a, struct proxy_origin *o)
{
	if (n == 0 || n > PROXY_MAX_HOST)
		return;
	size_t hlen = n;
	const char *port = NULL;
	if (s[0] == '[') {
		const char *close = memchr(s, ']', n);
		if (!close)
			return;
		hlen = (size_t)(close - s) + 1;
		if (hlen < n) {
			if (s[hlen] != ':')
				return;
			port = s + hlen + 1;
		}
		for (size_t i = 1; i + 1 < hlen; i++)
			if (!strchr("0123456789abcdefABCDEF:.", s[i]))
				return;
	} else {
		const char *colon = memchr(s, ':', n);
		if (colon) {
			hlen = (size_t)(colon - s);
			port = colon + 1;
		}
		if (!hostname_valid(s, hlen, PROXY_MAX_HOST))
			return;
	}
	unsigned p = 0;
	if (port && !(p = parse_port(port, (size_t)(s + n - port))))
		return;
	o->host = arena_strndup(a, s, hlen);
	if (p)
		o->port = p;
}

void proxy_origin(const char *forwarded, const char *xf_proto, const char *xf_host,
                  const char *xf_port, struct arena *a, struct proxy_origin *out)
{
	*out = (struct proxy_origin){.https = -1};
	size_t n;
	const char *v;
	/* Forwarded (RFC 7239) first: the last element's proto= and host=. */
	if (forwarded) {
		struct fwd_pair pv[FWD_MAX_PAIRS];
		size_t np = fwd_pairs(forwarded, pv, FWD_MAX_PAIRS);
		int last = np ? pv[np - 1].element : 0;
		for (size_t i = 0; i < np; i++) {
			if (pv[i].element != last)
				continue;
			if (pv[i].nlen == 5 && strncasecmp(pv[i].name, "proto", 5) == 0)
				out->https = parse_proto(pv[i].value, pv[i].vlen);
			else if (pv[i].nlen == 4 && strncasecmp(pv[i].name, "host", 4) == 0)
				parse_host(pv[i].value, pv[i].vlen, a, out);
		}
	}
	if (out->https < 0 && xf_proto) {
		v = last_value(xf_proto, &n);
		out->https = parse_proto(v, n);
	}
	if (!out->host && xf_host) {
		v = last_value(xf_host, &n);
		parse_host(v, n, a, out);
	}
	if (xf_port) {
		v = last_value(xf_port, &n);
		unsigned p = parse_port(v, n);
		if (p)
			out->port = p;
	}
}
