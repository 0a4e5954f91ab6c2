package cn.workers.subsidy.dev;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Dev mode and the tests start PostgreSQL from the embedded binaries on every platform developers work on. The
 * classpath here is dev mode's (both take the compile-scope dependencies), so this fails when a platform's binaries
 * go missing, e.g. excluded again in the pom. The resolver is asked as {@code EmbeddedPostgres} asks it on each
 * machine ({@code uname -s}, and {@code os.arch} with amd64 read as x86_64); it must answer that platform's own
 * archive, not the x86-64 fallback it uses (under emulation) when an ARM archive is missing.
 */
class DevPlatformsTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "Linux, x86_64, postgres-linux-x86_64.txz",
            "Linux, aarch64, postgres-linux-arm_64.txz",
            "Darwin, x86_64, postgres-darwin-x86_64.txz",
            "Darwin, aarch64, postgres-darwin-arm_64.txz"})
    void theBinariesOfEachDevPlatformAreOnTheClasspath(String system, String arch, String archive) throws IOException {
        List<URL> found = Collections.list(getClass().getClassLoader().getResources(archive));
        assertEquals(1, found.size(), archive + " on the classpath: " + found);
        try (InputStream resolved = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, arch);
                InputStream own = found.get(0).openStream()) {
            assertNotNull(resolved, "no binaries resolved for " + system + " " + arch);
            assertArrayEquals(own.readNBytes(64 * 1024), resolved.readNBytes(64 * 1024),
                    "the resolver's archive for " + system + " " + arch + " is " + archive);
        }
    }
}
