package io.printrelay.agent.journal;

import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import io.printrelay.model.Label;
import io.printrelay.model.LabelStatus;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * One job on local disk: its labels as the table had them when the agent took the job ({@code
 * <jobId>.labels}, written once, atomically) and an append-only log of what happened to them since
 * ({@code <jobId>.log}, one line per transition, forced to the device before the call returns). A
 * power cut can tear only the last line, which is then ignored: its transition had not been
 * acknowledged to anyone.
 */
public final class JobJournal implements AutoCloseable {
  private static final int MAGIC = 0x50524a31; // "PRJ1"

  private final Path labelsFile;
  private final Path logFile;
  private final JournalState state;
  private final long[] contentAt; // by position in the file: where each label's bytes start
  private final int[] contentLength;
  private FileChannel log;
  private FileChannel contents;

  private JobJournal(
      Path labelsFile, Path logFile, JournalState state, long[] contentAt, int[] contentLength) {
    this.labelsFile = labelsFile;
    this.logFile = logFile;
    this.state = state;
    this.contentAt = contentAt;
    this.contentLength = contentLength;
  }

  /** Takes a job: writes its labels (as read from the table) and an empty log. */
  static JobJournal create(Path dir, Job job, Iterable<Label> labels) {
    Path labelsFile = dir.resolve(job.jobId() + ".labels");
    Path logFile = dir.resolve(job.jobId() + ".log");
    Path partial = dir.resolve(job.jobId() + ".labels.partial");
    List<Label> seen = new ArrayList<>();
    List<long[]> offsets = new ArrayList<>();
    try {
      try (FileChannel channel =
              FileChannel.open(
                  partial,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.TRUNCATE_EXISTING,
                  StandardOpenOption.WRITE);
          DataOutputStream out =
              new DataOutputStream(
                  new BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel)))) {
        out.writeInt(MAGIC);
        out.writeUTF(job.jobId());
        out.writeUTF(job.printerId());
        out.writeInt(job.total());
        for (Label label : labels) {
          long at = writeLabel(out, label);
          offsets.add(new long[] {at, label.content() == null ? 0 : label.content().length});
          seen.add(withoutContent(label));
        }
        out.writeInt(0); // end marker: a label index is never 0
        out.flush();
        channel.force(true);
      }
      Files.deleteIfExists(logFile);
      Files.move(partial, labelsFile, StandardCopyOption.ATOMIC_MOVE);
      forceDirectory(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot journal job " + job.jobId() + " in " + dir, e);
    }
    JobJournal journal =
        new JobJournal(
            labelsFile,
            logFile,
            new JournalState(job.jobId(), job.printerId(), job.total(), seen),
            offsets.stream().mapToLong(o -> o[0]).toArray(),
            offsets.stream().mapToInt(o -> (int) o[1]).toArray());
    journal.openFiles();
    return journal;
  }

  /** Reads a journal back after a restart; the log's torn last line, if any, is ignored. */
  static JobJournal load(Path labelsFile) {
    String name = labelsFile.getFileName().toString();
    Path logFile = labelsFile.resolveSibling(name.substring(0, name.length() - 7) + ".log");
    try (CountingInput counted = new CountingInput(Files.newInputStream(labelsFile));
        DataInputStream in = new DataInputStream(counted)) {
      if (in.readInt() != MAGIC) {
        throw new IOException("not a Printrelay journal");
      }
      String jobId = in.readUTF();
      String printerId = in.readUTF();
      int total = in.readInt();
      List<Label> labels = new ArrayList<>();
      List<long[]> offsets = new ArrayList<>();
      Label label;
      while ((label = readLabel(in, jobId)) != null) {
        int length = in.readInt();
        offsets.add(new long[] {counted.position(), length});
        in.skipNBytes(length);
        labels.add(label);
      }
      JournalState state = new JournalState(jobId, printerId, total, labels);
      if (Files.exists(logFile)) {
        replay(Files.readAllBytes(logFile), state);
      }
      JobJournal journal =
          new JobJournal(
              labelsFile,
              logFile,
              state,
              offsets.stream().mapToLong(o -> o[0]).toArray(),
              offsets.stream().mapToInt(o -> (int) o[1]).toArray());
      journal.openFiles();
      return journal;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the journal " + labelsFile, e);
    }
  }

  public JournalState state() {
    return state;
  }

  /** The labels with their content, read from disk one at a time, their state as journaled. */
  public Iterable<Label> labels() {
    return () ->
        new Iterator<>() {
          private int position;

          @Override
          public boolean hasNext() {
            return position < contentAt.length;
          }

          @Override
          public Label next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            int at = position++;
            return state.current(at, content(at));
          }
        };
  }

  private byte[] content(int position) {
    ByteBuffer bytes = ByteBuffer.allocate(contentLength[position]);
    try {
      FileChannel channel = contents;
      if (channel == null) {
        throw new IllegalStateException("the journal of job " + state.jobId() + " is closed");
      }
      while (bytes.hasRemaining()) {
        if (channel.read(bytes, contentAt[position] + bytes.position()) < 0) {
          throw new EOFException(labelsFile.toString());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.array();
  }

  public synchronized void started(int index) {
    append("S " + index);
    state.started(index);
  }

  public synchronized void printed(int index, Instant at) {
    append("P " + index + " " + at.toEpochMilli());
    state.printed(index, at);
  }

  public synchronized void failed(int index, String error) {
    append("F " + index + " " + escape(error));
    state.failed(index, error);
  }

  public synchronized void uncertain(int index) {
    append("U " + index);
    state.uncertain(index);
  }

  /** The job ended here (completed, or failed with {@code error}). */
  public synchronized void ended(JobStatus status, Instant at, String error) {
    append("E " + status.wireName() + " " + at.toEpochMilli() + " " + escape(error));
    state.ended(status, at, error);
  }

  /** Compaction: the table knows everything the journal held, so the journal goes. */
  public synchronized void delete() {
    close();
    try {
      Files.deleteIfExists(logFile);
      Files.deleteIfExists(labelsFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the journal of job " + state.jobId(), e);
    }
  }

  @Override
  public synchronized void close() {
    for (FileChannel channel : new FileChannel[] {log, contents}) {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException ignored) {
          // closing anyway
        }
      }
    }
    log = null;
    contents = null;
  }

  private void openFiles() {
    try {
      contents = FileChannel.open(labelsFile, StandardOpenOption.READ);
      log =
          FileChannel.open(
              logFile,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + logFile, e);
    }
  }

  /** One line, on the device before returning: a label is never told anyone before it is here. */
  private void append(String line) {
    if (log == null) {
      throw new IllegalStateException("the journal of job " + state.jobId() + " is closed");
    }
    try {
      ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        log.write(bytes);
      }
      log.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + logFile, e);
    }
  }

  private static void replay(byte[] bytes, JournalState state) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    int end = text.lastIndexOf('\n');
    if (end < 0) {
      return;
    }
    for (String line : text.substring(0, end).split("\n", -1)) {
      String[] parts = line.split(" ", 4);
      switch (parts[0]) {
        case "S" -> state.started(Integer.parseInt(parts[1]));
        case "P" ->
            state.printed(
                Integer.parseInt(parts[1]), Instant.ofEpochMilli(Long.parseLong(parts[2])));
        case "F" ->
            state.failed(
                Integer.parseInt(parts[1]), unescape(line.substring(3 + parts[1].length())));
        case "U" -> state.uncertain(Integer.parseInt(parts[1]));
        case "E" ->
            state.ended(
                JobStatus.parse(parts[1]).orElseThrow(),
                Instant.ofEpochMilli(Long.parseLong(parts[2])),
                unescape(parts.length > 3 ? parts[3] : ""));
        default -> throw new IllegalStateException("unknown journal line: " + line);
      }
    }
  }

  /** Errors are one line: newlines and backslashes escaped; null is the empty string. */
  private static String escape(String text) {
    return text == null ? "" : text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
  }

  private static String unescape(String text) {
    if (text.isEmpty()) {
      return null;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        char next = text.charAt(++i);
        out.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Returns where the label's content starts in the file. */
  private static long writeLabel(DataOutputStream out, Label label) throws IOException {
    out.writeInt(label.index());
    out.writeUTF(label.status().wireName());
    out.writeBoolean(label.uncertain());
    out.writeInt(label.attempts());
    out.writeUTF(label.error() == null ? "" : label.error());
    out.writeLong(label.printedAt() == null ? -1 : label.printedAt().toEpochMilli());
    byte[] content = label.content() == null ? new byte[0] : label.content();
    out.writeInt(content.length);
    long at = out.size();
    out.write(content);
    return at;
  }

  /** Null at the end marker; the content's length and bytes follow in the stream. */
  private static Label readLabel(DataInputStream in, String jobId) throws IOException {
    int index = in.readInt();
    if (index == 0) {
      return null;
    }
    LabelStatus status = LabelStatus.parse(in.readUTF()).orElseThrow();
    boolean uncertain = in.readBoolean();
    int attempts = in.readInt();
    String error = in.readUTF();
    long printedAt = in.readLong();
    return new Label(
        jobId,
        index,
        status,
        uncertain,
        attempts,
        error.isEmpty() ? null : error,
        printedAt < 0 ? null : Instant.ofEpochMilli(printedAt),
        null);
  }

  private static Label withoutContent(Label label) {
    return new Label(
        label.jobId(),
        label.index(),
        label.status(),
        label.uncertain(),
        label.attempts(),
        label.error(),
        label.printedAt(),
        null);
  }

  private static void forceDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException ignored) {
      // Not every platform opens a directory; the file itself was forced.
    }
  }

  /** Counts the bytes read, to find where each label's content starts. */
  private static final class CountingInput extends java.io.FilterInputStream {
    private long position;

    CountingInput(java.io.InputStream in) {
      super(new BufferedInputStream(in));
    }

    long position() {
      return position;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        position++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        position += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      position += skipped;
      return skipped;
    }
  }
}
