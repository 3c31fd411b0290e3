/* A horizontal bar chart as inline SVG, built by the program (docs/design.md, "Share pages":
 * charts without JavaScript).  One row per bar: its label, the bar and the
 * exact value as text, so every figure is readable without hovering.
 *
 * Every text (labels, titles, values) is escaped here with the builder's
 * own XML escaper, so the result may be output raw by a template.  All
 * coordinates are integers; the viewBox lets the chart scale down to phone
 * width (the stylesheet sets max-width: 100%; height: auto).  The root has
 * role="img", an accessible name (aria-labelledby → its <title>) and a
 * description; each bar carries a <title> tooltip.  Colours are
 * presentation attributes (allowed by the CSP, overridable by the
 * stylesheet), so the chart also prints. */
#ifndef PORTAL_SVG_CHART_H
#define PORTAL_SVG_CHART_H

#include <stddef.h>

#include "arena.h"

#define SVG_CHART_MAX_BARS 64     /* a month has at most 31 days */
/* viewBox width: about a phone's, so that text stays legible there. */
#define SVG_CHART_WIDTH    400

struct chart_bar {
	const char *label;    /* row label, plain text ("March", "3 Tue") */
	const char *value;    /* exact value as shown, plain text ("12:30") */
	const char *title;    /* tooltip, plain text; NULL: "label: value" */
	long long   seconds;  /* bar length; negative counts as 0 */
	const char *cls;      /* extra class ("weekend"), [a-z-] or NULL */
};

struct chart {
	const char             *id;          /* id prefix, [a-z0-9-]{1,32} */
	const char             *title;       /* accessible name, plain text */
	const char             *desc;        /* description (totals), or NULL */
	const char             *axis_label;  /* caption of the hour axis ("Hours") */
	const struct chart_bar *bars;
	size_t                  nbars;       /* 1..SVG_CHART_MAX_BARS */
};

/* Appends the <svg> element to `out`.  Returns -1 (and appends nothing)
 * for a malformed chart: bad id or class, no bars, too many bars, a NULL
 * label or value. */
int svg_bar_chart(struct buf *out, const struct chart *c);

/* Appends `s` escaped for XML text and attribute values (& < > " '),
 * dropping control characters XML 1.0 does not allow. */
void svg_escape(struct buf *out, const char *s);

/* The axis: the smallest "nice" hour step (1, 2, 5 × 10^k) that covers
 * `max_seconds` with at most 5 ticks; sets *step_h and returns the axis
 * maximum in whole hours (at least 1). */
long long svg_axis_hours(long long max_seconds, long long *step_h);

#endif
