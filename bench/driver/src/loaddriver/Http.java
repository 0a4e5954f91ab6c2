package loaddriver;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 connection on a plain socket, kept alive: a request out, its response in, in the calling
 * thread. The request is written in one piece; the response is read by Content-Length, by chunked transfer
 * coding, or up to the end of the stream.
 */
final class Http implements AutoCloseable {

    /** A response: its status, its body (UTF-8) and whether the server closes the connection after it. */
    record Response(int status, String body, boolean close) {
    }

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int lim;

    Http(String host, int port) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 10_000);
        socket.setSoTimeout(60_000);
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    Response exchange(byte[] head, byte[] body) throws IOException {
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        out.write(all);
        out.flush();
        String statusLine = line();
        if (statusLine == null || !statusLine.startsWith("HTTP/1.")) {
            throw new IOException("no HTTP status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String h = line(); h != null && !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = h.substring(0, colon).trim();
            String value = h.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                close = value.equalsIgnoreCase("close");
            }
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream(length > 0 ? (int) length : 1024);
        if (chunked) {
            for (long size = chunkSize(); size > 0; size = chunkSize()) {
                copy(content, size);
                line();
            }
            for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
                // trailers are not used
            }
        } else if (length >= 0) {
            copy(content, length);
        } else {
            close = true;
            while (fill()) {
                content.write(buf, pos, lim - pos);
                pos = lim;
            }
        }
        return new Response(status, content.toString(StandardCharsets.UTF_8), close);
    }

    /** The size line of the next chunk (hexadecimal, extensions after ';' ignored). */
    private long chunkSize() throws IOException {
        return Long.parseLong(line().split(";")[0].trim(), 16);
    }

    private boolean fill() throws IOException {
        if (pos < lim) {
            return true;
        }
        int n = in.read(buf);
        if (n < 0) {
            return false;
        }
        pos = 0;
        lim = n;
        return true;
    }

    private void copy(ByteArrayOutputStream to, long n) throws IOException {
        while (n > 0) {
            if (!fill()) {
                throw new IOException("connection closed inside a response body");
            }
            int k = (int) Math.min(n, lim - pos);
            to.write(buf, pos, k);
            pos += k;
            n -= k;
        }
    }

    /** A line without its CRLF, null at the end of the stream. */
    private String line() throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (!fill()) {
                return sb.length() == 0 ? null : sb.toString();
            }
            byte b = buf[pos++];
            if (b == '\n') {
                int len = sb.length();
                return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
            }
            sb.append((char) (b & 0xff));
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
