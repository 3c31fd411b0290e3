<?cs # Charts of a share page (docs/design.md, "Share pages"; data: Chart.* from share_stats.c,
  see share_stats.h).  Including this file only defines macros:
    call:annual_chart()   the annual chart card (when Chart.Annual.Visible)
    call:chart_switch()   the table/chart switch of the timesheet card
                          (when Chart.Switch.Visible)
    call:monthly_chart()  the daily chart figure, for the timesheet card in
                          place of the table (when Chart.Monthly.Visible)
  Chart.Annual.Svg and Chart.Monthly.Svg are markup the program builds
  itself, every text in them escaped by its own XML escaper (svg_chart.c):
  they are the ONLY values written raw (uvar:) here.  Everything else is
  escaped.  The SVG has role="img" and an accessible name; the exact
  figures are repeated in a visually hidden table for screen readers. ?><?cs

def:chart_table(c, head) ?><table class="visually-hidden chart-table">
<caption><?cs var:c.Title ?></caption>
<thead><tr><th scope="col"><?cs var:head ?></th><th scope="col"><?cs var:Lang.table.duration ?></th></tr></thead>
<tbody>
<?cs each:bar = c.Bars ?><tr><th scope="row"><?cs if:bar.Date ?><?cs var:bar.Date ?><?cs else ?><?cs var:bar.Label ?><?cs /if ?></th><td data-seconds="<?cs var:bar.Seconds ?>"><?cs var:bar.Duration ?></td></tr>
<?cs /each ?></tbody>
<tfoot><tr><th scope="row"><?cs var:Lang.table.total ?></th><td><?cs var:c.Total ?></td></tr></tfoot>
</table>
<?cs /def ?><?cs

def:annual_chart() ?><?cs if:Chart.Annual.Visible ?><section class="card chart-card annual-chart" aria-labelledby="annual-chart-heading">
<h2 id="annual-chart-heading"><?cs var:Chart.Annual.Title ?></h2>
<figure class="chart" data-total-seconds="<?cs var:Chart.Annual.TotalSeconds ?>">
<?cs uvar:Chart.Annual.Svg ?>
<figcaption><?cs var:Lang.table.total ?>: <?cs var:Chart.Annual.Total ?></figcaption>
</figure>
<?cs call:chart_table(Chart.Annual, Lang.chart.month) ?></section>
<?cs /if ?><?cs /def ?><?cs

def:chart_switch() ?><?cs if:Chart.Switch.Visible ?><nav class="segmented details-switch" aria-label="<?cs var:Lang.share.details ?>">
<a href="<?cs var:Chart.Switch.TableUrl ?>"<?cs if:Chart.Switch.Current == "table" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.share.details_table ?></a>
<a href="<?cs var:Chart.Switch.ChartUrl ?>"<?cs if:Chart.Switch.Current == "chart" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.share.details_chart ?></a>
</nav>
<?cs /if ?><?cs /def ?><?cs

def:monthly_chart() ?><?cs if:Chart.Monthly.Visible ?><figure class="chart monthly-chart" data-total-seconds="<?cs var:Chart.Monthly.TotalSeconds ?>">
<?cs uvar:Chart.Monthly.Svg ?>
<figcaption><?cs var:Chart.Monthly.Title ?> – <?cs var:Lang.table.total ?>: <?cs var:Chart.Monthly.Total ?></figcaption>
</figure>
<?cs call:chart_table(Chart.Monthly, Lang.chart.day) ?><?cs /if ?><?cs /def ?>
