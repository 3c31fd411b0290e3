/* One escaper per output context.  Each appends `s` (NULL = nothing) to
 * `b`, escaped for that context only. */
#ifndef PORTAL_ESCAPE_H
#define PORTAL_ESCAPE_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

/* HTML text, exactly as ClearSilver's html escape mode does it: & < > " '
 * become entities and CR is dropped. */
void esc_html(struct buf *b, const char *s);

/* An HTML attribute value in quotes: the text escaper covers it, as it
 * escapes both quote characters. */
static inline void esc_attr(struct buf *b, const char *s)
{
	esc_html(b, s);
}

/* XML text and attribute values inside SVG (& < > " '), dropping the
 * control characters XML 1.0 does not allow. */
void esc_svg(struct buf *b, const char *s);

/* A URL component (or an RFC 8187 value): RFC 3986 unreserved bytes and
 * those in `keep` (may be NULL) as they are, every other byte as %XX.
 * Stops before a byte once more than `limit` bytes were appended. */
void esc_url(struct buf *b, const char *s, const char *keep, size_t limit);

/* True when a spreadsheet would read text `s` as a formula: it starts with
 * a tab or a carriage return, or with = + - @ after any leading blanks. */
bool csv_needs_guard(const char *s);

/* One RFC 4180 field: quoted (inner quotes doubled) when it holds a comma,
 * a quote, CR or LF.  `text` marks data from the database: a formula-like
 * start gets a leading apostrophe (inside quotes). */
void csv_field(struct buf *b, const char *s, bool text);

#endif
