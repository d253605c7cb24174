import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a synthetic postmortem corpus for the benchmark: {@code java bench/Generate.java --count 1000}.
 *
 * <p>Same seed, same count: byte-identical output. Each incident is 2-6 KB of Markdown with full YAML front
 * matter, every body section, a timeline (table or list) and action items (front matter, table or task list).
 * Body words come from {@link Lexicon}, sampled with a Zipf law so that search sees realistic term frequencies;
 * incidents are drawn from recurring {@link Archetype}s so similar incidents and recurring causes exist.
 * The corpus folder gets a {@code site.yml} whose vocabularies cover every id used.
 * With {@code --jbake DIR} the same incidents are also written in JBake's header format for the JBake peer.
 *
 * <p>One file on purpose (run with the JDK's source launcher, no build): the vocabulary lists make it long.
 */
public final class Generate {

    /** Runs the generator. */
    public static void main(String[] args) throws IOException {
        int count = 1000;
        long seed = 20240311L;
        Path out = null;
        Path jbake = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--count", "-n" -> count = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--out", "-o" -> out = Path.of(args[++i]);
                case "--jbake" -> jbake = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("usage: java bench/Generate.java --count N [--seed S] "
                        + "[--out DIR] [--jbake DIR]; unknown: " + args[i]);
            }
        }
        if (out == null) {
            out = Path.of("bench", "out", "corpus-" + label(count));
        }
        Corpus corpus = new Corpus(new SplittableRandom(seed), count);
        List<Incident> incidents = corpus.incidents();
        Writer.clean(out);
        Path posts = Files.createDirectories(out.resolve("postmortems"));
        long bytes = 0;
        for (Incident inc : incidents) {
            byte[] data = inc.markdown().getBytes(StandardCharsets.UTF_8);
            bytes += data.length;
            Files.write(posts.resolve(inc.slug + ".md"), data);
        }
        List<String> essential = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            essential.add(incidents.get(incidents.size() * i / 6).slug);
        }
        Files.writeString(out.resolve("site.yml"), Writer.siteYml(count, essential));
        if (jbake != null) {
            Writer.jbake(jbake, incidents);
        }
        System.out.printf(Locale.ROOT, "wrote %d incidents (%.1f KB average) to %s%n", incidents.size(),
                bytes / 1024.0 / incidents.size(), out);
    }

    static String label(int count) {
        return count % 1000 == 0 ? (count / 1000) + "k" : Integer.toString(count);
    }
}

/** Samples ranks 0..n-1 with probability proportional to 1/(rank+1)^s. */
final class Zipf {
    private final double[] cdf;

    Zipf(int n, double s) {
        cdf = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1.0 / Math.pow(i + 1, s);
            cdf[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            cdf[i] /= sum;
        }
    }

    int sample(SplittableRandom rnd) {
        double u = rnd.nextDouble();
        int lo = 0;
        int hi = cdf.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cdf[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}

/** The fixed vocabularies: site.yml terms, body words, identifiers. */
final class Lexicon {
    static final String[] SEVERITIES = {"SEV1", "SEV2", "SEV3", "SEV4"};
    static final double[] SEVERITY_SHARE = {0.06, 0.22, 0.44, 0.28};
    static final String[] TEAMS = words("payments platform data identity search storefront logistics mobile "
            + "observability networking security release-eng messaging billing growth infra-core");
    /** Services and their owning team (index into TEAMS). */
    static final String[] SERVICES = words("checkout-api orders-db payments-gateway cart-service inventory-api "
            + "auth-service session-store user-profile search-api search-indexer catalog-api pricing-engine "
            + "shipping-api warehouse-sync notification-service email-sender sms-gateway push-relay "
            + "api-gateway edge-proxy cdn dns load-balancer service-mesh kafka rabbitmq redis-cache memcached "
            + "postgres-primary postgres-replica mysql-cluster elasticsearch object-storage backup-service "
            + "metrics-pipeline log-shipper tracing-collector alertmanager grafana ci-runners artifact-registry "
            + "deploy-controller feature-flags config-service secrets-vault kubernetes-control-plane etcd "
            + "billing-service invoice-worker ledger-db fraud-scoring recommendations mobile-backend "
            + "image-resizer video-transcoder scheduler cron-runner data-warehouse etl-pipeline");
    static final String[] CAUSES = words("capacity config-change deploy dependency software-bug certificate "
            + "network data-integrity detection-gap hardware access-control process dns clock-skew");
    static final String[] CAUSE_LABELS = {"Capacity", "Config change", "Deploy", "Third-party dependency",
            "Software bug", "Certificate or key expiry", "Network", "Data integrity", "Detection gap", "Hardware",
            "Access control", "Process", "DNS", "Clock skew"};
    static final String[] TRIGGERS = words("config-push deploy traffic-spike cron-job failover dependency-upgrade "
            + "certificate-expiry schema-migration manual-change autoscaling batch-job vendor-change");
    static final String[] DETECTIONS = {"alert", "alert", "alert", "alert", "alert", "customer", "customer",
            "internal", "internal", "synthetic-check"};
    static final String[] TAGS = words("database connection-pool latency timeout retries cache kubernetes "
            + "autoscaling memory cpu disk queue backpressure tls certificates dns rollback canary "
            + "feature-flag migration replication failover load-balancer rate-limiting cdn cost "
            + "observability alerting paging runbook on-call third-party vendor api mobile payments "
            + "data-loss consistency security credentials secrets networking packet-loss bgp mtu "
            + "scheduler cron batch etl kafka redis postgres mysql elasticsearch s3 backups "
            + "terraform helm ci build-pipeline release config drift capacity-planning quota "
            + "thundering-herd retry-storm deadlock leak gc jvm node-pool ingress egress");
    /** Body words, most common first: the Zipf rank is the index. */
    static final String[] WORDS = words("service request requests error errors database traffic latency "
            + "connection connections deploy timeout cluster node nodes alert queue cache replica pool "
            + "config change rollback customers users region host pods memory disk cpu load retry retries "
            + "failover release api endpoint upstream downstream dependency metrics dashboard logs trace "
            + "threshold limit capacity backlog worker workers job jobs batch schema migration index query "
            + "queries write writes read reads leader follower partition shard shards consumer producer "
            + "topic broker lag throughput saturation spike incident mitigation restart restarts health "
            + "check checks probe probes certificate key token session sessions gateway proxy balancer "
            + "route routing network packet packets zone zones instance instances container image "
            + "scheduler cron flag flags setting settings value values version versions canary rollout "
            + "pipeline build artifact registry storage bucket volume snapshot backup restore checksum "
            + "transaction transactions lock locks deadlock contention thread threads heap garbage "
            + "collection pause pauses kernel socket sockets descriptor descriptors handshake resolver "
            + "record records lookup lookups ttl vendor provider contract quota throttling ratelimit "
            + "burst autoscaler scaling headroom buffer buffers timeoutms keepalive idle eviction "
            + "stampede herd storm amplification backpressure circuit breaker fallback degraded partial "
            + "outage elevated intermittent sustained gradual sudden regional global internal external "
            + "paging pager runbook escalation handoff bridge channel status page comms stakeholder "
            + "postmortem review followup owner ticket tickets sla slo budget burn rate percentile p99 "
            + "p95 median histogram sample samples window interval tick clock skew drift ntp leap "
            + "hostname subnet vpc peering firewall rule rules acl policy iam role permission "
            + "credential secret vault rotation expiry renewal chain issuer intermediate ocsp "
            + "migration backfill reindex compaction vacuum bloat fragmentation eviction "
            + "replication binlog wal checkpoint fsync journal inode quota filesystem mount "
            + "etcd coredns kubelet ingress egress daemonset statefulset deployment configmap helm "
            + "terraform ansible argocd flux jenkins github webhook kafka zookeeper redis memcached "
            + "postgres mysql elasticsearch opensearch cassandra s3 gcs cloudfront akamai fastly "
            + "nginx envoy haproxy istio linkerd grpc http https tcp udp tls mtls jvm gc oom "
            + "oomkilled crashloop backoff evicted pending unschedulable taint toleration affinity "
            + "cordon drain upgrade downgrade patch hotfix revert bisect regression flaky");

    static final String[] HOST_ROLES = words("prod canary replica worker shard primary edge batch");
    static final String[] CONFIG_SUFFIXES = words("size timeout limit max min ttl interval ratio threshold "
            + "enabled count window");
    static final String[] HTTP_CODES = words("500 502 503 504 429 408 401 403");

    static String[] words(String s) {
        return s.trim().split("\\s+");
    }

    private Lexicon() {
    }
}

/** A recurring kind of incident: causes, a main service, a mechanism and its signature words. */
final class Archetype {
    static final String[][] MECHANISMS = {
        {"connection pool exhaustion", "thread pool saturation", "disk full", "memory exhaustion",
            "queue backlog", "file descriptor exhaustion", "CPU throttling"},
        {"a bad config push", "a feature flag misconfiguration", "a wrong timeout value", "an invalid routing rule",
            "a firewall rule change", "a missing environment variable"},
        {"a faulty release", "an incompatible schema migration", "a skipped canary stage", "a failed rollback",
            "a broken container image"},
        {"an upstream API outage", "payment provider errors", "a cloud region degradation", "CDN errors",
            "a vendor rate limit"},
        {"a race condition in cache refresh", "a retry storm", "a memory leak in the worker",
            "an infinite loop in the scheduler", "a null pointer in the request handler", "a deadlock under load"},
        {"an expired TLS certificate", "a certificate chain mismatch", "an expired signing key"},
        {"packet loss between zones", "load balancer health check failures", "an MTU mismatch", "a BGP route leak"},
        {"replication lag", "data corruption after a migration", "a split brain after failover",
            "an index rebuild lock"},
        {"a silent failure with no alert", "an alert routed to the wrong team", "a dashboard hiding the errors"},
        {"a disk failure", "an unplanned host reboot", "a network card failure"},
        {"an expired API key", "a revoked service credential", "an overly broad IAM policy change"},
        {"an outdated runbook", "a missed manual step", "an unclear handoff between teams"},
        {"CoreDNS timeouts", "a TTL misconfiguration", "resolver overload"},
        {"clock skew between nodes", "an NTP server outage", "a leap second bug"},
    };

    final List<String> causes;
    final String service;
    final String mechanism;
    final List<String> signature;
    final List<String> tags;
    final String trigger;

    Archetype(SplittableRandom rnd, Zipf words) {
        int cause = rnd.nextInt(Lexicon.CAUSES.length);
        List<String> cs = new ArrayList<>(List.of(Lexicon.CAUSES[cause]));
        if (rnd.nextInt(3) == 0) {
            String second = Lexicon.CAUSES[rnd.nextInt(Lexicon.CAUSES.length)];
            if (!cs.contains(second)) {
                cs.add(second);
            }
        }
        causes = cs;
        service = Lexicon.SERVICES[rnd.nextInt(Lexicon.SERVICES.length)];
        String[] mech = MECHANISMS[cause];
        mechanism = mech[rnd.nextInt(mech.length)];
        List<String> sig = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sig.add(Lexicon.WORDS[Math.min(Lexicon.WORDS.length - 1, 40 + words.sample(rnd))]);
        }
        signature = sig;
        List<String> tg = new ArrayList<>();
        int n = 1 + rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
            String t = Lexicon.TAGS[rnd.nextInt(Lexicon.TAGS.length)];
            if (!tg.contains(t)) {
                tg.add(t);
            }
        }
        tags = tg;
        trigger = Lexicon.TRIGGERS[rnd.nextInt(Lexicon.TRIGGERS.length)];
    }
}

/** One generated incident. */
final class Incident {
    String slug;
    String title;
    LocalDate date;
    String severity;
    String summary;
    List<String> services;
    List<String> teams;
    List<String> tags;
    List<String> causes;
    String trigger;
    String detection;
    boolean nearMiss;
    LocalDateTime started;
    LocalDateTime detected;
    LocalDateTime mitigated;
    LocalDateTime resolved;
    boolean timesInFrontMatter;
    int users;
    int tickets;
    List<String> authors;
    List<String> related = new ArrayList<>();
    List<String> recurrenceOf = new ArrayList<>();
    List<Map<String, String>> actions = new ArrayList<>();
    int actionStyle;
    Archetype kind;
    String body;

    /** Returns the whole file: YAML front matter then the body. */
    String markdown() {
        StringBuilder b = new StringBuilder(6144).append("---\n");
        b.append("title: ").append(Writer.q(title)).append('\n');
        b.append("date: ").append(date).append('\n');
        b.append("severity: ").append(severity).append('\n');
        b.append("status: published\n");
        b.append("summary: ").append(Writer.q(summary)).append('\n');
        b.append("services: ").append(Writer.list(services)).append('\n');
        b.append("teams: ").append(Writer.list(teams)).append('\n');
        b.append("tags: ").append(Writer.list(tags)).append('\n');
        b.append("causes: ").append(Writer.list(causes)).append('\n');
        b.append("trigger: ").append(trigger).append('\n');
        b.append("detection: ").append(detection).append('\n');
        b.append("near_miss: ").append(nearMiss).append('\n');
        if (timesInFrontMatter) {
            b.append("times:\n");
            b.append("  started: ").append(Writer.iso(started)).append('\n');
            b.append("  detected: ").append(Writer.iso(detected)).append('\n');
            b.append("  mitigated: ").append(Writer.iso(mitigated)).append('\n');
            b.append("  resolved: ").append(Writer.iso(resolved)).append('\n');
        }
        b.append("impact: {users_affected: ").append(users).append(", customer_facing: ").append(!nearMiss)
                .append(", support_tickets: ").append(tickets).append("}\n");
        b.append("authors: ").append(Writer.list(authors)).append('\n');
        b.append("related: ").append(Writer.list(related)).append('\n');
        b.append("recurrence_of: ").append(Writer.list(recurrenceOf)).append('\n');
        if (actionStyle == 0) {
            b.append("action_items:\n");
            for (Map<String, String> a : actions) {
                String lead = "  - ";
                for (var e : a.entrySet()) {
                    String v = e.getKey().equals("title") ? Writer.q(e.getValue()) : e.getValue();
                    b.append(lead).append(e.getKey()).append(": ").append(v).append('\n');
                    lead = "    ";
                }
            }
        }
        return b.append("---\n\n").append(body).toString();
    }
}

/** Builds the incidents: dates in order, archetypes by Zipf, bodies grown to a target size. */
final class Corpus {
    private static final LocalDate FIRST = LocalDate.of(2019, 1, 1);
    private static final int SPAN_DAYS = 2556;
    private static final String[] OUTCOMES = {"outage", "degradation", "elevated errors", "partial outage",
        "slow responses", "failed requests", "intermittent errors", "data delay"};
    private static final String[] ACTION_TYPES = {"mitigate", "prevent", "detect", "process"};

    private final SplittableRandom rnd;
    private final int count;
    private final Zipf words = new Zipf(Lexicon.WORDS.length, 1.0);
    private final Text text;

    Corpus(SplittableRandom rnd, int count) {
        this.rnd = rnd;
        this.count = count;
        this.text = new Text(rnd, words);
    }

    List<Incident> incidents() {
        int kinds = Math.max(30, count / 20);
        List<Archetype> archetypes = new ArrayList<>();
        for (int i = 0; i < kinds; i++) {
            archetypes.add(new Archetype(rnd, words));
        }
        Zipf pick = new Zipf(kinds, 0.9);
        Map<Integer, List<Incident>> byKind = new LinkedHashMap<>();
        Map<String, Integer> slugs = new LinkedHashMap<>();
        List<Incident> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int k = pick.sample(rnd);
            Archetype a = archetypes.get(k);
            List<Incident> earlier = byKind.computeIfAbsent(k, x -> new ArrayList<>());
            Incident inc = incident(i, a, earlier);
            String base = inc.slug;
            int n = slugs.merge(base, 1, Integer::sum);
            inc.slug = n == 1 ? base : base + "-" + n;
            inc.body = text.body(inc);
            earlier.add(inc);
            out.add(inc);
        }
        return out;
    }

    private Incident incident(int i, Archetype a, List<Incident> earlier) {
        Incident inc = new Incident();
        inc.kind = a;
        inc.date = FIRST.plusDays((long) i * SPAN_DAYS / count);
        inc.services = new ArrayList<>(List.of(a.service));
        int extra = rnd.nextInt(3);
        for (int j = 0; j < extra; j++) {
            String s = Lexicon.SERVICES[rnd.nextInt(Lexicon.SERVICES.length)];
            if (!inc.services.contains(s)) {
                inc.services.add(s);
            }
        }
        inc.teams = new ArrayList<>();
        for (String s : inc.services) {
            String t = Writer.team(s);
            if (!inc.teams.contains(t)) {
                inc.teams.add(t);
            }
        }
        inc.causes = new ArrayList<>(a.causes);
        inc.tags = new ArrayList<>(a.tags);
        if (rnd.nextInt(4) == 0) {
            String t = Lexicon.TAGS[rnd.nextInt(Lexicon.TAGS.length)];
            if (!inc.tags.contains(t)) {
                inc.tags.add(t);
            }
        }
        inc.severity = severity();
        inc.nearMiss = inc.severity.equals("SEV4") && rnd.nextInt(3) == 0;
        inc.trigger = rnd.nextInt(4) == 0 ? Lexicon.TRIGGERS[rnd.nextInt(Lexicon.TRIGGERS.length)] : a.trigger;
        inc.detection = Lexicon.DETECTIONS[rnd.nextInt(Lexicon.DETECTIONS.length)];
        String outcome = inc.nearMiss ? "near miss" : OUTCOMES[rnd.nextInt(OUTCOMES.length)];
        String svc = Writer.label(a.service);
        inc.title = switch (rnd.nextInt(3)) {
            case 0 -> svc + " " + outcome + " from " + a.mechanism;
            case 1 -> svc + " " + outcome + " after " + a.mechanism;
            default -> Writer.capital(a.mechanism) + " caused " + outcome + " in " + svc;
        };
        inc.slug = inc.date + "-" + Writer.slug(a.service + " " + a.mechanism.replaceFirst("^(a|an) ", ""));
        inc.started = inc.date.atTime(rnd.nextInt(24), rnd.nextInt(60));
        inc.detected = inc.started.plusMinutes(1 + rnd.nextInt(45));
        inc.mitigated = inc.detected.plusMinutes(5 + rnd.nextInt(120));
        inc.resolved = inc.mitigated.plusMinutes(5 + rnd.nextInt(240));
        inc.timesInFrontMatter = rnd.nextInt(5) != 0;
        inc.users = inc.nearMiss ? 0 : 10 * (1 + rnd.nextInt(2000));
        inc.tickets = inc.nearMiss ? 0 : rnd.nextInt(80);
        inc.authors = List.of(inc.teams.get(0) + "-oncall");
        if (!earlier.isEmpty()) {
            Incident last = earlier.get(earlier.size() - 1);
            if (rnd.nextInt(10) < 3) {
                inc.related.add(last.slug);
            }
            if (rnd.nextInt(100) < 15) {
                inc.recurrenceOf.add(last.slug);
            }
        }
        inc.actionStyle = rnd.nextInt(10) < 6 ? 0 : 1 + rnd.nextInt(2);
        int n = 2 + rnd.nextInt(4);
        for (int j = 0; j < n; j++) {
            inc.actions.add(action(inc));
        }
        inc.summary = text.summary(inc, a);
        return inc;
    }

    private Map<String, String> action(Incident inc) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("title", text.actionTitle(inc));
        m.put("type", ACTION_TYPES[rnd.nextInt(ACTION_TYPES.length)]);
        m.put("owner", inc.teams.get(rnd.nextInt(inc.teams.size())));
        LocalDate due = inc.date.plusDays(14 + rnd.nextInt(80));
        m.put("due", due.toString());
        boolean old = due.isBefore(LocalDate.of(2025, 10, 1));
        int r = rnd.nextInt(100);
        String status = old ? (r < 70 ? "done" : r < 75 ? "wont-do" : r < 85 ? "in-progress" : "open")
                : (r < 25 ? "done" : r < 55 ? "in-progress" : "open");
        m.put("status", status);
        if (status.equals("done")) {
            m.put("closed", due.plusDays(rnd.nextInt(50) - 20).toString());
        }
        if (rnd.nextBoolean()) {
            m.put("link", "https://tracker.example/" + inc.teams.get(0).toUpperCase(Locale.ROOT).replace("-", "")
                    + "-" + (100 + rnd.nextInt(9000)));
        }
        return m;
    }

    private String severity() {
        double u = rnd.nextDouble();
        for (int i = 0; i < Lexicon.SEVERITIES.length; i++) {
            u -= Lexicon.SEVERITY_SHARE[i];
            if (u < 0) {
                return Lexicon.SEVERITIES[i];
            }
        }
        return Lexicon.SEVERITIES[Lexicon.SEVERITIES.length - 1];
    }
}

/** Writes the prose: sentence templates whose slots take Zipf-sampled words and rare identifiers. */
final class Text {
    private static final int MAX_BYTES = 6000;
    private static final String[] GENERIC = {
        "The {w} {w} on {svc} reached its {w} limit within {n} minutes.",
        "Engineers saw elevated {w} and {w} errors on {host}.",
        "Requests to {svc} timed out while the {w} {w} kept growing.",
        "The {team} team had changed `{cfg}` from {n} to {n2} the week before.",
        "Dashboards showed {code} responses from {svc2} rising to {n} percent of {w}.",
        "The {sig} {w} path depends on {svc2}, which amplified the {w}.",
        "Because the {w} {w} was not covered by an alert, the {sig} went unnoticed for a while.",
        "We confirmed the {sig} {w} by comparing {w} metrics across {w} zones.",
        "Retries from {svc2} doubled the {w} on {svc} and made the {sig} worse.",
        "The runbook for {svc} did not mention {sig} or `{cfg}`.",
        "A similar {sig} {w} had been seen before, but its follow-up was not finished.",
        "Load on {host} stayed above {n} percent for most of the window.",
        "Logs from {host} showed repeated {code} errors and {w} {w} warnings.",
        "The {w} {w} of {svc} is shared with {svc2}, so both were affected.",
        "After the {w} {w} was drained, the {w} returned to normal levels.",
        "We added a temporary {w} {w} to protect {svc} while the fix was prepared.",
        "Nobody expected the {w} to interact with {sig} in this way.",
        "The {w} graph for {svc} had been noisy for weeks, which hid the {sig}.",
        "Traffic shifted to {host} and its {w} {w} could not keep up.",
        "The {sig} {sig2} was visible in the {w} {w} {n} minutes before the page.",
    };
    private static final String[] EVENTS = {
        "Alert fires on {svc} for {w} {w}", "On-call engineer acknowledges the page",
        "{team} joins the incident bridge", "{code} errors climb on {host}", "Incident declared as {sev}",
        "Suspected {sig} on {svc}; investigating {w} {w}", "Rollback of `{cfg}` started",
        "Traffic drained from {host}", "Customer reports arrive about {svc}", "Status page updated",
        "{w} {w} back to baseline", "Fix deployed to {svc}", "Errors drop on {svc2}",
        "Backlog drained; monitoring", "Incident resolved",
    };
    private static final String[] ACTIONS = {
        "Add an alert on {w} {w} for {svc}", "Document {sig} recovery in the {svc} runbook",
        "Load-test {svc} at {n2} percent of peak {w}", "Automate rollback of `{cfg}`",
        "Add a canary stage for {svc}", "Raise `{cfg}` headroom on {host}", "Review {w} limits with {team}",
        "Cap retries from {svc2} to {svc}", "Add a {w} dashboard panel for {sig}",
        "Run a game day for {sig} on {svc}",
    };

    private final SplittableRandom rnd;
    private final Zipf words;
    private Incident inc;

    Text(SplittableRandom rnd, Zipf words) {
        this.rnd = rnd;
        this.words = words;
    }

    String summary(Incident in, Archetype a) {
        inc = in;
        long minutes = java.time.Duration.between(in.started, in.resolved).toMinutes();
        return Writer.label(a.service) + (in.nearMiss ? " had a near miss lasting " : " was degraded for ")
                + minutes + " minutes after " + a.mechanism + ". " + fill(pick(GENERIC));
    }

    String actionTitle(Incident in) {
        inc = in;
        return fill(pick(ACTIONS));
    }

    String body(Incident in) {
        inc = in;
        StringBuilder head = new StringBuilder();
        head.append("## Summary\n\n").append(in.summary).append("\n\n");
        StringBuilder impact = new StringBuilder("## Impact\n\n");
        impact.append(in.nearMiss ? "No customers were affected. " : "About " + in.users
                + " users were affected and support received " + in.tickets + " tickets. ").append(paragraph(0, 1));
        StringBuilder timeline = new StringBuilder("## Timeline\n\n").append(timeline()).append('\n');
        StringBuilder cause = new StringBuilder("## Root Cause\n\n");
        cause.append("The incident came from ").append(in.kind.mechanism).append(" in ")
                .append(Writer.label(in.kind.service)).append(". ").append(paragraph(1, 2));
        for (String r : in.recurrenceOf) {
            cause.append(" This is a recurrence of [an earlier incident](").append(r).append(".md).");
        }
        for (String r : in.related) {
            if (!in.recurrenceOf.contains(r)) {
                cause.append(" See also [a related incident](").append(r).append(".md).");
            }
        }
        String trigger = "## Trigger\n\nThe trigger was " + in.trigger.replace('-', ' ') + ". " + paragraph(1, 1)
                + "\n\n";
        String detection = "## Detection\n\n" + switch (in.detection) {
            case "alert" -> "An alert on " + Writer.label(in.kind.service) + " paged the on-call engineer after "
                    + java.time.Duration.between(in.started, in.detected).toMinutes() + " minutes.";
            case "customer" -> "Customers reported the problem before any alert fired.";
            case "synthetic-check" -> "A synthetic check failed and opened a ticket.";
            default -> "An engineer noticed the " + pickWord() + " graph while working on something else.";
        } + " " + paragraph(0, 1) + "\n\n";
        StringBuilder resolution = new StringBuilder("## Resolution\n\n").append(paragraph(1, 1));
        String whys = fiveWhys();
        String lessons = "## Lessons Learned\n\n### What went well\n\n" + bullets(1, 2)
                + "\n### What went wrong\n\n" + bullets(1, 2) + "\n### Where we got lucky\n\n" + bullets(1, 1) + "\n";
        String actions = "## Action Items\n\n" + actions() + "\n";
        int target = 2048 + (int) ((rnd.nextDouble() + rnd.nextDouble()) / 2 * 4096);
        int fixed = in.markdown().length() + 200;
        StringBuilder[] growable = {cause, resolution, impact, cause};
        int size = fixed + head.length() + impact.length() + timeline.length() + cause.length() + trigger.length()
                + detection.length() + resolution.length() + whys.length() + lessons.length() + actions.length();
        for (int i = 0; size < target; i++) {
            String p = "\n\n" + paragraph(2, 4);
            if (size + p.length() > MAX_BYTES) {
                break;
            }
            growable[i % growable.length].append(p);
            size += p.length();
        }
        return head + impact.toString() + "\n\n" + timeline + cause + "\n\n" + trigger + detection + resolution
                + "\n\n" + whys + lessons + actions;
    }

    private String timeline() {
        List<java.time.LocalDateTime> at = new ArrayList<>(List.of(inc.started, inc.detected));
        int middle = 1 + rnd.nextInt(5);
        long span = java.time.Duration.between(inc.detected, inc.resolved).toMinutes();
        for (int i = 1; i <= middle; i++) {
            at.add(inc.detected.plusMinutes(span * i / (middle + 1)));
        }
        at.add(inc.mitigated);
        at.add(inc.resolved);
        at.sort(null);
        StringBuilder b = new StringBuilder();
        int style = rnd.nextInt(3);
        if (style == 0) {
            b.append("| Time (UTC) | Event |\n|---|---|\n");
        }
        for (int i = 0; i < at.size(); i++) {
            java.time.LocalDateTime t = at.get(i);
            String when = t.toLocalDate().equals(inc.date) ? Writer.hhmm(t) : t.toLocalDate() + " " + Writer.hhmm(t);
            String what = i == 0 ? "First " + pickWord() + " errors on " + Writer.label(inc.kind.service)
                    : i == at.size() - 1 ? "Incident resolved" : fill(event(i, at.size()));
            switch (style) {
                case 0 -> b.append("| ").append(when).append(" | ").append(what).append(" |\n");
                case 1 -> b.append("- ").append(when).append(' ').append(what).append('\n');
                default -> b.append("- **").append(when).append(" UTC** - ").append(what).append('\n');
            }
        }
        return b.toString();
    }

    private String fiveWhys() {
        StringBuilder b = new StringBuilder("## Five Whys\n\n");
        int n = 3 + rnd.nextInt(3);
        for (int i = 1; i <= n; i++) {
            b.append(i).append(". Why did the ").append(pickWord()).append(' ').append(pickWord())
                    .append(" fail? ").append(fill(pick(GENERIC))).append('\n');
        }
        return b.append('\n').toString();
    }

    private String actions() {
        if (inc.actionStyle == 0) {
            return "The action items are tracked in the front matter and in the team trackers.\n";
        }
        StringBuilder b = new StringBuilder();
        if (inc.actionStyle == 1) {
            b.append("| Action | Type | Owner | Due | Status |\n|---|---|---|---|---|\n");
            for (Map<String, String> a : inc.actions) {
                b.append("| ").append(a.get("title")).append(" | ").append(a.get("type")).append(" | ")
                        .append(a.get("owner")).append(" | ").append(a.get("due")).append(" | ")
                        .append(a.get("status")).append(" |\n");
            }
        } else {
            for (Map<String, String> a : inc.actions) {
                b.append("- [").append(a.get("status").equals("done") ? 'x' : ' ').append("] ")
                        .append(a.get("title")).append(" (type: ").append(a.get("type")).append(", owner: ")
                        .append(a.get("owner")).append(", due: ").append(a.get("due")).append(")\n");
            }
        }
        return b.toString();
    }

    private String bullets(int min, int max) {
        StringBuilder b = new StringBuilder();
        int n = min + rnd.nextInt(max - min + 1);
        for (int i = 0; i < n; i++) {
            b.append("- ").append(fill(pick(GENERIC))).append('\n');
        }
        return b.toString();
    }

    private String paragraph(int min, int max) {
        StringBuilder b = new StringBuilder();
        int n = min + rnd.nextInt(max - min + 1);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(fill(pick(GENERIC)));
        }
        return b.toString();
    }

    /** Picks an event that fits the position in the timeline: early events first, recovery last. */
    private String event(int position, int size) {
        int centre = (EVENTS.length - 1) * position / (size - 1);
        int i = Math.max(0, Math.min(EVENTS.length - 1, centre - 1 + rnd.nextInt(3)));
        return EVENTS[i];
    }

    private String pick(String[] options) {
        return options[rnd.nextInt(options.length)];
    }

    private String pickWord() {
        return Lexicon.WORDS[words.sample(rnd)];
    }

    private String fill(String template) {
        StringBuilder b = new StringBuilder(template.length() + 64);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int end = c == '{' ? template.indexOf('}', i) : -1;
            if (end < 0) {
                b.append(c);
                i++;
                continue;
            }
            b.append(slot(template.substring(i + 1, end)));
            i = end + 1;
        }
        String s = b.toString();
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private String slot(String name) {
        List<String> sig = inc.kind.signature;
        return switch (name) {
            case "w" -> pickWord();
            case "sig" -> sig.get(rnd.nextInt(sig.size()));
            case "sig2" -> sig.get(rnd.nextInt(sig.size()));
            case "svc" -> inc.services.get(0);
            case "svc2" -> inc.services.size() > 1 ? inc.services.get(1)
                    : Lexicon.SERVICES[rnd.nextInt(Lexicon.SERVICES.length)];
            case "team" -> inc.teams.get(rnd.nextInt(inc.teams.size()));
            case "sev" -> inc.severity;
            case "n" -> Integer.toString(2 + rnd.nextInt(98));
            case "n2" -> Integer.toString(100 + rnd.nextInt(400));
            case "host" -> inc.services.get(rnd.nextInt(inc.services.size())) + "-"
                    + Lexicon.HOST_ROLES[rnd.nextInt(Lexicon.HOST_ROLES.length)] + "-" + (1 + rnd.nextInt(40));
            case "cfg" -> pickWord() + "_" + Lexicon.CONFIG_SUFFIXES[rnd.nextInt(Lexicon.CONFIG_SUFFIXES.length)];
            case "code" -> rnd.nextInt(3) == 0 ? "ERR-" + (1000 + rnd.nextInt(9000))
                    : "HTTP " + Lexicon.HTTP_CODES[rnd.nextInt(Lexicon.HTTP_CODES.length)];
            default -> throw new IllegalStateException("unknown slot " + name);
        };
    }
}

/** Formatting and file output: YAML scalars, labels, site.yml, the JBake copy. */
final class Writer {
    private Writer() {
    }

    static String q(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    static String list(List<String> items) {
        return "[" + String.join(", ", items) + "]";
    }

    static String iso(java.time.LocalDateTime t) {
        return t.atOffset(ZoneOffset.UTC).toString().replace("Z", ":00Z").replaceAll(":00:00Z$", ":00Z");
    }

    static String hhmm(java.time.LocalDateTime t) {
        return String.format(Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute());
    }

    static String slug(String s) {
        String x = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return x.length() > 60 ? x.substring(0, 60).replaceAll("-[^-]*$", "") : x;
    }

    static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Returns the display label of a service id: "checkout-api" becomes "Checkout API". */
    static String label(String id) {
        StringBuilder b = new StringBuilder();
        for (String part : id.split("-")) {
            if (b.length() > 0) {
                b.append(' ');
            }
            boolean upper = List.of("api", "db", "cdn", "dns", "sms", "etl", "ci").contains(part);
            b.append(upper ? part.toUpperCase(Locale.ROOT) : capital(part));
        }
        return b.toString();
    }

    static String team(String service) {
        int i = List.of(Lexicon.SERVICES).indexOf(service);
        return Lexicon.TEAMS[(i * 7) % Lexicon.TEAMS.length];
    }

    static void clean(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    static String siteYml(int count, List<String> essential) {
        StringBuilder b = new StringBuilder();
        b.append("title: Synthetic Incidents (").append(Generate.label(count)).append(")\n");
        b.append("description: A generated knowledge base for the Hindsight benchmark.\n");
        b.append("base_url: https://bench.example.org/\nlanguage: en\ntimezone: UTC\n");
        b.append("severities:\n");
        String[] sevText = {"Customer-facing outage of a core flow.", "Partial degradation of a core flow.",
            "Minor or internal impact.", "No customer impact; near misses."};
        for (int i = 0; i < Lexicon.SEVERITIES.length; i++) {
            b.append("  - id: ").append(Lexicon.SEVERITIES[i]).append("\n    label: ").append(Lexicon.SEVERITIES[i])
                    .append("\n    description: ").append(sevText[i]).append('\n');
        }
        b.append("causes:\n");
        for (int i = 0; i < Lexicon.CAUSES.length; i++) {
            b.append("  - id: ").append(Lexicon.CAUSES[i]).append("\n    label: ").append(Lexicon.CAUSE_LABELS[i])
                    .append('\n');
        }
        b.append("services:\n");
        for (String s : Lexicon.SERVICES) {
            b.append("  - id: ").append(s).append("\n    label: ").append(label(s)).append("\n    team: ")
                    .append(team(s)).append('\n');
        }
        b.append("teams:\n");
        for (String t : Lexicon.TEAMS) {
            b.append("  - id: ").append(t).append("\n    label: ").append(label(t)).append('\n');
        }
        b.append("action_item_slo:\n  mitigate: 14\n  prevent: 56\n  detect: 28\n  process: 56\n");
        b.append("essential:\n");
        essential.forEach(e -> b.append("  - ").append(e).append('\n'));
        b.append("blameless:\n");
        String[][] rules = {{"human error", "Describe the conditions that made the action easy to get wrong."},
            {"\\\\bforgot\\\\b", "Say which step the tooling or runbook did not prompt."},
            {"should have known", "Explain what information was available at the time."},
            {"\\\\bcareless", "Describe the time pressure or missing guard rails instead."},
            {"\\\\bobvious(ly)?\\\\b", "Say what signal was missing or buried."}};
        for (String[] r : rules) {
            b.append("  - pattern: \"").append(r[0]).append("\"\n    suggestion: \"").append(r[1]).append("\"\n");
        }
        return b.toString();
    }

    /** Writes the incidents with JBake's key=value header, causes and services folded into tags. */
    static void jbake(Path dir, List<Incident> incidents) throws IOException {
        clean(dir);
        Path posts = Files.createDirectories(dir.resolve("content").resolve("incidents"));
        for (Incident inc : incidents) {
            List<String> tags = new ArrayList<>(inc.tags);
            inc.causes.forEach(c -> tags.add("cause-" + c));
            inc.services.forEach(s -> tags.add("service-" + s));
            inc.teams.forEach(t -> tags.add("team-" + t));
            tags.add("severity-" + inc.severity.toLowerCase(Locale.ROOT));
            String header = "title=" + inc.title + "\ndate=" + inc.date + "\ntype=post\nstatus=published\n"
                    + "tags=" + String.join(",", tags) + "\nseverity=" + inc.severity + "\nsummary="
                    + inc.summary + "\n~~~~~~\n\n";
            Files.writeString(posts.resolve(inc.slug + ".md"), header + inc.body);
        }
    }
}
