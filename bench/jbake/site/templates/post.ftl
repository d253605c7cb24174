<#assign title = content.title>
<#include "head.ftl">
<article>
<h1>${content.title?html}</h1>
<p><time>${content.date?string("yyyy-MM-dd")}</time> · ${(content.severity!"")?html}</p>
<p><#list content.tags as t><a href="${content.rootpath}tags/${t}.html">${t?html}</a> </#list></p>
${content.body}
</article>
<#include "foot.ftl">
