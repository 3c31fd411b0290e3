/* portal-install: creates or updates the portal's tables (being written). */
#include <stdio.h>

int main(void)
{
	fputs("portal-install: not implemented yet\n", stderr);
	return 1;
}
