package org.loredigest.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The state-changing endpoints of a service, found by reflection over its compiled classes: every resource method
 * whose HTTP method designator (any annotation meta-annotated with {@code jakarta.ws.rs.HttpMethod}) is not GET, HEAD
 * or OPTIONS. Security tests compare this with the endpoints they exercise, so a new write endpoint that nobody
 * tested for its API key fails the build. Annotations are matched by name: the testkit needs no JAX-RS dependency.
 */
public final class WriteEndpoints {

    private static final String HTTP_METHOD = "jakarta.ws.rs.HttpMethod";
    private static final String PATH = "jakarta.ws.rs.Path";
    private static final List<String> READS = List.of("GET", "HEAD", "OPTIONS");

    /** One endpoint, e.g. {@code POST /api/sources/{name}/poll}. */
    public record Endpoint(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private WriteEndpoints() {
    }

    /**
     * The write endpoints of the classes compiled into {@code classesDir} (a module's {@code target/classes}).
     *
     * @param loader loads those classes (not initialised)
     */
    public static List<Endpoint> in(Path classesDir, ClassLoader loader) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (String className : classNames(classesDir)) {
            Class<?> type;
            try {
                type = Class.forName(className, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException("cannot load " + className + " to look for endpoints", e);
            }
            String base = path(type.getAnnotations()).orElse(null);
            if (base == null) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                httpMethod(method).filter(m -> !READS.contains(m)).ifPresent(m ->
                        endpoints.add(new Endpoint(m, join(base, path(method.getAnnotations()).orElse("")))));
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::toString));
        return endpoints;
    }

    private static List<String> classNames(Path classesDir) {
        if (!Files.isDirectory(classesDir)) {
            throw new IllegalStateException(classesDir.toAbsolutePath() + " is missing: compile the module first");
        }
        try (Stream<Path> files = Files.walk(classesDir)) {
            return files.map(p -> classesDir.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.endsWith(".class") && !p.endsWith("module-info.class") && !p.endsWith("package-info.class"))
                    .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            for (Annotation meta : annotation.annotationType().getAnnotations()) {
                if (meta.annotationType().getName().equals(HTTP_METHOD)) {
                    return Optional.of(value(meta));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> path(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation.annotationType().getName().equals(PATH)) {
                return Optional.of(value(annotation));
            }
        }
        return Optional.empty();
    }

    private static String value(Annotation annotation) {
        try {
            return (String) annotation.annotationType().getMethod("value").invoke(annotation);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no value() on " + annotation, e);
        }
    }

    private static String join(String base, String sub) {
        String joined = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
