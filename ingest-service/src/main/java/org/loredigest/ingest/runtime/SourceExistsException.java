package org.loredigest.ingest.runtime;

/** A source with that name is already running. */
public class SourceExistsException extends RuntimeException {

    public SourceExistsException(String name) {
        super("a source named " + name + " already exists");
    }
}
