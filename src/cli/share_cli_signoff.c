/* portal share sign-off and portal share signoffs: the client sign-off of
 * a share from the command line (docs/signoff.md). */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "fmt.h"
#include "mctx.h"
#include "records.h"
#include "share_cli_cmd.h"
#include "signoff.h"

int cmd_sign_off(struct cli *c, int argc, char **argv)
{
	struct share s;
	struct perr e = {0};
	int rc;
	if (argc != 2 || (strcmp(argv[1], "on") != 0 && strcmp(argv[1], "off") != 0))
		return cli_usage_error(c, "sign-off takes one share id and on or off", NULL);
	if ((rc = cli_load(c, argv[0], &s)))
		return rc;
	struct mctx mc = {.db = c->db, .a = &c->a, .tz = fmtctx_tz(c->fmt)};
	bool on = strcmp(argv[1], "on") == 0;
	if (signoff_set_enabled(&mc, s.id, on, &e))
		return cli_db_error(c, &e);
	fprintf(c->out, "share %lld: sign-off %s\n", s.id, on ? "on" : "off");
	return 0;
}

int cmd_signoffs(struct cli *c, int argc, char **argv)
{
	struct share s;
	struct perr e = {0};
	struct signoff *v = NULL;
	size_t n = 0;
	int rc;
	if (argc != 1)
		return cli_usage_error(c, "signoffs takes one share id or key", NULL);
	if ((rc = cli_load(c, argv[0], &s)))
		return rc;
	struct mctx mc = {.db = c->db, .a = &c->a, .tz = fmtctx_tz(c->fmt)};
	if (signoff_all(&mc, s.id, &v, &n, &e))
		return cli_db_error(c, &e);
	/* The state of each month's newest standing sign-off against its
	 * records now; older ones of a month were superseded. */
	for (size_t i = 0; i < n; i++) {
		const struct signoff *so = &v[i];
		const char *state = "superseded";
		bool newest = true;
		for (size_t k = i + 1; k < n; k++)
			if (v[k].year == so->year && v[k].month == so->month && !v[k].withdrawn_at)
				newest = false;
		if (so->withdrawn_at) {
			state = "withdrawn";
		} else if (newest) {
			struct record_list rl;
			struct signoff_sum now;
			if (records_month(&mc, &s, 0, so->year, so->month, &rl, &e))
				return cli_db_error(c, &e);
			signoff_summarize(&rl, &now);
			state = signoff_state_names[signoff_state_of(so, &now)];
		}
		fprintf(c->out, "%lld\t%04d-%02d\t%s\t", so->id, so->year, so->month, state);
		cli_put_text(c->out, so->name);
		fprintf(c->out, "\t%s\t%s\t%lld\t%.2f\t%lld\t%s\t%s\t", so->signed_at ? so->signed_at : "",
		        so->client_net, so->sum.duration, so->sum.money, so->sum.count, so->sum.fp,
		        so->withdrawn_at ? so->withdrawn_at : "-");
		cli_put_text(c->out, so->withdrawn_by ? so->withdrawn_by : "-");
		fputc('\t', c->out);
		cli_put_text(c->out, so->comment);
		fputc('\n', c->out);
	}
	return 0;
}
