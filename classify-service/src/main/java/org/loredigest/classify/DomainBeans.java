package org.loredigest.classify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.loredigest.classify.domain.activity.MaintainerRoles;
import org.loredigest.classify.domain.classify.ThreadClassifier;
import org.loredigest.classify.domain.summary.Summariser;
import org.loredigest.classify.domain.thread.ThreadBook;
import org.loredigest.mail.maintainers.Maintainers;

/** Wires the plain-Java domain objects from configuration. */
@ApplicationScoped
public class DomainBeans {

    private static final Logger LOG = Logger.getLogger(DomainBeans.class);

    @Produces
    @ApplicationScoped
    public ThreadBook threadBook(ClassifyConfig config, Summariser summariser) { // see SummaryBeans
        Optional<Maintainers> maintainers = maintainers(config.maintainersFile());
        return new ThreadBook(new ThreadClassifier(maintainers), summariser, MaintainerRoles.of(maintainers));
    }

    static Optional<Maintainers> maintainers(Optional<Path> file) {
        if (file.isEmpty()) {
            LOG.warn("lore.classify.maintainers-file is not set: subsystems are named after the lists");
            return Optional.empty();
        }
        try {
            Maintainers maintainers = Maintainers.load(file.get());
            LOG.infof("MAINTAINERS from %s: %d sections", file.get(), maintainers.sections().size());
            return Optional.of(maintainers);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read MAINTAINERS file " + file.get(), e);
        }
    }
}
