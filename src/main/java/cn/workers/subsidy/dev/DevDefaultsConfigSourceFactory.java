package cn.workers.subsidy.dev;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.List;

/**
 * Registers {@link DevDefaults} (META-INF/services): the only class of this package that a production
 * build keeps. Quarkus wires every config source factory it finds into the packaged application at build
 * time, before the prod profile's entry list can leave the file out, so this one stays, inert: outside the
 * dev profile it answers nothing and never touches {@link DevDefaults}, which the production build does not
 * carry (application.properties, {@code quarkus.package.jar.user-configured-ignored-entries}). The JVM
 * loads a referenced class only when the call runs, so its absence is harmless there.
 */
public class DevDefaultsConfigSourceFactory implements ConfigSourceFactory {

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!context.getProfiles().contains("dev")) {
            return List.of();
        }
        try {
            return DevDefaults.configSources(context);
        } catch (NoClassDefFoundError e) {
            throw new IllegalStateException("The dev profile needs the dev classes, which the production build leaves out:"
                    + " run it with ./mvnw quarkus:dev", e);
        }
    }
}
