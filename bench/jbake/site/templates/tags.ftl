<#assign title = "Tags">
<#include "head.ftl">
<h1>Tags</h1>
<ul>
<#list tags as t>
<li><a href="${t.name}.html">${t.name?html}</a> (${t.tagged_posts?size})</li>
</#list>
</ul>
<#include "foot.ftl">
