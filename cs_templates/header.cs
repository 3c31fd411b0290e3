<!DOCTYPE html>
<html lang="<?cs var:Page.HtmlLang ?>">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title><?cs var:Page.Title ?><?cs if:Page.Title ?> – <?cs /if ?><?cs var:Lang.app.name ?></title>
<link rel="stylesheet" href="/customer-portal/static/portal.css">
</head>
<body>
<a class="skip" href="#main"><?cs var:Lang.app.skip ?></a>
<header class="topbar"><div class="wrap"><span class="brand"><?cs var:Lang.app.name ?></span></div></header>
<main id="main" class="wrap">
