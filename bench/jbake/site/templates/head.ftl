<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title?html} · JBake peer</title>
<style>body{font-family:system-ui,sans-serif;max-width:52rem;margin:auto;padding:1rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .4rem}</style>
</head>
<body>
<header><a href="${content.rootpath!""}index.html">JBake peer</a> · <a href="${content.rootpath!""}tags/index.html">tags</a></header>
<main>
