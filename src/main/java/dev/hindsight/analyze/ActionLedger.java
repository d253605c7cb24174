package dev.hindsight.analyze;

import dev.hindsight.model.ActionItem;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Site;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lists every action item with its overdue, age and SLO facts.
 */
public final class ActionLedger {

    /** Returns one entry per action item, in site order. */
    public List<LedgerEntry> entries(Site site) {
        LocalDate today = site.config().today();
        List<LedgerEntry> out = new ArrayList<>();
        for (Postmortem p : site.postmortems()) {
            for (ActionItem a : p.actionItems()) {
                long age = a.status().isClosed() && a.closed().isPresent()
                        ? ChronoUnit.DAYS.between(p.date(), a.closed().get())
                        : ChronoUnit.DAYS.between(p.date(), today);
                Optional<Boolean> within = Optional.empty();
                Optional<Integer> slo = site.config().slo(a.type());
                if (slo.isPresent() && a.status() == dev.hindsight.model.ActionStatus.DONE && a.closed().isPresent()) {
                    within = Optional.of(ChronoUnit.DAYS.between(p.date(), a.closed().get()) <= slo.get());
                }
                out.add(new LedgerEntry(p.slug(), a, p.teams(), a.isOverdue(today), Math.max(0, age), within));
            }
        }
        return out;
    }
}
