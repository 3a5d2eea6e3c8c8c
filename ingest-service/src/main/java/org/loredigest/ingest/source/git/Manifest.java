package org.loredigest.ingest.source.git;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.loredigest.ingest.domain.files.BoundedGzip;

/**
 * The grokmirror manifest public-inbox serves at {@code INBOX/manifest.js.gz}: one entry per epoch repository,
 * {@code "/linux-mm/git/0.git": {"fingerprint": "...", "modified": ...}}. A changed fingerprint means the epoch has
 * new commits; a new entry means a new epoch.
 */
final class Manifest {

    private static final Pattern EPOCH_PATH = Pattern.compile(".*/git/(\\d+)\\.git$");
    /** A manifest lists a handful of epochs; anything larger is not one. */
    private static final long MAX_MANIFEST_BYTES = 16L * 1024 * 1024;

    private Manifest() {
    }

    /** Epoch number to fingerprint (empty string when the manifest gives none), in epoch order. */
    static Map<Integer, String> parse(InputStream gzipped, ObjectMapper json) throws IOException {
        JsonNode root;
        try (InputStream in = BoundedGzip.maybeDecompress(gzipped, MAX_MANIFEST_BYTES, 1000)) {
            root = json.readTree(in);
        }
        Map<Integer, String> epochs = new TreeMap<>();
        if (root == null || !root.isObject()) {
            throw new IOException("manifest is not a JSON object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Matcher m = EPOCH_PATH.matcher(entry.getKey());
            if (m.matches()) {
                JsonNode fingerprint = entry.getValue().get("fingerprint");
                epochs.put(Integer.parseInt(m.group(1)),
                        fingerprint == null || fingerprint.isNull() ? "" : fingerprint.asText());
            }
        }
        return epochs;
    }
}
