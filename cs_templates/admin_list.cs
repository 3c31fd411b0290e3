<?cs # Admin: the list of shares.  Works without JavaScript: the copy button
     stays hidden unless admin.js runs; the URL field can always be
     selected by hand. ?><?cs
set:Page.Title = Lang.admin.title ?><?cs
set:Page.Script = Static.admin_js ?><?cs
include:"header.cs" ?>
<div class="page-header">
<div>
<p class="page-pretitle"><?cs var:Lang.app.name ?></p>
<h1 class="page-title" id="shares-title"><?cs var:Lang.admin.list_title ?></h1>
</div>
<div class="page-actions">
<a class="btn btn-primary" href="<?cs var:Admin.CreateCustomerUrl ?>"><?cs var:Lang.admin.create_customer ?></a>
<a class="btn" href="<?cs var:Admin.CreateProjectUrl ?>"><?cs var:Lang.admin.create_project ?></a>
</div>
</div>
<?cs if:Admin.Done ?><div class="alert alert-success" role="status"><p><?cs var:Admin.Done ?></p></div>
<?cs /if ?><section class="card" aria-labelledby="shares-title">
<?cs if:Admin.List.Total > 0 || Admin.List.Filtered ?><div class="card-header list-tools">
<form class="list-search" method="get" action="<?cs var:Admin.Base ?>" role="search" aria-label="<?cs var:Lang.admin.list.search_label ?>">
<label class="visually-hidden" for="list-q"><?cs var:Lang.admin.list.search_label ?></label>
<input type="search" id="list-q" name="q" value="<?cs var:Admin.List.Q ?>" maxlength="100" placeholder="<?cs var:Lang.admin.list.search_placeholder ?>">
<label class="visually-hidden" for="list-type"><?cs var:Lang.admin.type ?></label>
<select id="list-type" name="type">
<option value=""><?cs var:Lang.admin.list.all_types ?></option>
<option value="customer"<?cs if:Admin.List.Type == "customer" ?> selected<?cs /if ?>><?cs var:Lang.admin.type_customer ?></option>
<option value="project"<?cs if:Admin.List.Type == "project" ?> selected<?cs /if ?>><?cs var:Lang.admin.type_project ?></option>
</select>
<label class="visually-hidden" for="list-password"><?cs var:Lang.admin.password ?></label>
<select id="list-password" name="password">
<option value=""><?cs var:Lang.admin.list.any_password ?></option>
<option value="yes"<?cs if:Admin.List.Password == "yes" ?> selected<?cs /if ?>><?cs var:Lang.admin.list.with_password ?></option>
<option value="no"<?cs if:Admin.List.Password == "no" ?> selected<?cs /if ?>><?cs var:Lang.admin.list.without_password ?></option>
</select>
<label class="visually-hidden" for="list-status"><?cs var:Lang.admin.status ?></label>
<select id="list-status" name="status">
<option value=""><?cs var:Lang.admin.list.any_status ?></option>
<option value="active"<?cs if:Admin.List.Status == "active" ?> selected<?cs /if ?>><?cs var:Lang.admin.active ?></option>
<option value="expired"<?cs if:Admin.List.Status == "expired" ?> selected<?cs /if ?>><?cs var:Lang.admin.expired ?></option>
</select>
<label class="visually-hidden" for="list-sort"><?cs var:Lang.admin.list.sort ?></label>
<select id="list-sort" name="sort">
<option value="name"<?cs if:Admin.List.Sort == "name" ?> selected<?cs /if ?>><?cs var:Lang.admin.list.sort_name ?></option>
<option value="newest"<?cs if:Admin.List.Sort == "newest" ?> selected<?cs /if ?>><?cs var:Lang.admin.list.sort_newest ?></option>
</select>
<button type="submit" class="btn btn-primary"><?cs var:Lang.admin.list.search ?></button>
<?cs if:Admin.List.Filtered ?><a class="btn btn-ghost" href="<?cs var:Admin.Base ?>"><?cs var:Lang.admin.list.reset ?></a>
<?cs /if ?></form>
</div>
<?cs /if ?><?cs if:Admin.Count == 0 ?><div class="card-body"><p class="empty"><?cs if:Admin.List.Filtered ?><?cs var:Lang.admin.list.no_match ?><?cs else ?><?cs var:Lang.admin.empty ?><?cs /if ?></p></div>
<?cs else ?><div class="card-body flush">
<div class="table-wrap" tabindex="0" role="region" aria-labelledby="shares-title">
<table class="table stack admin-shares">
<thead>
<tr>
<th scope="col"><?cs var:Lang.admin.type ?></th>
<th scope="col"><?cs var:Lang.admin.name ?></th>
<th scope="col"><?cs var:Lang.admin.url ?></th>
<th scope="col"><?cs var:Lang.admin.password ?></th>
<th scope="col"><?cs var:Lang.admin.options ?></th>
<th scope="col"><?cs var:Lang.admin.status ?></th>
<th scope="col" class="num"><?cs var:Lang.admin.views ?></th>
<th scope="col"><span class="visually-hidden"><?cs var:Lang.admin.actions ?></span></th>
</tr>
</thead>
<tbody>
<?cs each:s = Admin.Shares ?><tr>
<td data-label="<?cs var:Lang.admin.type ?>"><?cs if:s.Type == "customer" ?><span class="badge badge-info"><?cs var:Lang.admin.type_customer ?></span><?cs else ?><span class="badge"><?cs var:Lang.admin.type_project ?></span><?cs /if ?></td>
<th scope="row" data-label="<?cs var:Lang.admin.name ?>"><a class="kimai-link" href="<?cs var:s.KimaiUrl ?>"><?cs var:s.Name ?></a><?cs if:s.Customer ?><span class="rate-parts"><?cs var:s.Customer ?></span><?cs /if ?></th>
<td data-label="<?cs var:Lang.admin.url ?>"><div class="copy-field">
<input type="text" readonly value="<?cs var:s.Url ?>" id="url-<?cs name:s ?>" aria-label="<?cs var:Lang.admin.url ?>: <?cs var:s.Name ?>">
<button type="button" class="btn btn-sm" data-copy="url-<?cs name:s ?>" data-copied-text="<?cs var:Lang.admin.copied ?>" hidden><?cs var:Lang.admin.copy ?></button>
</div></td>
<td data-label="<?cs var:Lang.admin.password ?>"><?cs if:s.HasPassword == "1" ?><span class="badge badge-success"><?cs var:Lang.app.yes ?></span><?cs else ?><span class="badge badge-muted"><?cs var:Lang.app.no ?></span><?cs /if ?></td>
<td data-label="<?cs var:Lang.admin.options ?>"><span class="badges">
<span class="badge<?cs if:s.Merge == "1" ?> badge-success<?cs else ?> badge-muted<?cs /if ?>" title="<?cs var:Lang.admin.record_merge_mode ?>"><?cs var:Lang.admin.record_merge_mode ?>: <?cs var:s.MergeLabel ?></span>
<?cs if:s.Flags.entry_user_visible == "1" ?><span class="badge"><?cs var:Lang.admin.entry_user_visible ?></span>
<?cs /if ?><?cs if:s.Flags.entry_rate_visible == "1" ?><span class="badge"><?cs var:Lang.admin.entry_rate_visible ?></span>
<?cs /if ?><?cs if:s.Flags.annual_chart_visible == "1" ?><span class="badge"><?cs var:Lang.admin.annual_chart_visible ?></span>
<?cs /if ?><?cs if:s.Flags.monthly_chart_visible == "1" ?><span class="badge"><?cs var:Lang.admin.monthly_chart_visible ?></span>
<?cs /if ?><?cs if:s.Flags.budget_stats_visible == "1" ?><span class="badge"><?cs var:Lang.admin.budget_stats_visible ?></span>
<?cs /if ?><?cs if:s.Flags.time_budget_stats_visible == "1" ?><span class="badge"><?cs var:Lang.admin.time_budget_stats_visible ?></span>
<?cs /if ?><?cs if:s.ShowActivity == "1" ?><span class="badge"><?cs var:Lang.admin.show_activity ?></span>
<?cs /if ?><?cs if:s.ShowTags == "1" ?><span class="badge"><?cs var:Lang.admin.show_tags ?></span>
<?cs /if ?></span></td>
<td data-label="<?cs var:Lang.admin.status ?>" class="share-status" data-status="<?cs var:s.Status ?>"<?cs if:s.ExpiresIso ?> data-expires="<?cs var:s.ExpiresIso ?>"<?cs /if ?>><span class="badge<?cs if:s.Status == "expired" ?> badge-danger<?cs else ?> badge-success<?cs /if ?>"><?cs var:s.StatusLabel ?></span>
<span class="rate-parts"><?cs var:Lang.admin.expires ?>: <?cs if:s.Expires ?><?cs var:s.Expires ?><?cs else ?><?cs var:Lang.admin.never ?><?cs /if ?></span><?cs if:s.Window ?>
<span class="rate-parts"><?cs var:Lang.admin.window ?>: <?cs var:s.Window ?></span><?cs /if ?><?cs if:s.SignOff ?>
<span class="rate-parts share-signoffs" data-sign-off="1"><?cs var:Lang.signoff.title ?>:<?cs each:so = s.Signoffs ?> <span class="share-signoff" data-month="<?cs var:so.MonthIso ?>" data-signoff-state="<?cs var:so.State ?>"><?cs var:so.Month ?>: <?cs var:so.Name ?>, <?cs var:so.When ?> (<?cs var:so.StateLabel ?>)</span><?cs /each ?></span><?cs /if ?></td>
<td data-label="<?cs var:Lang.admin.views ?>" class="num share-views" data-views="<?cs var:s.Views ?>"<?cs if:s.LastViewIso ?> data-last-view="<?cs var:s.LastViewIso ?>"<?cs /if ?>><?cs var:s.Views ?>
<span class="rate-parts"><?cs var:Lang.admin.last_view ?>: <?cs if:s.LastView ?><?cs var:s.LastView ?><?cs else ?><?cs var:Lang.admin.not_viewed ?><?cs /if ?></span></td>
<td class="actions-cell"><div class="actions">
<a class="btn btn-sm btn-ghost" href="<?cs var:s.Url ?>" target="_blank" rel="noopener noreferrer"><?cs var:Lang.admin.open ?></a>
<a class="btn btn-sm" href="<?cs var:s.EditUrl ?>"><?cs var:Lang.admin.edit ?></a>
<a class="btn btn-sm" href="<?cs var:s.RotateUrl ?>"><?cs var:Lang.admin.rotate ?></a>
<a class="btn btn-sm btn-danger" href="<?cs var:s.DeleteUrl ?>"><?cs var:Lang.admin.delete ?></a>
</div></td>
</tr>
<?cs /each ?></tbody>
</table>
</div>
</div>
<div class="card-footer list-pager">
<p class="list-count" id="list-count"><?cs var:Admin.List.Showing ?></p>
<?cs if:Admin.List.Pages > 1 ?><nav aria-label="<?cs var:Lang.admin.list.pages ?>">
<ul class="pagination">
<li><?cs if:Admin.List.PrevUrl ?><a class="page-link" rel="prev" href="<?cs var:Admin.List.PrevUrl ?>"><?cs var:Lang.admin.list.previous ?></a><?cs else ?><span class="page-link disabled" aria-disabled="true"><?cs var:Lang.admin.list.previous ?></span><?cs /if ?></li>
<?cs each:it = Admin.List.Items ?><?cs if:it.Gap ?><li><span class="page-gap" aria-hidden="true">…</span></li>
<?cs /if ?><li><?cs if:it.Current ?><span class="page-link active" aria-current="page"><span class="visually-hidden"><?cs var:Lang.admin.list.page ?> </span><?cs var:it.Label ?></span><?cs else ?><a class="page-link" href="<?cs var:it.Url ?>" data-page="<?cs var:it.Page ?>"><span class="visually-hidden"><?cs var:Lang.admin.list.page ?> </span><?cs var:it.Label ?></a><?cs /if ?></li>
<?cs /each ?><li><?cs if:Admin.List.NextUrl ?><a class="page-link" rel="next" href="<?cs var:Admin.List.NextUrl ?>"><?cs var:Lang.admin.list.next ?></a><?cs else ?><span class="page-link disabled" aria-disabled="true"><?cs var:Lang.admin.list.next ?></span><?cs /if ?></li>
</ul>
</nav>
<?cs /if ?></div>
<?cs /if ?></section>
<?cs include:"footer.cs" ?>
