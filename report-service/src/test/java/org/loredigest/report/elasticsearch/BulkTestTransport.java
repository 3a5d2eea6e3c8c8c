package org.loredigest.report.elasticsearch;

import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.DefaultTransportOptions;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.Endpoint;
import co.elastic.clients.transport.TransportOptions;

/** A transport for the bulk writer's tests: the ingester sends asynchronously only, so that is all a test answers. */
abstract class BulkTestTransport implements ElasticsearchTransport {

    private final JsonpMapper mapper = new JacksonJsonpMapper();

    @Override
    public final <RequestT, ResponseT, ErrorT> ResponseT performRequest(RequestT request,
            Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions options) {
        throw new UnsupportedOperationException("bulk requests are sent asynchronously");
    }

    @Override
    public JsonpMapper jsonpMapper() {
        return mapper;
    }

    @Override
    public TransportOptions options() {
        return new DefaultTransportOptions();
    }

    @Override
    public void close() {
    }
}
