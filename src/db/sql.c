/* The statement texts and names, generated from the one list in sql.h. */
#include "sql.h"

const char *const sql_text[ST__MAX] = {
#define SQL_TEXT(name, text) [name] = text,
	SQL_STATEMENTS(SQL_TEXT)
#undef SQL_TEXT
};

const char *const sql_name[ST__MAX] = {
#define SQL_NAME(name, text) [name] = #name,
	SQL_STATEMENTS(SQL_NAME)
#undef SQL_NAME
};
