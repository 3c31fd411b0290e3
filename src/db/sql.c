/* The statement texts, counts and names, generated from the one list in
 * sql.h. */
#include "sql.h"

const char *const sql_text[ST__MAX] = {
#define SQL_TEXT(name, params, cols, text) [name] = text,
	SQL_STATEMENTS(SQL_TEXT)
#undef SQL_TEXT
};

const unsigned sql_params[ST__MAX] = {
#define SQL_PARAMS(name, params, cols, text) [name] = params,
	SQL_STATEMENTS(SQL_PARAMS)
#undef SQL_PARAMS
};

const unsigned sql_cols[ST__MAX] = {
#define SQL_COLS(name, params, cols, text) [name] = cols,
	SQL_STATEMENTS(SQL_COLS)
#undef SQL_COLS
};

const char *const sql_name[ST__MAX] = {
#define SQL_NAME(name, params, cols, text) [name] = #name,
	SQL_STATEMENTS(SQL_NAME)
#undef SQL_NAME
};
