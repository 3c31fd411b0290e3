/* Static assets served from memory with versioned names. */
#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <nettle/sha2.h>
#include <zlib.h>

#include "arena.h"
#include "assets.h"
#include "fileio.h"

#define ASSETS_MAX       32
#define ASSET_MAX_BYTES  (1024 * 1024)

static struct asset assets[ASSETS_MAX];
static size_t nassets;

static const struct {
	const char *ext;
	const char *type;
	bool        text;      /* worth compressing */
} types[] = {
	{".css", "text/css; charset=utf-8", true},
	{".js", "text/javascript; charset=utf-8", true},
	{".svg", "image/svg+xml", true},
	{".png", "image/png", false},
	{".ico", "image/x-icon", false},
	{".woff2", "font/woff2", false},
};

static int type_index(const char *name)
{
	const char *dot = strrchr(name, '.');
	for (size_t i = 0; dot && i < sizeof(types) / sizeof(types[0]); i++)
		if (strcmp(dot, types[i].ext) == 0)
			return (int)i;
	return -1;
}

/* gzip of data[0..n) at the best level (once per file, at start-up), or
 * NULL when that is not smaller. */
static char *gzip_of(const char *data, size_t n, size_t *out_len)
{
	z_stream z = {0};
	if (deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK)
		return NULL;
	size_t cap = deflateBound(&z, (uLong)n);
	char *out = xmalloc(cap);
	z.next_in = (Bytef *)data;
	z.avail_in = (uInt)n;
	z.next_out = (Bytef *)out;
	z.avail_out = (uInt)cap;
	int rc = deflate(&z, Z_FINISH);
	*out_len = z.total_out;
	deflateEnd(&z);
	if (rc != Z_STREAM_END || *out_len >= n) {
		free(out);
		return NULL;
	}
	return out;
}

static int load(const char *dir, const char *name, struct perr *e)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	char *data = NULL;
	size_t n = 0;
	if (file_read(path, ASSET_MAX_BYTES, &data, &n, NULL, e))
		return -1;
	/* The version is a digest of the content: a changed file gets a new
	 * URL, so a year-long cache lifetime is safe. */
	struct sha256_ctx ctx;
	unsigned char digest[SHA256_DIGEST_SIZE];
	sha256_init(&ctx);
	sha256_update(&ctx, n, (const unsigned char *)data);
	sha256_digest(&ctx, sizeof(digest), digest);
	const char *dot = strrchr(name, '.');
	size_t stem = (size_t)(dot - name);
	struct asset *a = &assets[nassets++];
	a->name = xstrdup(name);
	a->versioned = xmalloc(strlen(name) + 10);
	snprintf(a->versioned, strlen(name) + 10, "%.*s.%02x%02x%02x%02x%s", (int)stem, name,
	         digest[0], digest[1], digest[2], digest[3], dot);
	a->url = xmalloc(strlen(a->versioned) + 32);
	snprintf(a->url, strlen(a->versioned) + 32, "/customer-portal/static/%s", a->versioned);
	int t = type_index(name);
	a->type = types[t].type;
	a->data = data;
	a->len = n;
	a->gz = types[t].text ? gzip_of(data, n, &a->gz_len) : NULL;
	return 0;
}

int assets_init(const char *dir, struct perr *e)
{
	DIR *d = opendir(dir);
	if (!d)
		return PERR(e, PERR_INTERNAL, "static directory %s: %s", dir, strerror(errno));
	struct dirent *de;
	int rc = 0;
	while ((de = readdir(d)) && rc == 0) {
		if (de->d_name[0] == '.' || type_index(de->d_name) < 0)
			continue;
		if (nassets == ASSETS_MAX)
			rc = PERR(e, PERR_INTERNAL, "too many files in %s", dir);
		else
			rc = load(dir, de->d_name, e);
	}
	closedir(d);
	return rc;
}

void assets_free(void)
{
	for (size_t i = 0; i < nassets; i++) {
		free(assets[i].name);
		free(assets[i].versioned);
		free(assets[i].url);
		free(assets[i].data);
		free(assets[i].gz);
	}
	nassets = 0;
}

const struct asset *asset_find(const char *name, int *versioned)
{
	for (size_t i = 0; i < nassets; i++) {
		if (strcmp(assets[i].versioned, name) == 0) {
			*versioned = 1;
			return &assets[i];
		}
		if (strcmp(assets[i].name, name) == 0) {
			*versioned = 0;
			return &assets[i];
		}
	}
	return NULL;
}

size_t assets_count(void)
{
	return nassets;
}

const struct asset *asset_at(size_t i)
{
	return i < nassets ? &assets[i] : NULL;
}
