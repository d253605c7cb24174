package dev.hindsight.report;

import dev.hindsight.model.Validate;
import dev.hindsight.render.XmlText;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Writes the SVG markup of one chart: an accessible root with a title and description, rectangles with tooltips,
 * lines and text. Coordinates are written with at most one decimal, the same on every platform.
 */
final class Svg {
    private final StringBuilder sb = new StringBuilder(4096);
    private boolean closed;

    /**
     * Opens the root element.
     *
     * @param id     unique in the page; prefixes the ids of the title and description
     * @param width  the drawing width in user units
     * @param height the drawing height in user units
     * @param title  a short accessible name
     * @param desc   the chart's content in words, for readers who cannot see it
     */
    Svg(String id, double width, double height, String title, String desc) {
        this(id, width, height, title, desc, "chart");
    }

    /** Opens the root element with its own CSS classes (which should include "chart"). */
    Svg(String id, double width, double height, String title, String desc, String cssClass) {
        Validate.notBlank(id, "id");
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"").append(XmlText.escape(cssClass)).append("\" id=\"").append(XmlText.escape(id))
                .append("\" viewBox=\"0 0 ").append(num(width)).append(' ').append(num(height))
                .append("\" width=\"").append(num(width)).append("\" height=\"").append(num(height))
                .append("\" role=\"img\" aria-labelledby=\"").append(XmlText.escape(id)).append("-title ")
                .append(XmlText.escape(id)).append("-desc\">\n")
                .append("<title id=\"").append(XmlText.escape(id)).append("-title\">").append(XmlText.escape(title)).append("</title>\n")
                .append("<desc id=\"").append(XmlText.escape(id)).append("-desc\">").append(XmlText.escape(desc)).append("</desc>\n");
    }

    /** Adds a rectangle with a CSS class, a fallback fill colour and an optional tooltip. */
    Svg rect(double x, double y, double w, double h, String cssClass, String fill, String tooltip) {
        sb.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(w))
                .append("\" height=\"").append(num(h)).append("\" class=\"").append(XmlText.escape(cssClass))
                .append("\" fill=\"").append(XmlText.escape(fill)).append('"');
        if (tooltip.isEmpty()) {
            sb.append("/>\n");
        } else {
            sb.append("><title>").append(XmlText.escape(tooltip)).append("</title></rect>\n");
        }
        return this;
    }

    /** Adds a line. */
    Svg line(double x1, double y1, double x2, double y2, String cssClass) {
        sb.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"").append(num(x2))
                .append("\" y2=\"").append(num(y2)).append("\" class=\"").append(XmlText.escape(cssClass))
                .append("\" stroke=\"#8c959f\"/>\n");
        return this;
    }

    /** Adds text; anchor is start, middle or end. Text inside the chart is hidden from screen readers (the description says it). */
    Svg text(double x, double y, String anchor, String cssClass, String fill, String text) {
        sb.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" text-anchor=\"").append(anchor)
                .append("\" class=\"").append(XmlText.escape(cssClass)).append("\" fill=\"").append(XmlText.escape(fill))
                .append("\" aria-hidden=\"true\">").append(XmlText.escape(text)).append("</text>\n");
        return this;
    }

    /** Adds text with a tooltip that shows its full version (for shortened labels). */
    Svg text(double x, double y, String anchor, String cssClass, String fill, String text, String full) {
        if (full.equals(text)) {
            return text(x, y, anchor, cssClass, fill, text);
        }
        sb.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" text-anchor=\"").append(anchor)
                .append("\" class=\"").append(XmlText.escape(cssClass)).append("\" fill=\"").append(XmlText.escape(fill))
                .append("\" aria-hidden=\"true\"><title>").append(XmlText.escape(full)).append("</title>")
                .append(XmlText.escape(text)).append("</text>\n");
        return this;
    }

    /** Adds text of one or more lines, centred on y, with a tooltip giving the full text. */
    Svg lines(double x, double y, double lineHeight, String anchor, String cssClass, String fill, java.util.List<String> lines,
              String full) {
        if (lines.size() == 1) {
            return text(x, y + lineHeight * 0.35, anchor, cssClass, fill, lines.get(0), full);
        }
        double first = y - lineHeight * (lines.size() - 1) / 2 + lineHeight * 0.35;
        sb.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(first)).append("\" text-anchor=\"").append(anchor)
                .append("\" class=\"").append(XmlText.escape(cssClass)).append("\" fill=\"").append(XmlText.escape(fill))
                .append("\" aria-hidden=\"true\"><title>").append(XmlText.escape(full)).append("</title>");
        for (int i = 0; i < lines.size(); i++) {
            sb.append("<tspan x=\"").append(num(x)).append('"');
            if (i > 0) {
                sb.append(" dy=\"").append(num(lineHeight)).append('"');
            }
            sb.append('>').append(XmlText.escape(lines.get(i))).append("</tspan>");
        }
        sb.append("</text>\n");
        return this;
    }

    /** Splits a label into at most two lines of at most width characters at spaces, shortening what still does not fit. */
    static java.util.List<String> wrap(String s, int width) {
        if (s.length() <= width) {
            return java.util.List.of(s);
        }
        int cut = s.lastIndexOf(' ', width);
        if (cut <= 0) {
            return java.util.List.of(shorten(s, width));
        }
        return java.util.List.of(s.substring(0, cut), shorten(s.substring(cut + 1), width));
    }

    /** Closes the root and returns the markup. */
    String done() {
        Validate.isTrue(!closed, "chart already closed");
        closed = true;
        return sb.append("</svg>").toString();
    }

    /** Shortens a label to at most max characters, ending in an ellipsis when cut. */
    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, Math.max(1, max - 1)).stripTrailing() + "\u2026";
    }

    /** Formats a coordinate with at most one decimal. */
    static String num(double d) {
        return BigDecimal.valueOf(d).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
