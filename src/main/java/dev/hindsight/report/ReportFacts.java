package dev.hindsight.report;

/**
 * The typed numbers of every section of one report, before they are presented.
 *
 * @param input         what they were computed from
 * @param glance        section 1
 * @param causes        section 2
 * @param recurring     section 3
 * @param afterFix      section 4
 * @param followThrough section 5
 * @param detection     section 6
 * @param durations     section 7
 * @param lessons       section 8
 * @param debt          section 9
 */
record ReportFacts(ReportInput input, AtAGlance.Facts glance, CausesOverTime.Facts causes, RecurringCauses.Facts recurring,
                   RecurredAfterFix.Facts afterFix, FollowThrough.Facts followThrough, Detection.Facts detection,
                   IncidentDurations.Facts durations, LessonsCollected.Facts lessons, PostmortemDebt.Facts debt) {
}
