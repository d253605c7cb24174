package dev.hindsight.load;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The labels a metadata line ({@code **Severity:** SEV2}) or a metadata table row ({@code | Duration | 2h |}) may
 * use, each with the field it gives (see {@link MetadataLines.Fact#field()}), in one table for both.
 */
final class MetadataLabels {
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("category", "tags"), Map.entry("categories", "tags"), Map.entry("tags", "tags"),
            Map.entry("tag", "tags"), Map.entry("labels", "tags"),
            Map.entry("severity", "severity"), Map.entry("sev", "severity"), Map.entry("incident severity", "severity"),
            Map.entry("severity level", "severity"), Map.entry("priority", "severity"),
            Map.entry("date", "date"), Map.entry("incident date", "date"), Map.entry("date of incident", "date"),
            Map.entry("summary", "summary"), Map.entry("description", "summary"), Map.entry("tl;dr", "summary"),
            Map.entry("tldr", "summary"), Map.entry("incident summary", "summary"), Map.entry("issue summary", "summary"),
            Map.entry("impact", "impact"), Map.entry("customer impact", "impact"), Map.entry("user impact", "impact"),
            Map.entry("business impact", "impact"),
            Map.entry("users affected", "impact.users"), Map.entry("affected users", "impact.users"),
            Map.entry("users impacted", "impact.users"), Map.entry("customers affected", "impact.users"),
            Map.entry("customers impacted", "impact.users"), Map.entry("affected customers", "impact.users"),
            Map.entry("support tickets", "impact.tickets"), Map.entry("support cases", "impact.tickets"),
            Map.entry("support cases raised", "impact.tickets"), Map.entry("tickets", "impact.tickets"),
            Map.entry("start", "at.started"), Map.entry("start time", "at.started"), Map.entry("started", "at.started"),
            Map.entry("started at", "at.started"), Map.entry("incident start", "at.started"),
            Map.entry("impact start", "at.started"), Map.entry("outage start", "at.started"),
            Map.entry("detected", "at.detected"), Map.entry("detected at", "at.detected"),
            Map.entry("time detected", "at.detected"),
            Map.entry("mitigated", "at.mitigated"), Map.entry("mitigated at", "at.mitigated"),
            Map.entry("end", "at.resolved"), Map.entry("end time", "at.resolved"), Map.entry("ended", "at.resolved"),
            Map.entry("ended at", "at.resolved"), Map.entry("resolved", "at.resolved"),
            Map.entry("resolved at", "at.resolved"), Map.entry("resolution time", "at.resolved"),
            Map.entry("incident end", "at.resolved"), Map.entry("impact end", "at.resolved"),
            Map.entry("outage end", "at.resolved"),
            Map.entry("duration", "after.resolved"), Map.entry("incident duration", "after.resolved"),
            Map.entry("outage duration", "after.resolved"), Map.entry("impact duration", "after.resolved"),
            Map.entry("total duration", "after.resolved"), Map.entry("downtime", "after.resolved"),
            Map.entry("service", "services"), Map.entry("services", "services"),
            Map.entry("affected service", "services"), Map.entry("affected services", "services"),
            Map.entry("affected systems", "services"), Map.entry("systems affected", "services"),
            Map.entry("components", "services"), Map.entry("affected components", "services"),
            Map.entry("team", "teams"), Map.entry("teams", "teams"), Map.entry("owning team", "teams"),
            Map.entry("responsible team", "teams"),
            Map.entry("owner", "authors"), Map.entry("author", "authors"), Map.entry("authors", "authors"),
            Map.entry("created by", "authors"), Map.entry("written by", "authors"), Map.entry("prepared by", "authors"),
            Map.entry("postmortem owner", "authors"), Map.entry("postmortem author", "authors"),
            Map.entry("document owner", "authors"),
            Map.entry("trigger", "trigger"),
            Map.entry("identified", "detection"), Map.entry("detection", "detection"),
            Map.entry("detected by", "detection"), Map.entry("how detected", "detection"),
            Map.entry("detection method", "detection"),
            Map.entry("time to detection", "after.detected"), Map.entry("time to detect", "after.detected"),
            Map.entry("detection delay", "after.detected"), Map.entry("detection time", "after.detected"),
            Map.entry("ttd", "after.detected"),
            Map.entry("time to repair", "after.mitigated"), Map.entry("time to mitigate", "after.mitigated"),
            Map.entry("time to mitigation", "after.mitigated"), Map.entry("ttm", "after.mitigated"),
            Map.entry("time to recovery", "after.resolved"), Map.entry("time to recover", "after.resolved"),
            Map.entry("time to resolve", "after.resolved"), Map.entry("time to resolution", "after.resolved"),
            Map.entry("time to restore", "after.resolved"), Map.entry("ttr", "after.resolved"),
            Map.entry("status", "moment.resolved"), Map.entry("incident status", "moment.resolved"));

    private MetadataLabels() {
    }

    /** Returns the field a label gives ("Incident date" gives "date"), ignoring case and repeated spaces. */
    static Optional<String> field(String label) {
        return Optional.ofNullable(LABELS.get(label.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT)));
    }
}
