</main>
<footer class="site-footer">
<div class="wrap">
<span><?cs var:Lang.app.footer ?></span>
<?cs if:Page.FooterNote ?><span><?cs var:Page.FooterNote ?></span><?cs /if ?>
</div>
</footer>
</body>
</html>
