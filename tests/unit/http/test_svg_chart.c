/* The SVG bar chart builder: escaping, accessibility, geometry. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "escape.h"
#include "svg_chart.h"

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

/* Every numeric attribute value is an integer (no '.' inside quotes that
 * follow x=, y=, width=, height=). */
static int coords_are_integers(const char *svg)
{
	static const char *const attrs[] = {" x=\"", " y=\"", " width=\"", " height=\"",
	                                    " x1=\"", " x2=\"", " y1=\"", " y2=\""};
	for (size_t a = 0; a < sizeof(attrs) / sizeof(attrs[0]); a++) {
		for (const char *p = svg; (p = strstr(p, attrs[a])); ) {
			p += strlen(attrs[a]);
			if (*p == '-')
				p++;
			if (!isdigit((unsigned char)*p))
				return 0;
			while (isdigit((unsigned char)*p))
				p++;
			if (*p != '"')
				return 0;
		}
	}
	return 1;
}

/* Width of the rect that follows the n-th (0-based) bar group, or -1. */
static long bar_width(const char *svg, int n)
{
	const char *p = svg;
	for (int i = 0; i <= n; i++) {
		p = strstr(p, "<g class=\"bar");
		if (!p)
			return -1;
		p++;
	}
	const char *end = strstr(p, "</g>");
	const char *rect = strstr(p, "<rect ");
	if (!rect || rect > end)
		return 0;   /* zero-length bars draw no rect */
	const char *w = strstr(rect, " width=\"");
	return w ? strtol(w + 8, NULL, 10) : -1;
}

static void test_escape(void)
{
	struct buf b;
	buf_init(&b);
	esc_svg(&b, "a<b>&\"c'\x01\td");
	CHECK_STR(buf_cstr(&b), "a&lt;b&gt;&amp;&quot;c&#39;\td");
	buf_reset(&b);
	esc_svg(&b, NULL);
	CHECK(b.len == 0);
	buf_free(&b);
}

static void test_axis(void)
{
	long long step = 0;
	CHECK(svg_axis_hours(0, &step) == 1 && step == 1);
	CHECK(svg_axis_hours(1, &step) == 1 && step == 1);
	CHECK(svg_axis_hours(3 * 3600, &step) == 3 && step == 1);
	CHECK(svg_axis_hours(5 * 3600, &step) == 5 && step == 1);
	CHECK(svg_axis_hours(5 * 3600 + 1, &step) == 6 && step == 2);
	CHECK(svg_axis_hours(37 * 3600, &step) == 40 && step == 10);
	CHECK(svg_axis_hours(160 * 3600, &step) == 200 && step == 50);
	CHECK(svg_axis_hours(744 * 3600, &step) == 800 && step == 200);
}

static void test_chart(void)
{
	struct chart_bar bars[3] = {
		{.label = "Jan <b>", .value = "10:00", .seconds = 36000},
		{.label = "Feb & co", .value = "0:00", .seconds = 0, .cls = "weekend"},
		{.label = "M\xc3\xa4rz", .value = "5:00", .title = "\"quoted\"", .seconds = 18000},
	};
	struct chart c = {
		.id = "chart-annual", .title = "Hours <per> month", .desc = "Total: 15:00",
		.axis_label = "Hours", .bars = bars, .nbars = 3,
	};
	struct buf b;
	buf_init(&b);
	CHECK(svg_bar_chart(&b, &c) == 0);
	const char *svg = buf_cstr(&b);
	CHECK(strncmp(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\"", 39) == 0);
	CHECK(strstr(svg, " role=\"img\"") != NULL);
	CHECK(strstr(svg, " aria-labelledby=\"chart-annual-title\"") != NULL);
	CHECK(strstr(svg, " aria-describedby=\"chart-annual-desc\"") != NULL);
	CHECK(strstr(svg, "<title id=\"chart-annual-title\">Hours &lt;per&gt; month</title>"));
	CHECK(strstr(svg, "<desc id=\"chart-annual-desc\">Total: 15:00</desc>"));
	CHECK(strstr(svg, " viewBox=\"0 0 400 ") != NULL);
	/* no raw label markup anywhere */
	CHECK(strstr(svg, "<b>") == NULL);
	CHECK(strstr(svg, "Jan &lt;b&gt;") != NULL);
	CHECK(strstr(svg, "<title>Feb &amp; co: 0:00</title>") != NULL);
	CHECK(strstr(svg, "<title>&quot;quoted&quot;</title>") != NULL);
	CHECK(strstr(svg, "M\xc3\xa4rz") != NULL);
	CHECK(strstr(svg, "<g class=\"bar weekend\">") != NULL);
	CHECK(count(svg, "<title") == 4);          /* chart + one per bar */
	CHECK(count(svg, "<g class=\"bar") == 3);
	CHECK(coords_are_integers(svg));
	/* axis 0..10 h in steps of 2: six ticks */
	CHECK(count(svg, "<text class=\"chart-tick\"") == 6);
	CHECK(strstr(svg, ">10</text>") != NULL);
	/* bars proportional: 10 h fills the plot, 5 h half of it, 0 h none */
	long w0 = bar_width(svg, 0), w1 = bar_width(svg, 1), w2 = bar_width(svg, 2);
	CHECK(w0 > 150);
	CHECK(w1 == 0);
	CHECK(w2 == (w0 + 1) / 2 || w2 == w0 / 2);
	CHECK(strcmp(svg + b.len - 6, "</svg>") == 0);
	buf_free(&b);
}

static void test_tiny_bar_visible(void)
{
	struct chart_bar bars[2] = {
		{.label = "a", .value = "100:00", .seconds = 360000},
		{.label = "b", .value = "0:01", .seconds = 60},
	};
	struct chart c = {.id = "x", .title = "t", .axis_label = "h", .bars = bars, .nbars = 2};
	struct buf b;
	buf_init(&b);
	CHECK(svg_bar_chart(&b, &c) == 0);
	CHECK(bar_width(buf_cstr(&b), 1) == 1);
	CHECK(strstr(buf_cstr(&b), "aria-describedby") == NULL);
	buf_free(&b);
}

static void test_rejects(void)
{
	struct chart_bar ok = {.label = "a", .value = "1:00", .seconds = 3600};
	struct chart_bar bad_cls = {.label = "a", .value = "1:00", .cls = "x\" onload=\""};
	struct chart_bar no_label = {.value = "1:00"};
	struct chart_bar many[SVG_CHART_MAX_BARS + 1];
	for (size_t i = 0; i < SVG_CHART_MAX_BARS + 1; i++)
		many[i] = ok;
	struct chart c = {.id = "ok", .title = "t", .axis_label = "h", .bars = &ok, .nbars = 1};
	struct buf b;
	buf_init(&b);
	c.id = "bad id";
	CHECK(svg_bar_chart(&b, &c) == -1);
	c.id = "";
	CHECK(svg_bar_chart(&b, &c) == -1);
	c.id = "ok";
	c.nbars = 0;
	CHECK(svg_bar_chart(&b, &c) == -1);
	c.bars = many;
	c.nbars = SVG_CHART_MAX_BARS + 1;
	CHECK(svg_bar_chart(&b, &c) == -1);
	c.bars = &bad_cls;
	c.nbars = 1;
	CHECK(svg_bar_chart(&b, &c) == -1);
	c.bars = &no_label;
	CHECK(svg_bar_chart(&b, &c) == -1);
	CHECK(b.len == 0);   /* nothing appended on failure */
	c.bars = many;
	c.nbars = SVG_CHART_MAX_BARS;
	CHECK(svg_bar_chart(&b, &c) == 0);
	buf_free(&b);
}

int main(void)
{
	test_escape();
	test_axis();
	test_chart();
	test_tiny_bar_visible();
	test_rejects();
	return check_done();
}
