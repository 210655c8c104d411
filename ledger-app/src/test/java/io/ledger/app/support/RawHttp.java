package io.ledger.app.support;

import io.ledger.app.security.TestTokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Requests written byte for byte, for what no HTTP client lets through: a request target that is not a valid URI (a
 * {@code %} that starts no escape, say), which Java's {@code URI} and every client built on it refuse to send, raw
 * bytes that are no UTF-8, headers no client would write. HTTP/1.0, so the answer comes whole, not chunked.
 */
public final class RawHttp {

    private RawHttp() {}

    /** One header as sent: its name and its value's bytes (which need not be ASCII). */
    public record Header(String name, byte[] value) {
        public static Header of(String name, String value) {
            return new Header(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Sends {@code method target} with the given header name/value pairs and no body. */
    public static LedgerApi.Answer send(int port, String method, String target, String... headers) {
        List<Header> sent = new ArrayList<>();
        for (int i = 0; i < headers.length; i += 2) {
            sent.add(Header.of(headers[i], headers[i + 1]));
        }
        return send(port, method, target.getBytes(StandardCharsets.UTF_8), sent, null);
    }

    /**
     * Sends the request as given, with a {@code Content-Length} when there is a body, as the tests' admin
     * ({@link TestTokens#admin()}) unless the headers name an {@code Authorization} of their own. A server that answers
     * before reading all of a large body (and closes) is read all the same. An event stream's body is not waited for.
     */
    public static LedgerApi.Answer send(int port, String method, byte[] target, List<Header> headers, byte[] body) {
        if (headers.stream().noneMatch(header -> header.name().equalsIgnoreCase("Authorization"))) {
            headers = new ArrayList<>(headers);
            headers.add(Header.of("Authorization", TestTokens.adminAuthorization()));
        }
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes((method + " ").getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(target);
        request.writeBytes(" HTTP/1.0\r\nHost: localhost\r\n".getBytes(StandardCharsets.US_ASCII));
        for (Header header : headers) {
            request.writeBytes((header.name() + ": ").getBytes(StandardCharsets.US_ASCII));
            request.writeBytes(header.value());
            request.writeBytes(CRLF);
        }
        if (body != null) {
            request.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        request.writeBytes(CRLF);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.toByteArray());
                if (body != null) {
                    out.write(body);
                }
                out.flush();
            } catch (IOException e) {
                // The server answered and closed before it read everything: its answer is still there to read.
            }
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final byte[] CRLF = {'\r', '\n'};

    private static LedgerApi.Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("the connection closed before a whole answer: " + head);
            }
            head.write(next);
            matched = (next == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (next == '\r' ? 1 : 0);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        HttpHeaders headers = new HttpHeaders();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.add(
                    lines[i].substring(0, colon).trim(),
                    lines[i].substring(colon + 1).trim());
        }
        MediaType type = headers.getContentType();
        if (type != null && type.isCompatibleWith(MediaType.TEXT_EVENT_STREAM)) {
            return new LedgerApi.Answer(status, headers, "");
        }
        return new LedgerApi.Answer(status, headers, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
}
