<?xml version="1.0"?>
<rss version="2.0"><channel><title>JBake peer</title><link>${config.site_host}</link><description>Incidents</description>
<#list published_posts as post><#if post?index == 20><#break></#if>
<item><title>${post.title?xml}</title><link>${config.site_host}/${post.uri}</link></item>
</#list>
</channel></rss>
