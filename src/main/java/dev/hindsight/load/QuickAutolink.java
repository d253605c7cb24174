package dev.hindsight.load;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.autolink.internal.AutolinkNodePostProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * Flexmark's autolink extension (plain URLs, {@code www.} addresses and e-mail addresses become links), run only on
 * text that could hold one. The stock extension scans every text node with a link extractor and a regex, which was
 * about a tenth of the time spent parsing Markdown; most text has no {@code ://}, {@code @} or {@code www.}.
 *
 * <p>The check looks at the same run of text the stock processor reads (a text node and the siblings that continue
 * it, such as the pieces emphasis delimiters leave), and hands any run with a possible link, a backslash escape or
 * an entity to the stock processor unchanged, so the output is the same.
 */
final class QuickAutolink implements Parser.ParserExtension {

    private QuickAutolink() {
    }

    /** Creates the extension. */
    static QuickAutolink create() {
        return new QuickAutolink();
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
        // no options of its own
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.postProcessorFactory(new Factory());
    }

    /** Returns true when a run of text may hold a link the stock processor would make. */
    static boolean mayLink(CharSequence run) {
        String s = run.toString();
        if (s.indexOf('@') >= 0 || s.indexOf("://") >= 0 || s.indexOf('&') >= 0 || s.indexOf('\\') >= 0) {
            return true;
        }
        for (int i = s.indexOf('.'); i >= 0; i = s.indexOf('.', i + 1)) {
            if (i >= 3 && s.regionMatches(true, i - 3, "www", 0, 3)) {
                return true;
            }
        }
        return false;
    }

    /** Returns a text node's chars with those of the following siblings that continue them. */
    private static CharSequence run(Node node) {
        BasedSequence last = node.getChars();
        Node next = node.getNext();
        if (next == null || !next.getChars().isContinuationOf(last)) {
            return last;
        }
        StringBuilder sb = new StringBuilder(last);
        while (next != null && next.getChars().isContinuationOf(last)) {
            last = next.getChars();
            sb.append(last);
            next = next.getNext();
        }
        return sb;
    }

    private static final class Factory extends NodePostProcessorFactory {
        Factory() {
            super(false);
            addNodes(Text.class);
        }

        @Override
        public NodePostProcessor apply(Document document) {
            AutolinkNodePostProcessor stock = new AutolinkNodePostProcessor(document);
            return new NodePostProcessor() {
                @Override
                public void process(NodeTracker state, Node node) {
                    if (mayLink(run(node))) {
                        stock.process(state, node);
                    }
                }
            };
        }
    }
}
