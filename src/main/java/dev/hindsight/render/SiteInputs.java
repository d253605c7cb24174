package dev.hindsight.render;

import dev.hindsight.analyze.Durations;
import dev.hindsight.analyze.Fixes;
import dev.hindsight.analyze.Recurrence;
import dev.hindsight.index.RecurrenceRule;
import dev.hindsight.index.Similar;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.SiteConfig;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The answers of one build to an incident page's questions, from the build's {@link SiteContext} and the page's
 * {@link PageResources} (which places the images it is asked about). One instance serves one page: an incident
 * page, or a content page, whose body asks only where its links point and where its images go.
 */
final class SiteInputs implements IncidentInputs {
    /**
     * How many incidents of a recurring cause to show on each side of this one. Two: the cause's page lists them all,
     * and on a big site a cause's neighbours in time are mostly other services, so a wider window adds bytes to every
     * page (0.6 KB an incident page at 10k for a third) more than it adds meaning.
     */
    private static final int AROUND = 2;
    private static final Durations NONE = new Durations(Optional.empty(), Optional.empty(), Optional.empty());

    private final SiteContext ctx;
    private final String source;
    private final PageResources res;

    /** Answers for the page of the incident read from a source file, placing its images through its resources. */
    SiteInputs(SiteContext ctx, String source, PageResources res) {
        this.ctx = ctx;
        this.source = source;
        this.res = res;
    }

    @Override
    public Optional<IncidentCard> card(String slug) {
        return Optional.ofNullable(ctx.cards.get(slug));
    }

    @Override
    public Durations durations(String slug) {
        return ctx.analysis.durations().getOrDefault(slug, NONE);
    }

    @Override
    public List<String> backlinks(String slug) {
        return ctx.analysis.backlinks().getOrDefault(slug, List.of());
    }

    @Override
    public Optional<String> previous(String slug) {
        return Optional.ofNullable(ctx.analysis.previous().get(slug));
    }

    @Override
    public Optional<String> next(String slug) {
        return Optional.ofNullable(ctx.analysis.next().get(slug));
    }

    @Override
    public Optional<String> nextEssential(String slug) {
        return Optional.ofNullable(ctx.nextEssential.get(slug));
    }

    @Override
    public List<Repeat> repeats(String slug) {
        List<Repeat> out = new ArrayList<>();
        for (RecurrenceRule.Match m : ctx.recurrenceMatches.getOrDefault(slug, List.of())) {
            Postmortem later = ctx.bySlug.get(m.later());
            Postmortem earlier = ctx.bySlug.get(m.earlier());
            if (later != null && earlier != null) {
                out.add(new Repeat(m.later(), m.earlier(), Fixes.fixedBefore(earlier, Fixes.startDay(later)).isPresent(), m.why()));
            }
        }
        return out;
    }

    @Override
    public List<Alike> similar(String slug) {
        List<Alike> out = new ArrayList<>();
        for (Similar s : ctx.index.similarTo(slug)) {
            out.add(new Alike(s.slug(), s.reasons()));
        }
        return out;
    }

    /**
     * Cuts each chain to {@value #AROUND} incidents on either side of this one; a cause-and-service chain is left
     * out (the cause's chain shows its incidents), and so is a declared chain whose incidents were all shown already.
     */
    @Override
    public List<Window> chains(String slug) {
        List<Window> out = new ArrayList<>();
        Set<String> shown = new HashSet<>();
        for (SiteContext.RecurrenceAt ra : ctx.recurrencesOf.getOrDefault(slug, List.of())) {
            Recurrence r = ra.recurrence();
            if (r.kind() == Recurrence.Kind.CAUSE_AND_SERVICE
                    || (r.kind() == Recurrence.Kind.DECLARED && shown.containsAll(r.slugs()))) {
                continue;
            }
            List<String> chain = r.slugs();
            int from = Math.max(0, ra.index() - AROUND);
            int to = Math.min(chain.size(), ra.index() + AROUND + 1);
            List<String> window = chain.subList(from, to).stream().filter(ctx.cards::containsKey).toList();
            shown.addAll(window);
            out.add(new Window(r.kind(), r.cause(), window, chain.size() - (to - from)));
        }
        return out;
    }

    @Override
    public String causeLabel(String cause) {
        return SiteConfig.label(ctx.site.config().causes(), cause);
    }

    @Override
    public String causePath(String cause) {
        return ctx.slugs.path("causes", cause);
    }

    @Override
    public String zone() {
        return ctx.site.config().zone().getId();
    }

    @Override
    public String today() {
        return ctx.site.config().today().toString();
    }

    @Override
    public long daysOverdue(String due) {
        return Math.max(0, ChronoUnit.DAYS.between(LocalDate.parse(due), ctx.site.config().today()));
    }

    @Override
    public Optional<String> linkTarget(String link) {
        return ctx.links.resolve(source, link).page();
    }

    @Override
    public Optional<String> image(String src) {
        return ctx.links.image(source, src).file().flatMap(file -> res.file(file, src));
    }

    @Override
    public Optional<String> attachment(String link) {
        return ctx.links.resolve(source, link).file().flatMap(file -> res.file(file, link));
    }
}
