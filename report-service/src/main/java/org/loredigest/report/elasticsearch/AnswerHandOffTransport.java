package org.loredigest.report.elasticsearch;

import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.Endpoint;
import co.elastic.clients.transport.TransportOptions;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A transport whose asynchronous answers are completed on an executor of the caller's choosing, never on the HTTP
 * client's I/O thread.
 * <p>
 * The low-level REST client fails a request whose connection could not be made (Elasticsearch down) on its I/O
 * thread while holding its connection pool's lock, and completes the request's future right there. The
 * {@code BulkIngester} reacts to that completion by taking its own lock — the lock it holds while it sends the next
 * request, which needs the pool's lock: each thread then waits for the other for good, and no bulk request is ever
 * sent again. Handing the completion to another thread lets the I/O thread release the pool first.
 */
final class AnswerHandOffTransport implements ElasticsearchTransport {

    private final ElasticsearchTransport delegate;
    private final Executor answers;

    AnswerHandOffTransport(ElasticsearchTransport delegate, Executor answers) {
        this.delegate = delegate;
        this.answers = answers;
    }

    @Override
    public <RequestT, ResponseT, ErrorT> ResponseT performRequest(RequestT request,
            Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions options) throws IOException {
        return delegate.performRequest(request, endpoint, options);
    }

    @Override
    public <RequestT, ResponseT, ErrorT> CompletableFuture<ResponseT> performRequestAsync(RequestT request,
            Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions options) {
        CompletableFuture<ResponseT> handedOff = new CompletableFuture<>();
        delegate.performRequestAsync(request, endpoint, options).whenComplete((response, failure) ->
                answers.execute(() -> {
                    if (failure != null) {
                        handedOff.completeExceptionally(failure);
                    } else {
                        handedOff.complete(response);
                    }
                }));
        return handedOff;
    }

    @Override
    public JsonpMapper jsonpMapper() {
        return delegate.jsonpMapper();
    }

    @Override
    public TransportOptions options() {
        return delegate.options();
    }

    /** The delegate belongs to whoever created it; this wrapper owns nothing to close. */
    @Override
    public void close() {
    }
}
