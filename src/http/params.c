/* The parameter table and the one decoder of query strings and form bodies. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "intparse.h"
#include "params.h"
#include "share.h"

#define PARAMS_MAX_PAIRS 64   /* more pairs than this is not a form of ours */

static const char *const details_choices[] = {"table", "chart", NULL};
static const char *const adm_type_choices[] = {"customer", "project", NULL};
static const char *const signoff_msg_choices[] = {"confirmed", "invalid", "stale", "withdrawn", NULL};
static const char *const adm_done_choices[] = {"created", "saved", "deleted", "rotated", NULL};
static const char *const adm_pw_choices[] = {"yes", "no", NULL};
static const char *const adm_status_choices[] = {"active", "expired", NULL};
static const char *const adm_sort_choices[] = {"name", "newest", NULL};

const struct param_def param_defs[P__MAX] = {
	[P_YEAR]    = {"year", PK_INT, PS_QUERY, 1970, 2100, 4, NULL, false},
	[P_MONTH]   = {"month", PK_INT, PS_QUERY, 1, 12, 2, NULL, false},
	[P_DETAILS] = {"details", PK_ENUM, PS_QUERY, 0, 0, 8, details_choices, false},
	/* 4096 = PASSWORD_MAX_LEN (crypto.h): longer is refused before hashing */
	[P_SPT_PASSWORD] = {"spt-password", PK_TEXT, PS_FORM, 0, 0, 4096, NULL, false},
	/* admin pages: 64 hex digits of HMAC-SHA256 */
	[P_CSRF]         = {"_token", PK_TEXT, PS_FORM, 0, 0, 64, NULL, false},
	[P_ADM_TYPE]     = {"type", PK_ENUM, PS_QUERY, 0, 0, 8, adm_type_choices, true},
	[P_ADM_CUSTOMER] = {"customer", PK_TEXT, PS_FORM, 0, 0, 11, NULL, false},
	[P_ADM_PROJECT]  = {"project", PK_TEXT, PS_FORM, 0, 0, 11, NULL, false},
	[P_ADM_MERGE]    = {"record_merge_mode", PK_ENUM, PS_FORM, 0, 0, 22, merge_mode_names, false},
	[P_ADM_PASSWORD] = {"password", PK_TEXT, PS_FORM, 0, 0, 4096, NULL, false},
	[P_ADM_PW_REMOVE] = {"remove_password", PK_BOOL, PS_FORM, 0, 1, 2, NULL, false},
	[P_ADM_USER_VISIBLE]  = {"entry_user_visible", PK_BOOL, PS_FORM, 0, 1, 2, NULL, false},
	[P_ADM_RATE_VISIBLE]  = {"entry_rate_visible", PK_BOOL, PS_FORM, 0, 1, 2, NULL, false},
	[P_ADM_ANNUAL_CHART]  = {"annual_chart_visible", PK_BOOL, PS_FORM, 0, 1, 2, NULL, false},
	[P_ADM_MONTHLY_CHART] = {"monthly_chart_visible", PK_BOOL, PS_FORM, 0, 1, 2, NULL, false},
	[P_ADM_BUDGET_STATS]  = {"budget_stats_visible", PK_BOOL, PS_FORM, 0, 1, 2, NULL, false},
	[P_ADM_TIME_BUDGET_STATS] = {"time_budget_stats_visible", PK_BOOL, PS_FORM, 0, 1, 2, NULL,
	                             false},
	[P_ADM_DONE]     = {"done", PK_ENUM, PS_QUERY, 0, 0, 8, adm_done_choices, false},
	/* free text here: a malformed date re-shows the form with a message */
	[P_ADM_EXPIRES]     = {"expires", PK_TEXT, PS_FORM, 0, 0, 32, NULL, false},
	[P_ADM_WINDOW_FROM] = {"window_from", PK_TEXT, PS_FORM, 0, 0, 32, NULL, false},
	[P_ADM_WINDOW_TO]   = {"window_to", PK_TEXT, PS_FORM, 0, 0, 32, NULL, false},
	/* bytes: 4 per character at most (SIGNOFF_NAME_MAX, SIGNOFF_COMMENT_MAX
	 * in signoff.h count characters, checked by the page) */
	[P_SIGNOFF_NAME]    = {"signoff-name", PK_TEXT, PS_FORM, 0, 0, 400, NULL, false},
	[P_SIGNOFF_COMMENT] = {"signoff-comment", PK_TEXT, PS_FORM, 0, 0, 4000, NULL, false},
	[P_SIGNOFF_FP]      = {"signoff-fp", PK_TEXT, PS_FORM, 0, 0, 64, NULL, false},
	[P_SIGNOFF_MSG]     = {"signoff", PK_ENUM, PS_QUERY, 0, 0, 10, signoff_msg_choices, false},
	[P_SIGNOFF_ID]      = {"signoff_id", PK_INT, PS_FORM, 1, 2147483647, 10, NULL, false},
	[P_ADM_SIGN_OFF]    = {"sign_off", PK_BOOL, PS_FORM, 0, 1, 2, NULL, false},
	[P_ADM_SHOW_ACTIVITY] = {"show_activity", PK_BOOL, PS_FORM, 0, 1, 2, NULL, false},
	[P_ADM_SHOW_TAGS]     = {"show_tags", PK_BOOL, PS_FORM, 0, 1, 2, NULL, false},
	/* the admin list: 100 characters of search at most (4 bytes each) */
	[P_ADM_Q]           = {"q", PK_TEXT, PS_QUERY, 0, 0, 400, NULL, false},
	[P_ADM_PAGE]        = {"page", PK_INT, PS_QUERY, 1, 1000000, 7, NULL, true},
	[P_ADM_PW_FILTER]   = {"password", PK_ENUM, PS_QUERY, 0, 0, 3, adm_pw_choices, true},
	[P_ADM_STATUS]      = {"status", PK_ENUM, PS_QUERY, 0, 0, 7, adm_status_choices, true},
	[P_ADM_SORT]        = {"sort", PK_ENUM, PS_QUERY, 0, 0, 6, adm_sort_choices, true},
};

static int hexval(unsigned char c)
{
	if (c >= '0' && c <= '9') return c - '0';
	if (c >= 'a' && c <= 'f') return c - 'a' + 10;
	if (c >= 'A' && c <= 'F') return c - 'A' + 10;
	return -1;
}

int url_decode(const char *s, size_t len, bool plus_space, struct arena *a,
               char **out, size_t *outlen)
{
	char *d = arena_alloc(a, len + 1);
	size_t n = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '%') {
			if (i + 2 >= len)
				return -1;
			int h = hexval((unsigned char)s[i + 1]), l = hexval((unsigned char)s[i + 2]);
			if (h < 0 || l < 0)
				return -1;
			c = (unsigned char)(h * 16 + l);
			i += 2;
		} else if (c == '+' && plus_space) {
			c = ' ';
		}
		if (c == '\0')
			return -1;
		d[n++] = (char)c;
	}
	d[n] = '\0';
	*out = d;
	*outlen = n;
	return 0;
}

bool utf8_valid(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	while (i < len) {
		unsigned char c = s[i];
		size_t n;
		unsigned cp;
		if (c < 0x80) { i++; continue; }
		else if ((c & 0xe0) == 0xc0) { n = 1; cp = c & 0x1f; }
		else if ((c & 0xf0) == 0xe0) { n = 2; cp = c & 0x0f; }
		else if ((c & 0xf8) == 0xf0) { n = 3; cp = c & 0x07; }
		else return false;
		if (i + n >= len)
			return false;
		for (size_t k = 1; k <= n; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return false;
			cp = (cp << 6) | (s[i + k] & 0x3f);
		}
		/* overlong forms, surrogates and values past U+10FFFF */
		if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
		    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
			return false;
		i += n + 1;
	}
	return true;
}

/* strtonum-style: the whole string must be a decimal number in range. */
static int parse_int(const char *s, size_t len, long long min, long long max, long long *out)
{
	if (len == 0 || len > 19 || s[0] == '+')
		return -1;
	return int_parse(s, len, min, max, INT_SIGNED, out);
}

static int set_value(const struct param_def *d, const char *v, size_t vlen,
                     struct param_value *pv, struct perr *e)
{
	switch (d->kind) {
	case PK_INT:
		if (parse_int(v, vlen, d->min, d->max, &pv->i))
			return PERR(e, PERR_BAD_INPUT, "parameter %s out of range", d->name);
		break;
	case PK_BOOL:
		if (vlen == 1 && (v[0] == '1' || v[0] == '0'))
			pv->i = v[0] == '1';
		else if (vlen == 2 && memcmp(v, "on", 2) == 0)
			pv->i = 1;
		else
			return PERR(e, PERR_BAD_INPUT, "parameter %s is not a boolean", d->name);
		break;
	case PK_ENUM: {
		long long k = 0;
		for (; d->choices[k]; k++)
			if (strlen(d->choices[k]) == vlen && memcmp(d->choices[k], v, vlen) == 0)
				break;
		if (!d->choices[k])
			return PERR(e, PERR_BAD_INPUT, "parameter %s has an unknown value", d->name);
		pv->i = k;
		break;
	}
	case PK_TEXT:
		if (vlen > d->maxlen)
			return PERR(e, PERR_BAD_INPUT, "parameter %s too long", d->name);
		break;
	}
	if (!utf8_valid(v, vlen))
		return PERR(e, PERR_BAD_INPUT, "parameter %s is not UTF-8", d->name);
	pv->set = true;
	pv->s = v;
	pv->len = vlen;
	return 0;
}

int params_parse(const char *s, size_t len, int src, struct arena *a,
                 struct param_value out[P__MAX], struct perr *e)
{
	size_t pairs = 0;
	size_t i = 0;
	while (i < len) {
		size_t start = i;
		while (i < len && s[i] != '&')
			i++;
		size_t end = i;
		if (i < len)
			i++;            /* skip '&' */
		if (end == start)
			continue;       /* "a=1&&b=2" */
		if (++pairs > PARAMS_MAX_PAIRS)
			return PERR(e, PERR_BAD_INPUT, "too many parameters");
		size_t eq = start;
		while (eq < end && s[eq] != '=')
			eq++;
		char *name = NULL, *value = NULL;
		size_t nlen = 0, vlen = 0;
		if (url_decode(s + start, eq - start, true, a, &name, &nlen))
			return PERR(e, PERR_BAD_INPUT, "malformed parameter name");
		size_t vstart = eq < end ? eq + 1 : end;
		if (url_decode(s + vstart, end - vstart, true, a, &value, &vlen))
			return PERR(e, PERR_BAD_INPUT, "malformed parameter value");
		for (int p = 0; p < P__MAX; p++) {
			const struct param_def *d = &param_defs[p];
			if (!(d->src & src) || strlen(d->name) != nlen || memcmp(d->name, name, nlen))
				continue;
			if (out[p].set)
				return PERR(e, PERR_BAD_INPUT, "parameter %s repeated", d->name);
			if (vlen == 0 && d->blank_unset)
				break;
			if (set_value(d, value, vlen, &out[p], e))
				return -1;
			break;
		}
	}
	return 0;
}
