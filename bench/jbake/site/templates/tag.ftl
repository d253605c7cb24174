<#assign title = tag>
<#include "head.ftl">
<h1>${tag?html}</h1>
<ul>
<#list tag_posts as post>
<li><a href="${content.rootpath}${post.uri}">${post.title?html}</a> <time>${post.date?string("yyyy-MM-dd")}</time></li>
</#list>
</ul>
<#include "foot.ftl">
