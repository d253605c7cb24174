package dev.hindsight.render;

/**
 * A taxonomy term as templates show it: a label linking to its term page.
 *
 * @param taxonomy the taxonomy's URL name ("causes")
 * @param id       the term id as written in front matter
 * @param label    the display label
 * @param path     the site path of the term page, like "causes/config-change/"
 */
public record TermLink(String taxonomy, String id, String label, String path) {

    /** Returns the link target of the term page relative to the site root (prefix it with {@code root}). */
    public String href() {
        return path + "index.html";
    }
}
