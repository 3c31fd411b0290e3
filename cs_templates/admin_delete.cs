<?cs # Admin: confirm the deletion of a share.  Nothing is deleted by a GET;
     the form posts to this URL with the CSRF token. ?><?cs
include:"header.cs" ?>
<div class="page-header">
<div>
<a class="back-link" href="<?cs var:Admin.ListUrl ?>"><?cs var:Lang.admin.list_title ?></a>
<h1 class="page-title"><?cs var:Lang.admin.delete_title ?></h1>
</div>
</div>
<section class="card danger-zone" aria-labelledby="delete-title">
<div class="card-header"><h2 class="card-title" id="delete-title"><?cs var:Delete.Name ?></h2></div>
<div class="card-body">
<dl class="admin-facts">
<dt><?cs var:Lang.admin.type ?></dt>
<dd><?cs if:Delete.Type == "customer" ?><?cs var:Lang.admin.type_customer ?><?cs else ?><?cs var:Lang.admin.type_project ?><?cs /if ?></dd>
<dt><?cs var:Lang.admin.name ?></dt>
<dd><?cs var:Delete.Name ?><?cs if:Delete.Customer ?> (<?cs var:Delete.Customer ?>)<?cs /if ?></dd>
<dt><?cs var:Lang.admin.url ?></dt>
<dd><code><?cs var:Delete.Url ?></code></dd>
</dl>
<p class="alert alert-warning"><?cs var:Lang.admin.delete_confirm ?></p>
<form method="post" action="" class="form-actions">
<input type="hidden" name="_token" value="<?cs var:Admin.Csrf ?>">
<button type="submit" class="btn btn-danger"><?cs var:Lang.admin.delete ?></button>
<a class="btn btn-ghost" href="<?cs var:Admin.ListUrl ?>"><?cs var:Lang.admin.cancel ?></a>
</form>
</div>
</section>
<?cs include:"footer.cs" ?>
