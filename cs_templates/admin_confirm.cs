<?cs # Admin: confirm an action on one share (delete, new link); the texts
     come from the page (admin_confirm_page).  Nothing changes on a GET;
     the form posts to this URL with the CSRF token. ?><?cs
include:"header.cs" ?>
<div class="page-header">
<div>
<a class="back-link" href="<?cs var:Admin.ListUrl ?>"><?cs var:Lang.admin.list_title ?></a>
<h1 class="page-title"><?cs var:Confirm.Title ?></h1>
</div>
</div>
<section class="card danger-zone" aria-labelledby="<?cs var:Confirm.Action ?>-title">
<div class="card-header"><h2 class="card-title" id="<?cs var:Confirm.Action ?>-title"><?cs var:Confirm.Name ?></h2></div>
<div class="card-body">
<dl class="admin-facts">
<dt><?cs var:Lang.admin.type ?></dt>
<dd><?cs if:Confirm.Type == "customer" ?><?cs var:Lang.admin.type_customer ?><?cs else ?><?cs var:Lang.admin.type_project ?><?cs /if ?></dd>
<dt><?cs var:Lang.admin.name ?></dt>
<dd><?cs var:Confirm.Name ?><?cs if:Confirm.Customer ?> (<?cs var:Confirm.Customer ?>)<?cs /if ?></dd>
<dt><?cs var:Lang.admin.url ?></dt>
<dd><code><?cs var:Confirm.Url ?></code></dd>
</dl>
<p class="alert alert-warning"><?cs var:Confirm.Warning ?><?cs if:Confirm.Action == "delete" ?> <?cs var:Lang.signoff.delete_note ?><?cs /if ?></p>
<form method="post" action="" class="form-actions">
<input type="hidden" name="_token" value="<?cs var:Admin.Csrf ?>">
<button type="submit" class="btn btn-danger"><?cs var:Confirm.Button ?></button>
<a class="btn btn-ghost" href="<?cs var:Admin.ListUrl ?>"><?cs var:Lang.admin.cancel ?></a>
</form>
</div>
</section>
<?cs include:"footer.cs" ?>
