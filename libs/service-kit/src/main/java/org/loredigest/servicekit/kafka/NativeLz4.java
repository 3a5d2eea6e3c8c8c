package org.loredigest.servicekit.kafka;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.util.Native;
import org.jboss.logging.Logger;

/**
 * Makes the Kafka clients compress and decompress LZ4 (every topic's batches) with lz4-java's native library. lz4-java
 * picks it only when its classes come from the system class loader or the library is already loaded; in a Quarkus
 * application they come from Quarkus' own loader, so every batch went through the pure-Java codec, which on the C1
 * compiler ({@code bin/stack}) costs several times the native one. Loading the library once at start-up switches
 * every codec the clients create later (the consumers' decompressor is created once, when the first batch is read,
 * which is after start-up). Where the library cannot load (another platform, a temp directory that forbids
 * executables) the clients keep the Java codec: the same format, more CPU.
 */
@ApplicationScoped
public class NativeLz4 {

    private static final Logger LOG = Logger.getLogger(NativeLz4.class);

    // before TopicsAtStartup (priority 1) and the Kafka clients the services start on this event
    void onStart(@Observes @Priority(0) StartupEvent event) {
        if (load()) {
            LOG.debug("LZ4 batches use lz4-java's native library");
        }
    }

    /** Loads the native library if it is not loaded yet; whether the clients' codecs are native now. */
    public static boolean load() {
        try {
            Native.load();
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            LOG.infof("LZ4 batches use lz4-java's Java codec (the native library did not load: %s)", e.toString());
            return false;
        }
        return active();
    }

    /** Whether {@link LZ4Factory#fastestInstance()}, which the Kafka clients call for each batch, is the native one. */
    public static boolean active() {
        try {
            return LZ4Factory.fastestInstance() == LZ4Factory.nativeInstance();
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            return false;
        }
    }
}
