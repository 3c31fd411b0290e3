<?cs # Admin: confirm giving a share a new key.  Nothing changes on a GET;
     the form posts to this URL with the CSRF token. ?><?cs
include:"header.cs" ?>
<div class="page-header">
<div>
<a class="back-link" href="<?cs var:Admin.ListUrl ?>"><?cs var:Lang.admin.list_title ?></a>
<h1 class="page-title"><?cs var:Lang.admin.rotate_title ?></h1>
</div>
</div>
<section class="card danger-zone" aria-labelledby="rotate-title">
<div class="card-header"><h2 class="card-title" id="rotate-title"><?cs var:Rotate.Name ?></h2></div>
<div class="card-body">
<dl class="admin-facts">
<dt><?cs var:Lang.admin.type ?></dt>
<dd><?cs if:Rotate.Type == "customer" ?><?cs var:Lang.admin.type_customer ?><?cs else ?><?cs var:Lang.admin.type_project ?><?cs /if ?></dd>
<dt><?cs var:Lang.admin.name ?></dt>
<dd><?cs var:Rotate.Name ?><?cs if:Rotate.Customer ?> (<?cs var:Rotate.Customer ?>)<?cs /if ?></dd>
<dt><?cs var:Lang.admin.url ?></dt>
<dd><code><?cs var:Rotate.Url ?></code></dd>
</dl>
<p class="alert alert-warning"><?cs var:Lang.admin.rotate_confirm ?></p>
<form method="post" action="" class="form-actions">
<input type="hidden" name="_token" value="<?cs var:Admin.Csrf ?>">
<button type="submit" class="btn btn-danger"><?cs var:Lang.admin.rotate ?></button>
<a class="btn btn-ghost" href="<?cs var:Admin.ListUrl ?>"><?cs var:Lang.admin.cancel ?></a>
</form>
</div>
</section>
<?cs include:"footer.cs" ?>
