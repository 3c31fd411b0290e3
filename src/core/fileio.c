/* Bounded whole-file reads. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "fileio.h"

int file_read(const char *path, size_t max, char **out, size_t *len, bool *missing,
              struct perr *e)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	char *text = NULL;
	size_t n = 0;
	struct stat st;
	*out = NULL;
	*len = 0;
	if (missing)
		*missing = false;
	if (fd < 0) {
		if (errno == ENOENT && missing) {
			*missing = true;
			return 0;
		}
		return PERR(e, PERR_INTERNAL, "%s: %s", path, strerror(errno));
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		PERR(e, PERR_INTERNAL, "%s: not a regular file", path);
		goto fail;
	}
	if ((unsigned long long)st.st_size > max) {
		PERR(e, PERR_INTERNAL, "%s: larger than %zu bytes", path, max);
		goto fail;
	}
	/* One byte more than allowed tells a file that grew while reading. */
	text = xmalloc(max + 1);
	for (;;) {
		ssize_t r = read(fd, text + n, max + 1 - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			PERR(e, PERR_INTERNAL, "%s: %s", path, strerror(errno));
			goto fail;
		}
		if (r == 0)
			break;
		n += (size_t)r;
		if (n > max) {
			PERR(e, PERR_INTERNAL, "%s: larger than %zu bytes", path, max);
			goto fail;
		}
	}
	close(fd);
	text[n] = '\0';
	*out = text;
	*len = n;
	return 0;
fail:
	free(text);
	close(fd);
	return -1;
}
