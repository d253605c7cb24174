package dev.hindsight.render;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class FingerprintTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void hashIsTheFirstEightHexDigitsOfSha256() {
        // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
        assertThat(Fingerprint.of(utf8("abc"))).isEqualTo("ba7816bf");
        assertThat(Fingerprint.of(utf8("abd"))).isNotEqualTo(Fingerprint.of(utf8("abc")));
    }

    @Test
    void nameGoesBeforeTheExtension() {
        assertThat(Fingerprint.name("css/site.css", utf8("abc"))).isEqualTo("css/site.ba7816bf.css");
        assertThat(Fingerprint.name("js/x.min.js", utf8("abc"))).isEqualTo("js/x.min.ba7816bf.js");
        assertThat(Fingerprint.name("img/LICENSE", utf8("abc"))).isEqualTo("img/LICENSE.ba7816bf");
        assertThat(Fingerprint.name("a.b/file", utf8("abc"))).isEqualTo("a.b/file.ba7816bf");
    }

    @Test
    void cssReferencesToOtherAssetsFollowTheirFingerprints() {
        Map<String, byte[]> files = new TreeMap<>();
        files.put("img/logo.svg", utf8("<svg/>"));
        files.put("css/site.css", utf8("a{background:url(\"../img/logo.svg\")} b{background:url(https://x/y.png)} c{background:url(none.png)}"));
        AssetSet set = AssetSet.of(files);
        String logo = set.paths().get("img/logo.svg");
        assertThat(logo).matches("img/logo\\.[0-9a-f]{8}\\.svg");
        assertThat(set.paths().get("css/site.css")).matches("css/site\\.[0-9a-f]{8}\\.css");

        SampleSite.MemoryWriter out = written(set);
        String css = out.text(set.paths().get("css/site.css"));
        assertThat(css).contains("url(\"../" + logo + "\")").contains("url(https://x/y.png)").contains("url(none.png)");
        // The CSS name hashes the rewritten bytes, so a changed image changes the CSS URL too.
        files.put("img/logo.svg", utf8("<svg></svg>"));
        assertThat(AssetSet.of(files).paths().get("css/site.css")).isNotEqualTo(set.paths().get("css/site.css"));
    }

    @Test
    void aScriptAskingForTheAssetMapGetsEveryOtherFilesFingerprintedPath() {
        Map<String, byte[]> files = new TreeMap<>();
        files.put("img/logo.svg", utf8("<svg/>"));
        files.put("css/site.css", utf8("a{background:url(\"../img/logo.svg\")}"));
        files.put("js/engine.js", utf8("// engine"));
        files.put("js/loader.js", utf8("var MAP = " + AssetSet.ASSET_MAP + ";"));
        AssetSet set = AssetSet.of(files);
        SampleSite.MemoryWriter out = written(set);
        String loader = out.text(set.paths().get("js/loader.js"));
        assertThat(loader).isEqualTo("var MAP = {\"css/site.css\":\"" + set.paths().get("css/site.css")
                + "\",\"img/logo.svg\":\"" + set.paths().get("img/logo.svg") + "\",\"js/engine.js\":\""
                + set.paths().get("js/engine.js") + "\"};");
        assertThat(set.paths().get("js/engine.js")).matches("js/engine\\.[0-9a-f]{8}\\.js");
        // The loader's name hashes the map: a changed file elsewhere changes it; a script without the literal is untouched.
        assertThat(out.text(set.paths().get("js/engine.js"))).isEqualTo("// engine");
        files.put("js/engine.js", utf8("// engine 2"));
        assertThat(AssetSet.of(files).paths().get("js/loader.js")).isNotEqualTo(set.paths().get("js/loader.js"));
    }

    @Test
    void aProjectWithoutAssetsGetsTheBuiltInOnes(@org.junit.jupiter.api.io.TempDir java.nio.file.Path empty) {
        var loaded = AssetSet.load(empty);
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.value().paths()).containsKeys("css/site.css", "js/table.js");
    }

    @Test
    void theBuiltInThemeHasItsAssets() {
        AssetSet set = AssetSet.load(java.nio.file.Path.of(System.getProperty("hindsight.project.dir", "."))).value();
        assertThat(set.has("css/site.css")).isTrue();
        assertThat(set.has("js/table.js")).isTrue();
    }

    /** Returns the files an asset set writes. */
    private static SampleSite.MemoryWriter written(AssetSet set) {
        SampleSite.MemoryWriter out = new SampleSite.MemoryWriter();
        try {
            set.write(out);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return out;
    }
}
