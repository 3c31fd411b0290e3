/* Horizontal bar chart as inline SVG (see svg_chart.h).  Rows rather than
 * columns: full month names and 31 day labels stay readable at phone
 * width, where a column chart would have to shrink its text to nothing. */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "escape.h"
#include "svg_chart.h"

/* Geometry in viewBox units (integers only). */
enum {
	FONT_SIZE   = 13,
	ROW_H       = 22,    /* one bar row */
	BAR_H       = 14,
	TOP_PAD     = 6,
	AXIS_H      = 40,    /* tick labels and axis caption below the rows */
	VALUE_W     = 54,    /* room right of the longest bar for "744:00" */
	LABEL_PAD   = 8,
	LABEL_MIN_W = 24,
	LABEL_MAX_W = 140,
	RIGHT_PAD   = 4,
	MAX_TICKS   = 5,
};

#define ID_MAX 32

static bool id_ok(const char *s, bool allow_digits)
{
	size_t n = s ? strlen(s) : 0;
	if (n == 0 || n > ID_MAX)
		return false;
	for (size_t i = 0; i < n; i++) {
		char ch = s[i];
		if (!((ch >= 'a' && ch <= 'z') || ch == '-' ||
		      (allow_digits && ch >= '0' && ch <= '9')))
			return false;
	}
	return true;
}

/* Decodes one UTF-8 sequence leniently (only to estimate widths). */
static uint32_t next_cp(const unsigned char **pp)
{
	const unsigned char *p = *pp;
	uint32_t cp = *p++;
	int extra = cp >= 0xF0 ? 3 : cp >= 0xE0 ? 2 : cp >= 0xC0 ? 1 : 0;
	if (extra)
		cp &= 0x3Fu >> extra;
	while (extra-- > 0 && (*p & 0xC0) == 0x80)
		cp = (cp << 6) | (*p++ & 0x3F);
	*pp = p;
	return cp;
}

/* Estimated width of `s` in viewBox units at FONT_SIZE: SVG cannot size a
 * column to its text, so we reserve room from a per-character guess
 * (CJK and other wide scripts take a full em). */
static int text_width(const char *s)
{
	int w = 0;
	const unsigned char *p = (const unsigned char *)s;
	while (*p && w < 10000) {
		uint32_t cp = next_cp(&p);
		if (cp >= 0x1100 && !(cp >= 0x2000 && cp < 0x2E80))
			w += FONT_SIZE;
		else if (cp >= 0x80)
			w += 9;
		else
			w += 8;
	}
	return w;
}

long long svg_axis_hours(long long max_seconds, long long *step_h)
{
	long long max_h = max_seconds > 0 ? (max_seconds + 3599) / 3600 : 1;
	static const long long mult[] = {1, 2, 5};
	for (long long mag = 1; mag <= 1000000000000LL; mag *= 10) {
		for (size_t i = 0; i < sizeof(mult) / sizeof(mult[0]); i++) {
			long long step = mult[i] * mag;
			long long n = (max_h + step - 1) / step;
			if (n <= MAX_TICKS) {
				*step_h = step;
				return n * step;
			}
		}
	}
	*step_h = max_h;   /* absurd inputs: one tick */
	return max_h;
}

/* Bar length: value scaled to the plot width, rounded; any non-zero value
 * stays visible as at least one unit. */
static long long bar_len(long long secs, long long axis_secs, long long plot_w)
{
	if (secs <= 0 || axis_secs <= 0)
		return 0;
	if (secs >= axis_secs)
		return plot_w;
	long long w = (secs * plot_w + axis_secs / 2) / axis_secs;
	return w < 1 ? 1 : w;
}

int svg_bar_chart(struct buf *out, const struct chart *c)
{
	if (!c || !id_ok(c->id, true) || !c->bars || c->nbars == 0 ||
	    c->nbars > SVG_CHART_MAX_BARS)
		return -1;
	long long max = 0;
	int label_w = LABEL_MIN_W;
	for (size_t i = 0; i < c->nbars; i++) {
		const struct chart_bar *b = &c->bars[i];
		if (!b->label || !b->value || (b->cls && !id_ok(b->cls, false)))
			return -1;
		if (b->seconds > max)
			max = b->seconds;
		int w = text_width(b->label) + LABEL_PAD;
		if (w > label_w)
			label_w = w;
	}
	if (label_w > LABEL_MAX_W)
		label_w = LABEL_MAX_W;

	long long step_h = 1;
	long long axis_h = svg_axis_hours(max, &step_h);
	long long axis_secs = axis_h * 3600;
	const long long x0 = label_w;
	const long long plot_w = SVG_CHART_WIDTH - label_w - VALUE_W - RIGHT_PAD;
	const long long rows_h = (long long)c->nbars * ROW_H;
	const long long height = TOP_PAD + rows_h + AXIS_H;
	const long long y_axis = TOP_PAD + rows_h;

	buf_printf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-rows\""
	           " id=\"%s\" viewBox=\"0 0 %d %lld\" width=\"%d\" height=\"%lld\""
	           " role=\"img\" aria-labelledby=\"%s-title\"%s%s%s"
	           " font-family=\"sans-serif\" font-size=\"%d\">",
	           c->id, SVG_CHART_WIDTH, height, SVG_CHART_WIDTH, height, c->id,
	           c->desc ? " aria-describedby=\"" : "", c->desc ? c->id : "",
	           c->desc ? "-desc\"" : "", FONT_SIZE);
	buf_printf(out, "<title id=\"%s-title\">", c->id);
	esc_svg(out, c->title);
	buf_puts(out, "</title>");
	if (c->desc) {
		buf_printf(out, "<desc id=\"%s-desc\">", c->id);
		esc_svg(out, c->desc);
		buf_puts(out, "</desc>");
	}

	/* Grid and hour ticks first, so the bars paint over the grid lines. */
	buf_puts(out, "<g class=\"chart-ticks\">");
	for (long long h = 0; h <= axis_h; h += step_h) {
		long long x = x0 + (h * plot_w) / axis_h;
		buf_printf(out, "<line class=\"chart-grid\" x1=\"%lld\" y1=\"%d\" x2=\"%lld\""
		           " y2=\"%lld\" stroke=\"#d0d4d9\" stroke-width=\"1\"/>",
		           x, TOP_PAD, x, y_axis);
		buf_printf(out, "<text class=\"chart-tick\" x=\"%lld\" y=\"%lld\""
		           " text-anchor=\"middle\" fill=\"#555\">%lld</text>",
		           x, y_axis + 15, h);
	}
	buf_printf(out, "<text class=\"chart-axis-label\" x=\"%lld\" y=\"%lld\""
	           " text-anchor=\"middle\" fill=\"#555\">",
	           x0 + plot_w / 2, y_axis + 34);
	esc_svg(out, c->axis_label);
	buf_puts(out, "</text></g>");

	for (size_t i = 0; i < c->nbars; i++) {
		const struct chart_bar *b = &c->bars[i];
		long long y = TOP_PAD + (long long)i * ROW_H;
		long long w = bar_len(b->seconds, axis_secs, plot_w);
		buf_puts(out, "<g class=\"bar");
		if (b->cls) {
			buf_putc(out, ' ');
			buf_puts(out, b->cls);
		}
		buf_puts(out, "\"><title>");
		if (b->title) {
			esc_svg(out, b->title);
		} else {
			esc_svg(out, b->label);
			buf_puts(out, ": ");
			esc_svg(out, b->value);
		}
		buf_printf(out, "</title><text class=\"chart-label\" x=\"%lld\" y=\"%lld\""
		           " text-anchor=\"end\" fill=\"currentColor\">",
		           x0 - LABEL_PAD / 2, y + ROW_H - 6);
		esc_svg(out, b->label);
		buf_puts(out, "</text>");
		if (w > 0)
			buf_printf(out, "<rect class=\"chart-bar\" x=\"%lld\" y=\"%lld\" width=\"%lld\""
			           " height=\"%d\" rx=\"2\" fill=\"#3b7dd8\"/>",
			           x0, y + (ROW_H - BAR_H) / 2, w, BAR_H);
		buf_printf(out, "<text class=\"chart-value\" x=\"%lld\" y=\"%lld\""
		           " fill=\"currentColor\">", x0 + w + 4, y + ROW_H - 6);
		esc_svg(out, b->value);
		buf_puts(out, "</text></g>");
	}
	buf_puts(out, "</svg>");
	return 0;
}
