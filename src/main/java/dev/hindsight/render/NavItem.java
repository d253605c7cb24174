package dev.hindsight.render;

/**
 * One link of the main navigation.
 *
 * @param label   the link text
 * @param path    the site path it leads to ("incidents/")
 * @param section the section name pages pass to the layout to mark it current
 */
public record NavItem(String label, String path, String section) {

    /** Returns the link target relative to the site root. */
    public String href() {
        return path + "index.html";
    }
}
