/* Every request parameter the program accepts, declared once (STYLE §3).
 * Handlers only read typed, validated values from r->p[]; unknown
 * parameters are ignored; a present but invalid value is a 400. */
#ifndef PORTAL_PARAMS_H
#define PORTAL_PARAMS_H

#include <stdbool.h>
#include <stddef.h>

#include "perr.h"

struct arena;

enum param_kind { PK_INT, PK_ENUM, PK_TEXT, PK_BOOL };
enum param_src  { PS_QUERY = 1, PS_FORM = 2 };

enum param {
	P_YEAR,
	P_MONTH,
	P_DETAILS,
	P_SPT_PASSWORD,   /* unlock form of a password-protected share */
	/* admin pages (page_admin_*.c) */
	P_CSRF,           /* CSRF token of every admin POST (auth.c) */
	P_ADM_TYPE,       /* create?type=customer|project; the list's type filter */
	P_ADM_CUSTOMER,   /* chosen customer id (checked by the page: a bad choice re-shows the form) */
	P_ADM_PROJECT,    /* chosen project id (likewise) */
	P_ADM_MERGE,      /* record_merge_mode */
	P_ADM_PASSWORD,   /* new share password; blank = none */
	P_ADM_PW_REMOVE,  /* edit: remove the password */
	P_ADM_USER_VISIBLE,
	P_ADM_RATE_VISIBLE,
	P_ADM_ANNUAL_CHART,
	P_ADM_MONTHLY_CHART,
	P_ADM_BUDGET_STATS,
	P_ADM_TIME_BUDGET_STATS,
	P_ADM_DONE,       /* list?done=created|saved|deleted|rotated: the message after a 303 */
	P_ADM_EXPIRES,    /* expiry date YYYY-MM-DD, "" = never (checked by admin_extras.c) */
	P_ADM_WINDOW_FROM, /* browse window: first month YYYY-MM, "" = open (likewise) */
	P_ADM_WINDOW_TO,   /* browse window: last month YYYY-MM, "" = open */
	/* client sign-off (page_share_signoff, admin/signoffs.c) */
	P_SIGNOFF_NAME,    /* the signer's name (1..100 characters, checked by the page) */
	P_SIGNOFF_COMMENT, /* optional comment (up to 1,000 characters) */
	P_SIGNOFF_FP,      /* the fingerprint of the records the form was shown with */
	P_SIGNOFF_MSG,     /* ?signoff=confirmed|invalid|stale|withdrawn: the message after a 303 */
	P_SIGNOFF_ID,      /* the sign-off an admin withdraws */
	P_ADM_SIGN_OFF,    /* share form: the option "client sign-off" */
	P_ADM_SHOW_ACTIVITY, /* share form: the option "show activity" (admin_extras.c) */
	P_ADM_SHOW_TAGS,     /* share form: the option "show tags" */
	/* the admin list (admin/list.c); its type filter is P_ADM_TYPE */
	P_ADM_Q,           /* searched text: names and share keys */
	P_ADM_PAGE,        /* 1..: past the last page shows the last */
	P_ADM_PW_FILTER,   /* password=yes|no */
	P_ADM_STATUS,      /* status=active|expired */
	P_ADM_SORT,        /* sort=name|newest */
	P__MAX
};

struct param_def {
	const char      *name;
	enum param_kind  kind;
	int              src;        /* PS_QUERY | PS_FORM */
	long long        min, max;   /* PK_INT range */
	size_t           maxlen;     /* PK_TEXT byte limit */
	const char *const *choices;  /* PK_ENUM: NULL-terminated */
	bool             blank_unset; /* an empty value counts as not given (the
	                               * "all" choice of a GET form's select) */
};

struct param_value {
	bool        set;
	long long   i;     /* PK_INT, PK_BOOL, PK_ENUM (index into choices) */
	const char *s;     /* PK_TEXT (valid UTF-8, no NUL), PK_ENUM choice */
	size_t      len;
};

extern const struct param_def param_defs[P__MAX];

/* Decodes an application/x-www-form-urlencoded string (query or body) and
 * validates every known parameter of source `src` into `out`.  A repeated
 * known parameter, invalid percent-encoding, NUL, invalid UTF-8 or an
 * out-of-range value is PERR_BAD_INPUT. */
int params_parse(const char *s, size_t len, int src, struct arena *a,
                 struct param_value out[P__MAX], struct perr *e);

/* Percent-decodes [s, s+len) into the arena ('+' becomes space when
 * `plus_space`).  -1 on malformed escapes or a decoded NUL. */
int url_decode(const char *s, size_t len, bool plus_space, struct arena *a,
               char **out, size_t *outlen);
bool utf8_valid(const char *s, size_t len);

#endif
