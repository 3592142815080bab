package io.notionbridge.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on a loopback port of its own that forwards every connection to a target, both ways, for outage drills:
 * {@link #cut()} closes the listener and kills every live connection, so that new connections are refused and open
 * ones fail, as when a database host goes away; {@link #restore()} listens again on the same port.
 */
public final class TcpProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final Set<Socket> live = ConcurrentHashMap.newKeySet();
    private final AtomicLong accepted = new AtomicLong();
    private volatile ServerSocket listener;

    private TcpProxy(String targetHost, int targetPort, int port) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.port = port;
    }

    /** Starts forwarding a free loopback port to {@code targetHost:targetPort}. */
    public static TcpProxy start(String targetHost, int targetPort) throws IOException {
        TcpProxy proxy = new TcpProxy(targetHost, targetPort, BridgeRouteTestSupport.freePort());
        proxy.listen();
        return proxy;
    }

    public int port() {
        return port;
    }

    /** Connections accepted so far. */
    public long accepted() {
        return accepted.get();
    }

    /** Whether the proxy listens (not cut). */
    public boolean listening() {
        return listener != null;
    }

    /** Refuses new connections and kills the live ones (both sides). */
    public synchronized void cut() throws IOException {
        ServerSocket l = listener;
        listener = null;
        if (l != null) {
            l.close();
        }
        for (Socket s : live) {
            reset(s);
        }
        live.clear();
    }

    /** Listens again on the same port. */
    public synchronized void restore() throws IOException {
        if (listener == null) {
            listen();
        }
    }

    private synchronized void listen() throws IOException {
        ServerSocket l = new ServerSocket();
        l.setReuseAddress(true);
        l.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        listener = l;
        Thread t = new Thread(() -> accept(l), "tcp-proxy-accept-" + port);
        t.setDaemon(true);
        t.start();
    }

    private void accept(ServerSocket l) {
        while (!l.isClosed()) {
            Socket client;
            try {
                client = l.accept();
            } catch (IOException e) {
                return;
            }
            accepted.incrementAndGet();
            Socket upstream;
            try {
                upstream = new Socket(targetHost, targetPort);
            } catch (IOException e) {
                reset(client);
                continue;
            }
            synchronized (this) {
                if (listener != l) {
                    reset(client);
                    reset(upstream);
                    return;
                }
                live.add(client);
                live.add(upstream);
            }
            AtomicInteger open = new AtomicInteger(2);
            pump(client, upstream, open);
            pump(upstream, client, open);
        }
    }

    /** Copies {@code from} to {@code to}; an end of stream is passed on as a half close, an error kills both. */
    private void pump(Socket from, Socket to, AtomicInteger open) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16 * 1024];
            boolean clean = false;
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                int n;
                while ((n = in.read(buf)) >= 0) {
                    out.write(buf, 0, n);
                    out.flush();
                }
                to.shutdownOutput();
                clean = true;
            } catch (IOException e) {
                // the other side or cut() closed the connection
            }
            if (!clean || open.decrementAndGet() == 0) {
                end(from, to, clean);
            }
        }, "tcp-proxy-pump-" + port);
        t.setDaemon(true);
        t.start();
    }

    private void end(Socket a, Socket b, boolean clean) {
        live.remove(a);
        live.remove(b);
        if (clean) {
            closeGracefully(a);
            closeGracefully(b);
        } else {
            reset(a);
            reset(b);
        }
    }

    private static void closeGracefully(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    private static void reset(Socket s) {
        try {
            // RST rather than FIN: the peer sees a reset connection, as when a host dies
            s.setSoLinger(true, 0);
        } catch (SocketException e) {
            // already closed
        }
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        cut();
    }
}
