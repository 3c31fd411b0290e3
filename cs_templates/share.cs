<?cs # The share page (DESIGN §4).  Every value is escaped (VarEscapeMode
  html).  Descriptions keep their newlines through CSS (white-space:
  pre-line on .desc), never through markup built from data, so nothing may
  stand between the .desc element and its text.  Columns the share hides
  are absent from the data (share_table.c), not merely skipped here.
?><?cs include:"header.cs" ?>
<header class="card share-head">
<?cs if:Share.BackUrl ?><p class="back"><a href="<?cs var:Share.BackUrl ?>">← <?cs var:Lang.share.back_to_customer ?></a></p>
<?cs /if ?><p class="muted share-kind"><?cs if:Share.Type == "customer" && !Share.ProjectPage ?><?cs var:Lang.share.customer ?><?cs else ?><?cs var:Lang.share.project ?><?cs /if ?></p>
<h1 id="share-name"><?cs var:Share.Name ?></h1>
<?cs if:Share.Type == "project" || Share.ProjectPage ?><p class="muted share-customer"><?cs var:Lang.share.customer ?>: <?cs var:Share.Customer ?></p>
<?cs /if ?><nav class="month-nav" aria-label="<?cs var:Lang.share.month_nav ?>">
<?cs if:Nav.Prev.Url ?><a class="button prev" rel="prev" href="<?cs var:Nav.Prev.Url ?>" title="<?cs var:Nav.Prev.Label ?>"><span aria-hidden="true">‹</span> <?cs var:Lang.share.prev_month ?></a>
<?cs /if ?><h2 class="month-label" id="month-label" data-year="<?cs var:Nav.Year ?>" data-month="<?cs var:Nav.Month ?>"><?cs var:Nav.Label ?></h2>
<?cs if:Nav.Next.Url ?><a class="button next" rel="next" href="<?cs var:Nav.Next.Url ?>" title="<?cs var:Nav.Next.Label ?>"><?cs var:Lang.share.next_month ?> <span aria-hidden="true">›</span></a>
<?cs /if ?></nav>
<form class="month-form" method="get">
<label for="nav-month"><?cs var:Lang.share.month ?></label>
<select id="nav-month" name="month"><?cs each:m = Nav.Months ?><option value="<?cs var:m.Value ?>"<?cs if:m.Selected ?> selected<?cs /if ?>><?cs var:m.Name ?></option><?cs /each ?></select>
<label for="nav-year"><?cs var:Lang.share.year ?></label>
<select id="nav-year" name="year"><?cs each:y = Nav.Years ?><option value="<?cs var:y.Value ?>"<?cs if:y.Selected ?> selected<?cs /if ?>><?cs var:y.Value ?></option><?cs /each ?></select>
<?cs if:Nav.Details ?><input type="hidden" name="details" value="<?cs var:Nav.Details ?>">
<?cs /if ?><button type="submit"><?cs var:Lang.share.show ?></button>
</form>
</header>
<?cs # charts and budget statistics (share_stats.cs / share_charts.cs) go here ?>
<section class="card records" aria-labelledby="records-title">
<h2 id="records-title"><?cs var:Lang.share.records_title ?></h2>
<?cs if:Table.Count == 0 ?><p class="empty" data-empty="1"><?cs var:Lang.table.empty ?></p>
<?cs else ?><div class="table-wrap">
<table class="records">
<thead><tr><th scope="col"><?cs var:Lang.table.date ?></th><?cs
 if:Table.ShowUser ?><th scope="col"><?cs var:Lang.table.user ?></th><?cs /if ?><?cs
 if:Table.ShowProject ?><th scope="col"><?cs var:Lang.table.project ?></th><?cs /if ?><th scope="col"><?cs var:Lang.table.description ?></th><th scope="col" class="num"><?cs var:Lang.table.duration ?></th><?cs
 if:Table.ShowRates ?><th scope="col" class="num"><?cs var:Lang.table.hourly_rate ?></th><th scope="col" class="num"><?cs var:Lang.table.total_rate ?></th><?cs /if ?></tr></thead>
<tbody>
<?cs each:row = Table.Rows ?><tr class="record<?cs if:row.Billable == "0" ?> not-billable<?cs /if ?>" data-date="<?cs var:row.IsoDate ?>" data-duration="<?cs var:row.DurationSec ?>"<?cs if:Table.ShowRates ?> data-rate="<?cs var:row.RateRaw ?>" data-billable-rate="<?cs var:row.BillableRateRaw ?>"<?cs /if ?> data-billable="<?cs var:row.Billable ?>">
<td class="date"><?cs var:row.Date ?></td><?cs
 if:Table.ShowUser ?><td class="user"><?cs var:row.User ?></td><?cs /if ?><?cs
 if:Table.ShowProject ?><td class="project"><?cs each:p = row.Projects ?><?cs if:!first(p) ?>, <?cs /if ?><?cs var:p ?><?cs /each ?></td><?cs /if ?>
<td><div class="desc"><?cs var:row.Description ?></div><?cs if:row.Billable == "0" ?><span class="badge not-billable"><?cs var:Lang.table.not_billable ?></span><?cs elif:row.Billable == "mixed" ?><span class="badge not-billable"><?cs var:Lang.share.partly_not_billable ?></span><?cs /if ?></td>
<td class="num duration"><?cs var:row.Duration ?></td><?cs
 if:Table.ShowRates ?>
<td class="num hourly-rate"><?cs if:row.HourlyRate ?><?cs var:row.HourlyRate ?><?cs else ?><?cs each:p = row.Parts ?><div class="rate-part"><?cs var:p.Duration ?> – <?cs var:p.Rate ?><?cs if:p.NotBillable ?> <span class="badge not-billable"><?cs var:Lang.table.not_billable ?></span><?cs /if ?></div><?cs /each ?><?cs /if ?></td>
<td class="num total-rate"><?cs var:row.Rate ?><?cs if:row.NonBillableRate ?><div class="muted"><?cs var:row.NonBillableRate ?> <span class="badge not-billable"><?cs var:Lang.table.not_billable ?></span></div><?cs /if ?></td><?cs /if ?>
</tr>
<?cs /each ?></tbody>
<tfoot><tr class="totals" data-total-duration="<?cs var:Table.TotalDurationSec ?>"<?cs if:Table.ShowRates ?> data-total-rate="<?cs var:Table.TotalRateRaw ?>"<?cs /if ?>>
<th scope="row" colspan="<?cs var:Table.LeadCols ?>"><?cs var:Lang.table.total ?></th>
<td class="num duration"><?cs var:Table.TotalDuration ?></td><?cs
 if:Table.ShowRates ?><td></td><td class="num total-rate"><?cs var:Table.TotalRate ?></td><?cs /if ?>
</tr></tfoot>
</table>
</div>
<?cs /if ?></section>
<?cs if:Share.Type == "customer" && !Share.ProjectPage ?><section class="card projects" aria-labelledby="projects-title">
<h2 id="projects-title"><?cs var:Lang.share.projects ?></h2>
<?cs if:Projects.Count == 0 ?><p class="empty"><?cs var:Lang.share.no_projects ?></p>
<?cs else ?><div class="table-wrap">
<table class="projects">
<thead><tr><th scope="col"><?cs var:Lang.table.project ?></th><th scope="col"><span class="sr-only"><?cs var:Lang.share.open_project ?></span></th></tr></thead>
<tbody>
<?cs each:p = Projects.List ?><tr data-project-id="<?cs var:p.Id ?>"><td><a href="<?cs var:p.Url ?>"><?cs var:p.Name ?></a></td><td><a class="button" href="<?cs var:p.Url ?>"><?cs var:Lang.share.open_project ?></a></td></tr>
<?cs /each ?></tbody>
</table>
</div>
<?cs /if ?></section>
<?cs /if ?><?cs include:"footer.cs" ?>
