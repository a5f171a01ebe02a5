package io.printrelay.function.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/** Reads a file packaged on the classpath, once, at start. */
final class Resources {
  private Resources() {}

  static Optional<byte[]> read(String path) {
    try (InputStream in = Resources.class.getResourceAsStream(path)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
