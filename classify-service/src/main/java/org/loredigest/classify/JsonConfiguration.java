package org.loredigest.classify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import org.loredigest.events.EventJson;

/**
 * Gives the application's ObjectMapper the event contract's JSON settings, and Blackbird: records are read and
 * written through generated accessors rather than reflection (each thread's draft is serialised several times).
 */
@Singleton
public class JsonConfiguration implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        EventJson.configure(mapper).registerModule(new BlackbirdModule());
    }
}
