package dev.hindsight.analyze;

import dev.hindsight.model.ActionItem;
import dev.hindsight.model.ActionStatus;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Site;
import dev.hindsight.model.SiteConfig;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Lists every action item with its overdue, age and SLO facts.
 */
public final class ActionLedger {

    /** Returns one entry per action item, in site order. */
    public List<LedgerEntry> entries(Site site) {
        return entries(site, p -> ItemKeys.of(p.actionItems()));
    }

    /** Returns one entry per action item, in site order, with each incident's item keys given. */
    List<LedgerEntry> entries(Site site, java.util.function.Function<Postmortem, List<String>> itemKeys) {
        Terms terms = Terms.of(site.config());
        List<LedgerEntry> out = new ArrayList<>();
        for (Postmortem p : site.postmortems()) {
            out.addAll(entries(p, itemKeys.apply(p), terms));
        }
        return out;
    }

    /**
     * What an incident's entries rest on besides the incident: the day the build measures by, the SLOs and the
     * teams.
     */
    record Terms(LocalDate today, SloPolicy slo, OwnerTeam.Resolver teams, String key) {
        /** Returns the terms a site's settings give. */
        static Terms of(SiteConfig config) {
            SloPolicy slo = SloPolicy.of(config);
            return new Terms(config.today(), slo, new OwnerTeam.Resolver(config.teams()),
                    config.today() + "\n" + slo + "\n" + config.teams());
        }
    }

    /** Returns one entry per action item of one incident, in its items' order, with the items' keys given. */
    static List<LedgerEntry> entries(Postmortem p, List<String> keys, Terms terms) {
        LocalDate today = terms.today();
        List<LedgerEntry> out = new ArrayList<>(p.actionItems().size());
        for (int i = 0; i < p.actionItems().size(); i++) {
            ActionItem a = p.actionItems().get(i);
            LocalDate end = a.status().isClosed() && a.closed().isPresent() ? a.closed().get() : today;
            OptionalLong age = p.date().map(d -> OptionalLong.of(Math.max(0, ChronoUnit.DAYS.between(d, end))))
                    .orElse(OptionalLong.empty());
            Optional<Boolean> within = p.date().flatMap(d -> withinSlo(a, d, today, terms.slo().daysFor(a.type())));
            OptionalLong overdueDays = a.isOverdue(today)
                    ? OptionalLong.of(ChronoUnit.DAYS.between(a.due().orElseThrow(), today)) : OptionalLong.empty();
            out.add(new LedgerEntry(p.slug(), a, p.teams(), a.isOverdue(today), age, within, keys.get(i),
                    terms.teams().of(a, p.teams()), overdueDays));
        }
        return out;
    }

    /**
     * Decides whether an item met its SLO: true when done within it, false when done late or still open past it;
     * empty when there is no SLO, the item was dropped (won't do), its status was never recorded, it is open but
     * still within it, or was closed on an unknown day.
     */
    static Optional<Boolean> withinSlo(ActionItem a, LocalDate incident, LocalDate today, Optional<Integer> slo) {
        if (slo.isEmpty() || a.status() == ActionStatus.WONT_DO || a.status() == ActionStatus.UNKNOWN) {
            return Optional.empty();
        }
        LocalDate deadline = incident.plusDays(slo.get());
        if (a.status() == ActionStatus.DONE) {
            return a.closed().map(c -> !c.isAfter(deadline));
        }
        return today.isAfter(deadline) ? Optional.of(false) : Optional.empty();
    }
}
