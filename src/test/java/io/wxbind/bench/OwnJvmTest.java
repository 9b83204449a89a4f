package io.wxbind.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OwnJvmTest {

    @Test
    void classpathWhenUrlLoadersChainedThenChildEntriesFirstAsFilePaths() throws Exception {
        Path a = Path.of("/tmp/bench test/classes");
        Path b = Path.of("/tmp/lib/x.jar");
        Path c = Path.of("/tmp/lib/parent.jar");
        try (URLClassLoader parent = new URLClassLoader(new URL[] {c.toUri().toURL()}, null);
                URLClassLoader child = new URLClassLoader(new URL[] {a.toUri().toURL(), b.toUri().toURL()}, parent)) {

            String classpath = OwnJvm.classpath(child);

            assertEquals(String.join(File.pathSeparator, a.toString(), b.toString(), c.toString()), classpath);
        }
    }

    @Test
    void classpathWhenNoUrlLoaderThenTheJvmsOwn() throws Exception {
        assertEquals(System.getProperty("java.class.path"), OwnJvm.classpath(ClassLoader.getPlatformClassLoader()));
    }
}
