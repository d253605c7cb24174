package dev.hindsight.cli;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The folders the packaged jar is made of, read from pom.xml, so the caches keyed on them (the publish workflow's
 * and .ci/netlify-build's) can be checked against what Maven really packages.
 */
final class JarSources {
    private JarSources() {
    }

    /** Returns the folders pom.xml compiles or packages into the jar: its sources and every resource folder. */
    static List<String> packagedFolders(Path pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(pom.toFile());
        Element build = (Element) doc.getDocumentElement().getElementsByTagName("build").item(0);
        List<String> folders = new ArrayList<>();
        NodeList sources = build.getElementsByTagName("sourceDirectory");
        folders.add(sources.getLength() == 0 ? "src/main/java" : relative(sources.item(0).getTextContent()));
        NodeList resources = build.getElementsByTagName("resource");
        for (int i = 0; i < resources.getLength(); i++) {
            Element resource = (Element) resources.item(i);
            folders.add(relative(resource.getElementsByTagName("directory").item(0).getTextContent()));
        }
        return folders;
    }

    /** Returns whether a cache key made of these paths or globs ({@code dir/**}) changes when a file in the folder does. */
    static boolean covers(List<String> globs, String folder) {
        return globs.stream().map(g -> g.replaceAll("/?\\*\\*$", "").replaceAll("/$", ""))
                .anyMatch(g -> g.isEmpty() || folder.equals(g) || folder.startsWith(g + "/"));
    }

    private static String relative(String dir) {
        return dir.trim().replace("${project.basedir}/", "").replace("${basedir}/", "");
    }
}
