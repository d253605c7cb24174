package dev.hindsight.render;

import dev.hindsight.model.CacheFolder;
import dev.hindsight.model.Validate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Keeps rewritten incident bodies between builds, so an unchanged body is not parsed and rewritten again.
 *
 * <p>{@link BodyRewriter#rewrite} depends only on its arguments and on the answers of its context: where a link
 * points and where an image is placed. An entry is keyed by the arguments and holds the body together with
 * every question the rewriter asked and the answer it got; it is used only when this build gives the same answers to
 * the same questions, asked again in the same order (so an image or a linked file is still copied to the page's folder). A link to an
 * incident that was renamed, or an image that was deleted, gives another answer and the body is rewritten. Nothing
 * lists what a body depends on: the rewriter's own questions are the list.
 */
final class BodyMemo {
    private final CacheFolder cache;

    /** What the rewriter asks its context: where a link leads, where an image or a linked file is placed. */
    enum Question { LINK, IMAGE, ATTACHMENT }

    /** One question the rewriter asked its context, and the answer. */
    record Ask(Question question, String argument, Optional<String> answer) {
    }

    /** A kept body with the questions it was made from. */
    record Entry(List<Ask> asks, RenderedBody body) {
    }

    /** Creates a memo over a cache folder; a disabled folder rewrites every body. */
    BodyMemo(CacheFolder cache) {
        this.cache = Validate.notNull(cache, "cache");
    }

    /**
     * Returns the rewritten body: the kept one when its questions get the same answers, else a new rewrite. The entry
     * is keyed by a basis, the digest of what the html, title and slots are made from (for an incident's body, the
     * incident's whole digest), with the context's fixed parts: hashing 10,000 bodies again for their keys took half
     * a second of a warm build.
     *
     * @param basis a digest that the html, the title and the slots follow from: the same basis, the same arguments
     */
    RenderedBody rewrite(String basis, String html, String title, List<BodyRewriter.SlotRequest> slots,
                         BodyRewriter.Context ctx) {
        if (!cache.enabled()) {
            return BodyRewriter.rewrite(html, title, slots, ctx);
        }
        String key = key(basis, ctx.root(), ctx.source());
        Optional<RenderedBody> kept = cache.getRecord(key, Entry.class).flatMap(entry -> answered(entry, ctx));
        if (kept.isPresent()) {
            return kept.get();
        }
        Recording recording = new Recording(ctx);
        RenderedBody body = BodyRewriter.rewrite(html, title, slots, recording);
        cache.putRecord(key, new Entry(List.copyOf(recording.asks), body));
        return body;
    }

    /** Keeps the entry of a body rewritten in an earlier build, when there is one, without reading it. */
    void keep(String basis, String root, String source) {
        if (cache.enabled()) {
            cache.keep(key(basis, root, source));
        }
    }

    private String key(String basis, String root, String source) {
        return cache.key("body", Validate.notBlank(basis, "basis"), root, source);
    }

    /** Returns the kept body when every question gets its recorded answer again; empty for a damaged entry. */
    private static Optional<RenderedBody> answered(Entry entry, BodyRewriter.Context ctx) {
        for (Ask a : entry.asks()) {
            Optional<String> now = switch (a.question()) {
                case LINK -> ctx.linkTarget(a.argument());
                case IMAGE -> ctx.image(a.argument());
                case ATTACHMENT -> ctx.attachment(a.argument());
            };
            if (!now.equals(a.answer())) {
                return Optional.empty();
            }
        }
        return Optional.of(entry.body());
    }

    /** A context that records what it is asked. */
    private static final class Recording implements BodyRewriter.Context {
        private final BodyRewriter.Context inner;
        private final List<Ask> asks = Collections.synchronizedList(new ArrayList<>());

        Recording(BodyRewriter.Context inner) {
            this.inner = inner;
        }

        @Override
        public String root() {
            return inner.root();
        }

        @Override
        public String source() {
            return inner.source();
        }

        @Override
        public Optional<String> linkTarget(String linkPath) {
            Optional<String> answer = inner.linkTarget(linkPath);
            asks.add(new Ask(Question.LINK, linkPath, answer));
            return answer;
        }

        @Override
        public Optional<String> image(String src) {
            Optional<String> answer = inner.image(src);
            asks.add(new Ask(Question.IMAGE, src, answer));
            return answer;
        }

        @Override
        public Optional<String> attachment(String linkPath) {
            Optional<String> answer = inner.attachment(linkPath);
            asks.add(new Ask(Question.ATTACHMENT, linkPath, answer));
            return answer;
        }
    }
}
