package org.loredigest.ingest.source.git;

import java.io.IOException;
import java.net.Proxy;
import java.net.URISyntaxException;
import java.net.URL;
import org.eclipse.jgit.transport.http.HttpConnection;
import org.eclipse.jgit.transport.http.HttpConnectionFactory;
import org.loredigest.ingest.source.http.PoliteHttp;
import org.loredigest.ingest.source.http.RequestRefusedException;

/**
 * JGit's HTTP connections, each checked by the polite client's guard before it is opened. JGit follows redirects
 * itself by opening a new connection to the target, so a redirect off the allowed hosts is refused here.
 */
final class GuardedConnections implements HttpConnectionFactory {

    private final HttpConnectionFactory connections;
    private final PoliteHttp http;

    GuardedConnections(HttpConnectionFactory connections, PoliteHttp http) {
        this.connections = connections;
        this.http = http;
    }

    @Override
    public HttpConnection create(URL url) throws IOException {
        check(url);
        return connections.create(url);
    }

    @Override
    public HttpConnection create(URL url, Proxy proxy) throws IOException {
        check(url);
        return connections.create(url, proxy);
    }

    private void check(URL url) throws IOException {
        try {
            http.checkAllowed(url.toURI());
        } catch (URISyntaxException e) {
            throw new IOException("git over HTTP to " + url + " refused: not a URL", e);
        } catch (RuntimeException refused) {
            throw new RequestRefusedException("git over HTTP to " + url + " not opened: " + refused.getMessage(),
                    refused);
        }
    }
}
