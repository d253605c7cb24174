<#assign title = "All incidents">
<#include "head.ftl">
<h1>All incidents</h1>
<ul>
<#list published_posts as post>
<li><a href="${post.uri}">${post.title?html}</a> <time>${post.date?string("yyyy-MM-dd")}</time> ${(post.severity!"")?html}</li>
</#list>
</ul>
<#include "foot.ftl">
