package dev.hindsight.browser;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * XSS filter-evasion payloads, in the style of the OWASP cheat sheet, and the postmortems that carry them, for
 * {@link XssBrowserIT}. Each payload reports its own number when it runs: {@code alert(n)} and {@code top.__pwned=n}.
 * All are written here for this project; the table is long because each row is one case of the issue.
 */
final class XssPayloads {
    /** A word every payload postmortem contains, so that one search finds them all. */
    static final String WORD = "zebrafish";

    private XssPayloads() {
    }

    /** Where in a postmortem a payload is written. */
    enum Slot { TITLE, SLUG, SUMMARY, TAG, SERVICE, TEAM, AUTHOR, TRIGGER, HTML, MARKDOWN, HEADING, TIMELINE, TABLE, QUERY }

    /** One payload: a number it reports when it runs, where it goes, and its text. */
    record Payload(int id, Slot slot, String text) {
    }

    /** Returns every payload, numbered from 1 in table order. */
    static List<Payload> all() {
        List<Payload> all = new ArrayList<>();
        Object[][] table = {
            {Slot.TITLE, "\"><script>JS</script> zebrafish title"},
            {Slot.TITLE, "'</script><script>JS</script> zebrafish"},
            {Slot.TITLE, "<img src=x onerror=JS> zebrafish"},
            {Slot.TITLE, "<svg/onload=JS> zebrafish"},
            {Slot.TITLE, "</title><script>JS</script><title> zebrafish"},
            {Slot.SLUG, "\"><svg onload=JS>"},
            {Slot.SUMMARY, "<script>JS</script> summary"},
            {Slot.SUMMARY, "\" onmouseover=\"JS\" autofocus onfocus=\"JS"},
            {Slot.SUMMARY, "</script><img src=x onerror=JS>"},
            {Slot.SUMMARY, "{{constructor.constructor('JS')()}} ${JS}"},
            {Slot.SUMMARY, "<details open ontoggle=JS>"},
            {Slot.TAG, "<script>JS</script>"},
            {Slot.TAG, "javascript:JS"},
            {Slot.TAG, "\"><svg onload=JS>"},
            {Slot.TAG, "'-JS-'"},
            {Slot.SERVICE, "</script><script>JS</script>"},
            {Slot.SERVICE, "api\" onmouseover=\"JS"},
            {Slot.SERVICE, "<iframe src=javascript:JS>"},
            {Slot.TEAM, "<body onload=JS>"},
            {Slot.TEAM, "<a href=\"  javascript:JS\">team</a>"},
            {Slot.AUTHOR, "<img src=\"jav&#x09;ascript:JS\">"},
            {Slot.TRIGGER, "<marquee onstart=JS>"},
            {Slot.HTML, "<script>JS</script>"},
            {Slot.HTML, "<img src=x onerror=JS>"},
            {Slot.HTML, "<svg/onload=JS>"},
            {Slot.HTML, "<iframe src=\"javascript:JS\"></iframe>"},
            {Slot.HTML, "<body onload=JS>"},
            {Slot.HTML, "<a href=\"  javascript:JS\">spaced link</a>"},
            {Slot.HTML, "<a href=\"jav&#x09;ascript:JS\">tab entity link</a>"},
            {Slot.HTML, "<a href=\"&#106;avascript:JS\">decimal entity link</a>"},
            {Slot.HTML, "<a href=\"&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;JS\">hex entity link</a>"},
            {Slot.HTML, "<a href=\"JaVaScRiPt:JS\">case link</a>"},
            {Slot.HTML, "<a href=\"javascript&colon;JS\">named entity link</a>"},
            {Slot.HTML, "<a href=\"data:text/html;base64,B64\">data link</a>"},
            {Slot.HTML, "<a href=\"vbscript:msgbox(ID)\">vb link</a>"},
            {Slot.HTML, "<math><mtext><table><mglyph><style><img src=x onerror=JS>"},
            {Slot.HTML, "<details open ontoggle=JS>details</details>"},
            {Slot.HTML, "<div style=\"width: expression(JS); background:url('javascript:JS')\">styled</div>"},
            {Slot.HTML, "<object data=\"javascript:JS\"></object>"},
            {Slot.HTML, "<embed src=\"javascript:JS\">"},
            {Slot.HTML, "<base href=\"javascript:JS//\">"},
            {Slot.HTML, "<meta http-equiv=\"refresh\" content=\"0;url=javascript:JS\">"},
            {Slot.HTML, "<svg><animate onbegin=JS attributeName=x dur=1s></svg>"},
            {Slot.HTML, "<input autofocus onfocus=JS>"},
            {Slot.HTML, "<video><source onerror=JS></video>"},
            {Slot.HTML, "<noscript><p title=\"</noscript><img src=x onerror=JS>\"></noscript>"},
            {Slot.HTML, "<scr<script>ipt>JS</scr</script>ipt>"},
            {Slot.HTML, "<img src=\"x` `<script>JS</script>\"` `>"},
            {Slot.HTML, "<form><button formaction=javascript:JS>go</button></form>"},
            {Slot.HTML, "<svg><a xlink:href=\"javascript:JS\"><text y=20>svg link</text></a></svg>"},
            {Slot.HTML, "<style>@import 'javascript:JS';</style>"},
            {Slot.HTML, "<img src=x:alert(ID) onerror=eval(src)>"},
            {Slot.HTML, "<img src=x onerror=\"JS\" alt=\"quoted handler\">"},
            {Slot.HTML, "<svg onload=\"JS\"><circle r=\"4\"/></svg>"},
            {Slot.HTML, "<input autofocus onfocus=\"JS\">"},
            {Slot.HTML, "<a href=\"https://ok.example/\" onmouseover=\"JS\">handler link</a>"},
            {Slot.HTML, "<p><iframe srcdoc=\"<script>JS</script>\"></iframe></p>"},
            {Slot.HTML, "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;JS>"},
            {Slot.MARKDOWN, "[md link](javascript:JS)"},
            {Slot.MARKDOWN, "![md image](javascript:JS)"},
            {Slot.MARKDOWN, "<javascript:JS>"},
            {Slot.MARKDOWN, "[md ref][evil-ID]\n\n[evil-ID]: javascript:JS"},
            {Slot.MARKDOWN, "![md ref image][evil-ID]\n\n[evil-ID]: javascript:JS"},
            {Slot.MARKDOWN, "[md case](JaVaScRiPt:JS)"},
            {Slot.MARKDOWN, "[md entity](&#106;avascript:JS)"},
            {Slot.MARKDOWN, "[md tab](jav&#x09;ascript:JS)"},
            {Slot.MARKDOWN, "[md data](data:text/html;base64,B64)"},
            {Slot.MARKDOWN, "![md data image](data:image/svg+xml;base64,B64SVG)"},
            {Slot.MARKDOWN, "[md vb](vbscript:msgbox(ID))"},
            {Slot.MARKDOWN, "[md title](https://ok.example/ \"\\\" onmouseover=JS x=\\\"\")"},
            {Slot.MARKDOWN, "![\" onerror=\"JS](img.png)"},
            {Slot.MARKDOWN, "`<script>JS</script>` in code"},
            {Slot.MARKDOWN, "```html\n<script>JS</script>\n```"},
            {Slot.HEADING, "## <img src=x onerror=JS> heading"},
            {Slot.HEADING, "## \"><script>JS</script>"},
            {Slot.TIMELINE, "- 09:00 <img src=x onerror=JS> [step](javascript:JS) started"},
            {Slot.TIMELINE, "- 09:30 </script><script>JS</script> ended"},
            {Slot.TABLE, "| <script>JS</script> table item | <b onmouseover=JS>owner</b> | open |"},
            {Slot.QUERY, "<script>JS</script>"},
            {Slot.QUERY, "\"><img src=x onerror=JS>"},
        };
        for (Object[] row : table) {
            int id = all.size() + 1;
            String js = "alert(" + id + ");top.__pwned=" + id;
            String b64 = Base64.getEncoder().encodeToString(("<script>" + js + "</script>").getBytes(StandardCharsets.UTF_8));
            String svg = Base64.getEncoder().encodeToString(("<svg xmlns='http://www.w3.org/2000/svg' onload='" + js
                    + "'/>").getBytes(StandardCharsets.UTF_8));
            String text = ((String) row[1]).replace("B64SVG", svg).replace("B64", b64).replace("JS", js)
                    .replace("ID", String.valueOf(id));
            all.add(new Payload(id, (Slot) row[0], text));
        }
        return all;
    }

    /** Returns a postmortem with one title payload and its share of the others, all mentioning {@link #WORD}. */
    static String postmortem(Payload title, List<Payload> mine) {
        StringBuilder sb = new StringBuilder("---\n");
        sb.append("title: ").append(yaml(title.text())).append('\n');
        sb.append("severity: SEV2\n");
        for (Payload p : mine) {
            switch (p.slot()) {
                case SUMMARY -> sb.append("summary: ").append(yaml(p.text() + " " + WORD)).append('\n');
                case TRIGGER -> sb.append("trigger: ").append(yaml(p.text())).append('\n');
                case SLUG -> sb.append("slug: ").append(yaml(p.text())).append('\n');
                default -> { }
            }
        }
        list(sb, "tags", mine, Slot.TAG);
        list(sb, "services", mine, Slot.SERVICE);
        list(sb, "teams", mine, Slot.TEAM);
        list(sb, "authors", mine, Slot.AUTHOR);
        sb.append("causes: [capacity]\n");
        sb.append("action_items:\n  - title: ").append(yaml("<script>alert(0);top.__pwned=0</script> fix it"))
                .append("\n    owner: ").append(yaml("<img src=x onerror=alert(0)>"))
                .append("\n    link: ").append(yaml("https://ok.example/\"><script>alert(0)</script>")).append('\n');
        sb.append("---\n\n## Summary\n\nThe ").append(WORD).append(" incident, written to attack the reader.\n\n");
        for (Slot slot : List.of(Slot.HTML, Slot.MARKDOWN, Slot.HEADING)) {
            for (Payload p : mine) {
                if (p.slot() == slot) {
                    sb.append(p.text()).append("\n\n").append(WORD).append(" text after ").append(p.id()).append(".\n\n");
                }
            }
        }
        sb.append("## Timeline\n\n");
        mine.stream().filter(p -> p.slot() == Slot.TIMELINE).forEach(p -> sb.append(p.text()).append('\n'));
        sb.append("- 10:00 resolved\n\n## Action Items\n\n| Action | Owner | Status |\n|---|---|---|\n");
        mine.stream().filter(p -> p.slot() == Slot.TABLE).forEach(p -> sb.append(p.text()).append('\n'));
        sb.append("| Review the ").append(WORD).append(" inputs | security | open |\n");
        return sb.toString();
    }

    private static void list(StringBuilder sb, String key, List<Payload> mine, Slot slot) {
        List<Payload> values = mine.stream().filter(p -> p.slot() == slot).toList();
        if (!values.isEmpty()) {
            sb.append(key).append(":\n");
            values.forEach(p -> sb.append("  - ").append(yaml(p.text())).append('\n'));
        }
    }

    private static String yaml(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t").replace("\n", "\\n") + "\"";
    }
}
