package org.loredigest.ingest.domain.source;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Where sources may read from. Anyone with the API key can add a source, and the service then makes requests and
 * reads files on that person's behalf; so by default a source reaches the lore hosts only, never this machine or a
 * private network, and {@code dir} sources are off until a folder for mirrors is configured.
 *
 * <p>Checked, in this order: the URL is http(s) without user info; its host is one of the allowed hosts (compared
 * as written, so {@code 127.1} or {@code localhost} do not pass for an allowed {@code 127.0.0.1}); every address the
 * host resolves to is public, or loopback / private with that explicitly allowed. Link-local (169.254/16, fe80::/10,
 * where clouds answer with credentials), multicast, broadcast and unspecified addresses are never allowed. The
 * request checks run before every request and every redirect hop, so a redirect cannot lead off the allowed hosts
 * and a host's DNS answer is checked again at each poll.
 */
public final class SourcePolicy {

    public static final String ALLOWED_HOSTS = "lore.ingest.source-policy.allowed-hosts";
    public static final String ALLOW_LOOPBACK = "lore.ingest.source-policy.allow-loopback";
    public static final String ALLOW_PRIVATE = "lore.ingest.source-policy.allow-private-networks";
    public static final String DIR_ROOT = "lore.ingest.source-policy.dir-root";

    private static final Pattern IPV4_LITERAL = Pattern.compile("[0-9.]+");

    /** Looks up a host's addresses; replaceable so that tests never depend on DNS. */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    /** The system resolver. */
    public static final Resolver DNS = host -> List.of(InetAddress.getAllByName(host));

    /**
     * @param allowedHosts         host names or IP literals sources may name and redirects may lead to
     * @param allowLoopback        whether those hosts may be, or resolve to, loopback addresses (127/8, ::1)
     * @param allowPrivateNetworks whether they may be in private networks (10/8, 172.16/12, 192.168/16, 100.64/10,
     *                             fc00::/7, fec0::/10)
     * @param dirRoot              the folder {@code dir} sources must lie in; null: {@code dir} sources are refused
     */
    public record Settings(Set<String> allowedHosts, boolean allowLoopback, boolean allowPrivateNetworks, Path dirRoot) {
        public Settings {
            TreeSet<String> hosts = new TreeSet<>();
            allowedHosts.forEach(h -> hosts.add(normalizeHost(h)));
            allowedHosts = Set.copyOf(hosts);
        }
    }

    private final Settings settings;
    private final Resolver resolver;

    public SourcePolicy(Settings settings, Resolver resolver) {
        this.settings = settings;
        this.resolver = resolver;
    }

    /**
     * The rules a definition can be checked against without a DNS look-up: scheme, host, literal addresses, the
     * {@code dir} root. For sources from the configuration and checkpoints at start-up (a DNS failure or a mirror
     * folder not there yet must not stop the service) and as the first check of a new one.
     */
    public void checkDefinition(SourceSpec spec) {
        if (spec.type() == SourceType.DIR) {
            confinedDir(spec.url());
        } else {
            checkUrl(uriOf(spec.inboxUrl()), false);
        }
    }

    /**
     * A new source, before it is started: its definition, every address its host resolves to, and for {@code dir}
     * that the folder exists.
     *
     * @throws IllegalArgumentException when a {@code dir} source's folder does not exist
     */
    public void checkNewSource(SourceSpec spec) {
        checkDefinition(spec);
        if (spec.type() != SourceType.DIR) {
            checkRequest(uriOf(spec.inboxUrl()));
        } else if (!Files.isDirectory(confinedDir(spec.url()))) {
            throw new IllegalArgumentException("dir source folder " + spec.url() + " does not exist");
        }
    }

    /** Before every request and redirect hop: http(s), an allowed host, resolving to allowed addresses only. */
    public void checkRequest(URI uri) {
        checkUrl(uri, true);
    }

    /**
     * Where a {@code dir} source's folder really is (symbolic links resolved as far as the path exists), refused
     * unless that lies inside the configured root. Checked when the source is added and again at every poll.
     */
    public Path confinedDir(String dir) {
        if (settings.dirRoot() == null) {
            throw new SourceRefusedException("dir sources are off: set " + DIR_ROOT
                    + " to the folder that holds the public-inbox mirrors to read");
        }
        Path root;
        try {
            root = settings.dirRoot().toRealPath();
        } catch (IOException e) {
            throw new SourceRefusedException(DIR_ROOT + " " + settings.dirRoot() + " cannot be read: " + e);
        }
        Path real = realPath(dir);
        if (!real.startsWith(root)) {
            throw new SourceRefusedException("dir source " + dir + " refused: it is not inside " + DIR_ROOT + " ("
                    + root + ")" + (real.toString().equals(dir) ? "" : "; it resolves to " + real));
        }
        return real;
    }

    /** The real path of the longest existing part of {@code dir}, with the rest appended as written. */
    private static Path realPath(String dir) {
        Path lexical;
        try {
            lexical = Path.of(dir).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("dir source folder " + dir + " is not a path: " + e.getReason());
        }
        Path existing = lexical;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return lexical;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(lexical)).normalize();
        } catch (IOException e) {
            throw new SourceRefusedException("dir source " + dir + " refused: " + existing + " cannot be resolved: " + e);
        }
    }

    private void checkUrl(URI uri, boolean resolve) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw refused(uri, "only http and https are allowed");
        }
        if (uri.getRawUserInfo() != null) {
            throw refused(uri, "user information in the URL is not allowed");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw refused(uri, "it names no host");
        }
        String host = normalizeHost(uri.getHost());
        if (!settings.allowedHosts().contains(host)) {
            throw refused(uri, "host " + host + " is not in " + ALLOWED_HOSTS + " (" + String.join(",",
                    new TreeSet<>(settings.allowedHosts())) + ")");
        }
        if (!resolve && !isLiteral(host)) {
            return;
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw refused(uri, "host " + host + " does not resolve");
        }
        if (addresses.isEmpty()) {
            throw refused(uri, "host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            String why = notAllowed(address);
            if (why != null) {
                throw refused(uri, (isLiteral(host) ? host : host + " resolves to " + address.getHostAddress())
                        + ", " + why);
            }
        }
    }

    /** Why an address may not be reached, or null when it may. */
    private String notAllowed(InetAddress address) {
        InetAddress a = embeddedIpv4(address);
        if (a.isAnyLocalAddress()) {
            return "the unspecified address (this host); never allowed";
        }
        if (a.isLoopbackAddress()) {
            return settings.allowLoopback() ? null : "a loopback address; set " + ALLOW_LOOPBACK + "=true to allow it";
        }
        if (a.isLinkLocalAddress()) {
            return "a link-local address; never allowed";
        }
        if (a.isMulticastAddress()) {
            return "a multicast address; never allowed";
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address && ((b[0] & 0xff) == 0 || (b[0] & 0xff) >= 240)) {
            return "a reserved or broadcast address; never allowed";
        }
        boolean isPrivate = a.isSiteLocalAddress()
                || (a instanceof Inet4Address && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64) // 100.64/10, carrier NAT
                || (a instanceof Inet6Address && (b[0] & 0xfe) == 0xfc); // fc00::/7, unique local
        if (isPrivate) {
            return settings.allowPrivateNetworks() ? null
                    : "an address in a private network; set " + ALLOW_PRIVATE + "=true to allow it";
        }
        return null;
    }

    /** The IPv4 address inside an IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96) or 6to4 (2002::/16) address. */
    private static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] b = address.getAddress();
        byte[] v4 = null;
        if (allZero(b, 0, 12) && !allZero(b, 12, 14)) {
            v4 = java.util.Arrays.copyOfRange(b, 12, 16);
        } else if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && allZero(b, 4, 12)) {
            v4 = java.util.Arrays.copyOfRange(b, 12, 16);
        } else if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            v4 = java.util.Arrays.copyOfRange(b, 2, 6);
        }
        if (v4 == null) {
            return address;
        }
        try {
            return InetAddress.getByAddress(v4);
        } catch (UnknownHostException e) {
            return address;
        }
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLiteral(String host) {
        return host.indexOf(':') >= 0 || IPV4_LITERAL.matcher(host).matches();
    }

    /** Lower case, without IPv6 brackets or a trailing dot. */
    static String normalizeHost(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    private static URI uriOf(String url) {
        try {
            return new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + url + " (" + e.getReason() + ")");
        }
    }

    private static SourceRefusedException refused(URI uri, String why) {
        return new SourceRefusedException("URL " + uri + " refused: " + why);
    }
}
