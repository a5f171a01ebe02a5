package io.printrelay.virtualprinter;

import io.printrelay.virtualprinter.ZplFormatSplitter.Discarded;
import io.printrelay.virtualprinter.ZplFormatSplitter.Format;
import io.printrelay.virtualprinter.ZplFormatSplitter.HostCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one port-9100 connection: splits the stream into formats, queues each into the receive
 * buffer (blocking while it is full, which is what makes TCP backpressure real), answers
 * {@code ~HS} at once, and performs a scheduled connection cut.
 */
final class ConnectionHandler implements Consumer<Socket> {

    private static final Logger log = LoggerFactory.getLogger(ConnectionHandler.class);
    private static final int READ_CHUNK = 8192;

    private final String name;
    private final ReceiveBuffer buffer;
    private final Supplier<HostStatus> status;
    private final AtomicInteger dropAfter;
    private final List<String> partials;
    private final AtomicInteger connections;

    ConnectionHandler(String name, ReceiveBuffer buffer, Supplier<HostStatus> status,
                      AtomicInteger dropAfter, List<String> partials, AtomicInteger connections) {
        this.name = name;
        this.buffer = buffer;
        this.status = status;
        this.dropAfter = dropAfter;
        this.partials = partials;
        this.connections = connections;
    }

    @Override
    public void accept(Socket socket) {
        connections.incrementAndGet();
        ZplFormatSplitter splitter = new ZplFormatSplitter();
        boolean cut = false;
        try (socket) {
            socket.setTcpNoDelay(true); // ~HS answers are tiny and the sender is waiting for them
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] chunk = new byte[READ_CHUNK];
            int n;
            while (!cut && (n = in.read(chunk)) != -1) {
                for (ZplFormatSplitter.Event event : splitter.feed(chunk, 0, n)) {
                    switch (event) {
                        case Format f -> {
                            buffer.put(f.bytes()); // blocks while full: no more reads, TCP pushes back
                            if (dropAfter.getAndUpdate(v -> v > 0 ? v - 1 : 0) == 1) {
                                // Whatever followed the format in this read is lost with the connection.
                                record(chunk, f.endOffset(), n);
                                socket.setSoLinger(true, 0); // the close below sends RST
                                cut = true;
                            }
                        }
                        case HostCommand c when c.isHostStatus() -> {
                            out.write(status.get().toBytes());
                            out.flush();
                        }
                        case HostCommand c -> log.debug("virtual printer {}: ignoring ~{}", name, c.code());
                        case Discarded d -> record(d.bytes(), 0, d.bytes().length);
                    }
                    if (cut) {
                        break;
                    }
                }
            }
        } catch (InterruptedException e) {
            // close() while we were blocked on a full buffer
        } catch (IOException e) {
            log.debug("virtual printer {}: connection ended: {}", name, e.toString());
        }
        if (!cut) {
            // A format begun but not finished when the connection ended is never printed.
            for (ZplFormatSplitter.Event event : splitter.finish()) {
                if (event instanceof Discarded d) {
                    record(d.bytes(), 0, d.bytes().length);
                }
            }
        }
    }

    private void record(byte[] bytes, int from, int to) {
        if (!ZplFormatSplitter.isBlank(bytes, from, to)) {
            partials.add(new String(bytes, from, to - from, StandardCharsets.UTF_8));
        }
    }
}
