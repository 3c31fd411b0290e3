/* One escaper per output context (escape.h). */
#include <string.h>

#include "escape.h"

void esc_html(struct buf *b, const char *s)
{
	if (!s)
		return;
	while (*s) {
		size_t n = strcspn(s, "&<>\"'\r");
		buf_put(b, s, n);
		s += n;
		switch (*s) {
		case '\0': return;
		case '&':  buf_put(b, "&amp;", 5);  break;
		case '<':  buf_put(b, "&lt;", 4);   break;
		case '>':  buf_put(b, "&gt;", 4);   break;
		case '"':  buf_put(b, "&quot;", 6); break;
		case '\'': buf_put(b, "&#39;", 5);  break;
		default:   break;   /* CR */
		}
		s++;
	}
}

void esc_svg(struct buf *b, const char *s)
{
	if (!s)
		return;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '&':  buf_puts(b, "&amp;");  break;
		case '<':  buf_puts(b, "&lt;");   break;
		case '>':  buf_puts(b, "&gt;");   break;
		case '"':  buf_puts(b, "&quot;"); break;
		case '\'': buf_puts(b, "&#39;");  break;
		default:
			/* XML 1.0 forbids most C0 controls even as references. */
			if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
				break;
			buf_putc(b, (char)*p);
		}
	}
}

static bool unreserved(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '.' || c == '_' || c == '~';
}

void esc_url(struct buf *b, const char *s, const char *keep, size_t limit)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t start = b->len;
	if (!s)
		return;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (b->len - start > limit)
			break;
		if (unreserved(*p) || (keep && strchr(keep, *p))) {
			buf_putc(b, (char)*p);
		} else {
			buf_putc(b, '%');
			buf_putc(b, hex[*p >> 4]);
			buf_putc(b, hex[*p & 15]);
		}
	}
}

bool csv_needs_guard(const char *s)
{
	if (!s)
		return false;
	if (s[0] == '\t' || s[0] == '\r')
		return true;
	/* Spreadsheets skip leading blanks before a formula: " =1+2" runs. */
	s += strspn(s, " \t\r\n");
	return s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@';
}

void csv_field(struct buf *b, const char *s, bool text)
{
	bool guard = text && csv_needs_guard(s);
	if (!s)
		s = "";
	if (!guard && strcspn(s, ",\"\r\n") == strlen(s)) {
		buf_puts(b, s);
		return;
	}
	buf_putc(b, '"');
	if (guard)
		buf_putc(b, '\'');
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			buf_putc(b, '"');
		buf_putc(b, *p);
	}
	buf_putc(b, '"');
}
