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
        Validate.notBlank(id, "id");
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"").append(XmlText.escape(id))
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
