package io.ledger.app.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP forwarder on 127.0.0.1 that a test can cut, standing in front of a server the application talks to (PostgreSQL,
 * Stripe): {@link #cut()} resets every open connection and stops listening, so new connections are refused as by a
 * stopped server; {@link #restore()} listens again on the same port. Bytes pass through unchanged.
 */
public final class TcpProxy implements AutoCloseable {

    private final InetSocketAddress upstream;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "tcp-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private ServerSocket listener;

    public TcpProxy(String upstreamHost, int upstreamPort) {
        this.upstream = new InetSocketAddress(upstreamHost, upstreamPort);
        this.listener = listen(0);
        this.port = listener.getLocalPort();
        accept(listener);
    }

    public int port() {
        return port;
    }

    /** Resets every connection (RST, as when the server's host goes away) and refuses new ones until restored. */
    public synchronized void cut() {
        close(listener);
        open.forEach(TcpProxy::reset);
        open.clear();
    }

    public synchronized void restore() {
        if (listener.isClosed()) {
            listener = listen(port);
            accept(listener);
        }
    }

    private ServerSocket listen(int onPort) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept(ServerSocket accepting) {
        threads.execute(() -> {
            while (!accepting.isClosed()) {
                try {
                    Socket client = accepting.accept();
                    Socket server = new Socket();
                    try {
                        server.connect(upstream, 2_000);
                    } catch (IOException e) {
                        reset(client);
                        continue;
                    }
                    open.add(client);
                    open.add(server);
                    threads.execute(() -> pump(client, server));
                    threads.execute(() -> pump(server, client));
                } catch (IOException e) {
                    // cut: the listener was closed
                }
            }
        });
    }

    /** Copies one direction until either side ends; then ends both. */
    private void pump(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[16 * 1024];
            for (int read; (read = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // reset or closed by the other direction
        } finally {
            open.remove(from);
            open.remove(to);
            close(from);
            close(to);
        }
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            // already closed
        }
        close(socket);
    }

    private static void close(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing is best effort
        }
    }

    @Override
    public synchronized void close() {
        cut();
        threads.shutdownNow();
    }
}
