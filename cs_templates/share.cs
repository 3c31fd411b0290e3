<?cs # The share page (docs/design.md, "Share pages").  Every value is escaped (VarEscapeMode
  html).  Descriptions keep their newlines through CSS (white-space:
  pre-line on .desc), never through markup built from data, so nothing may
  stand between the .desc element and its text.  Columns the share hides
  are absent from the data (share_table.c), not merely skipped here.
  The table's rows are markup built by share_table.c, every text in them
  escaped there (a month can have hundreds of rows: see its comment);
  Table.RowsHtml is written raw, like the chart SVGs of share_charts.cs.
  So are Nav.MonthOptions and Nav.YearOptions, the <option>s of the month
  and year selects, built by share_nav.c with the month names escaped.
  Charts and budget statistics come from share_stats.cs / share_charts.cs.
?><?cs include:"header.cs" ?><?cs include:"share_stats.cs" ?><?cs include:"share_charts.cs" ?>
<div class="page-header share-head">
<div>
<?cs if:Share.BackUrl ?><a class="back-link" href="<?cs var:Share.BackUrl ?>"><?cs var:Lang.share.back_to_customer ?></a>
<?cs /if ?><p class="page-pretitle"><?cs if:Share.Type == "customer" && !Share.ProjectPage ?><?cs var:Lang.share.customer ?><?cs else ?><?cs var:Lang.share.project ?><?cs /if ?></p>
<h1 class="page-title" id="share-name"><?cs var:Share.Name ?></h1>
<?cs if:Share.Type == "project" || Share.ProjectPage ?><p class="page-subtitle share-customer"><?cs var:Lang.share.customer ?>: <?cs var:Share.Customer ?></p>
<?cs /if ?></div>
<nav class="period" aria-label="<?cs var:Lang.share.month_nav ?>">
<?cs if:Nav.Prev.Url ?><a class="btn prev" rel="prev" href="<?cs var:Nav.Prev.Url ?>" title="<?cs var:Nav.Prev.Label ?>"><span class="label"><?cs var:Lang.share.prev_month ?></span></a>
<?cs /if ?><span class="period-label" id="month-label" data-year="<?cs var:Nav.Year ?>" data-month="<?cs var:Nav.Month ?>"><?cs var:Nav.Label ?></span>
<?cs if:Nav.Next.Url ?><a class="btn next" rel="next" href="<?cs var:Nav.Next.Url ?>" title="<?cs var:Nav.Next.Label ?>"><span class="label"><?cs var:Lang.share.next_month ?></span></a>
<?cs /if ?><form class="month-form" method="get">
<label class="visually-hidden" for="nav-month"><?cs var:Lang.share.month ?></label>
<select id="nav-month" name="month"><?cs uvar:Nav.MonthOptions ?></select>
<label class="visually-hidden" for="nav-year"><?cs var:Lang.share.year ?></label>
<select id="nav-year" name="year"><?cs uvar:Nav.YearOptions ?></select>
<?cs if:Nav.Details ?><input type="hidden" name="details" value="<?cs var:Nav.Details ?>">
<?cs /if ?><button class="btn" type="submit"><?cs var:Lang.share.show ?></button>
</form>
</nav>
</div>
<?cs call:annual_chart() ?><?cs call:budget_stats() ?>
<section class="card records" aria-labelledby="records-title">
<div class="card-header"><h2 class="card-title" id="records-title"><?cs var:Lang.share.records_title ?></h2><?cs call:chart_switch() ?><?cs if:Share.CsvUrl ?><a class="btn btn-sm csv-download" href="<?cs var:Share.CsvUrl ?>" download><?cs var:Lang.share.download_csv ?></a><?cs /if ?></div>
<?cs if:Chart.Monthly.Visible ?><div class="card-body"><?cs call:monthly_chart() ?></div>
<?cs elif:Table.Count == 0 ?><p class="empty" data-empty="1"><?cs var:Lang.table.empty ?></p>
<?cs else ?><div class="card-body flush"><div class="table-wrap" tabindex="0" role="region" aria-labelledby="records-title">
<table class="table stack records">
<thead><tr><th scope="col"><?cs var:Lang.table.date ?></th><?cs
 if:Table.ShowUser ?><th scope="col"><?cs var:Lang.table.user ?></th><?cs /if ?><?cs
 if:Table.ShowProject ?><th scope="col"><?cs var:Lang.table.project ?></th><?cs /if ?><?cs
 if:Table.ShowActivity ?><th scope="col"><?cs var:Lang.share.activity ?></th><?cs /if ?><th scope="col"><?cs var:Lang.table.description ?></th><th scope="col" class="num"><?cs var:Lang.table.duration ?></th><?cs
 if:Table.ShowRates ?><th scope="col" class="num"><?cs var:Lang.table.hourly_rate ?></th><th scope="col" class="num"><?cs var:Lang.table.total_rate ?></th><?cs /if ?></tr></thead>
<tbody>
<?cs uvar:Table.RowsHtml ?></tbody>
<tfoot><tr class="totals" data-total-duration="<?cs var:Table.TotalDurationSec ?>"<?cs if:Table.NonBillable ?> data-total-billable-duration="<?cs var:Table.BillableDurationSec ?>"<?cs /if ?><?cs if:Table.ShowRates ?> data-total-rate="<?cs var:Table.TotalRateRaw ?>"<?cs if:Table.NonBillable ?> data-total-nonbillable-rate="<?cs var:Table.NonBillableRateRaw ?>"<?cs /if ?><?cs /if ?>>
<th scope="row" colspan="<?cs var:Table.LeadCols ?>"><?cs var:Lang.share.total.billable ?></th>
<td class="num duration" data-label="<?cs var:Lang.table.duration ?>"><?cs var:Table.TotalDuration ?></td><?cs
 if:Table.ShowRates ?><td></td><td class="num total-rate" data-label="<?cs var:Lang.table.total_rate ?>"><?cs var:Table.TotalRate ?></td><?cs /if ?>
</tr><?cs if:Table.NonBillable ?>
<tr class="totals-nonbillable">
<th scope="row" colspan="<?cs var:Table.LeadCols ?>"><?cs var:Lang.share.total.nonbillable ?></th>
<td class="num duration" data-label="<?cs var:Lang.table.duration ?>"><?cs var:Table.NonBillableDuration ?></td><?cs
 if:Table.ShowRates ?><td></td><td class="num total-rate" data-label="<?cs var:Lang.table.total_rate ?>"><?cs var:Table.NonBillableRate ?></td><?cs /if ?>
</tr>
<tr class="totals-all">
<th scope="row" colspan="<?cs var:Table.LeadCols ?>"><?cs var:Lang.share.total.all ?></th>
<td class="num duration" data-label="<?cs var:Lang.table.duration ?>"><?cs var:Table.AllDuration ?></td><?cs
 if:Table.ShowRates ?><td></td><td class="num total-rate" data-label="<?cs var:Lang.table.total_rate ?>"><?cs var:Table.AllRate ?></td><?cs /if ?>
</tr><?cs /if ?></tfoot>
</table>
</div></div>
<?cs /if ?></section>
<?cs include:"signoff.cs" ?><?cs if:Share.Type == "customer" && !Share.ProjectPage ?><section class="card projects" aria-labelledby="projects-title">
<div class="card-header"><h2 class="card-title" id="projects-title"><?cs var:Lang.share.projects ?></h2></div>
<?cs if:Projects.Count == 0 ?><p class="empty"><?cs var:Lang.share.no_projects ?></p>
<?cs else ?><div class="card-body flush"><div class="table-wrap" tabindex="0" role="region" aria-labelledby="projects-title">
<table class="table projects">
<thead><tr><th scope="col"><?cs var:Lang.table.project ?></th><?cs if:Projects.ShowBudgets ?><th scope="col"><?cs var:Lang.stats.budget ?></th><?cs /if ?><th scope="col"><span class="visually-hidden"><?cs var:Lang.share.open_project ?></span></th></tr></thead>
<tbody>
<?cs each:p = Projects.List ?><tr data-project-id="<?cs var:p.Id ?>"><td><a href="<?cs var:p.Url ?>"><?cs var:p.Name ?></a></td><?cs if:Projects.ShowBudgets ?><td class="budgets"><?cs call:budget_bars(p) ?></td><?cs /if ?><td class="num"><a class="btn btn-sm" href="<?cs var:p.Url ?>"><?cs var:Lang.share.open_project ?></a></td></tr>
<?cs /each ?></tbody>
</table>
</div></div>
<?cs /if ?></section>
<?cs /if ?><?cs include:"footer.cs" ?>
