package io.ledger.app.support;

import io.ledger.app.security.TestTokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;

/**
 * Requests written byte for byte, for what no HTTP client lets through: a request target that is not a valid URI (a
 * {@code %} that starts no escape, say), which Java's {@code URI} and every client built on it refuse to send. HTTP/1.0,
 * so the answer comes whole, not chunked.
 */
public final class RawHttp {

    private RawHttp() {}

    /**
     * Sends {@code method target} with the given header name/value pairs and no body, as the tests' admin
     * ({@link TestTokens#admin()}) unless the headers name an {@code Authorization} of their own.
     */
    public static LedgerApi.Answer send(int port, String method, String target, String... headers) {
        StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.0\r\nHost: localhost\r\n");
        boolean authorized = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            authorized |= headers[i].equalsIgnoreCase(HttpHeaders.AUTHORIZATION);
        }
        if (!authorized) {
            request.append(HttpHeaders.AUTHORIZATION)
                    .append(": ")
                    .append(TestTokens.adminAuthorization())
                    .append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LedgerApi.Answer parse(String response) {
        int end = response.indexOf("\r\n\r\n");
        String[] head = response.substring(0, end).split("\r\n");
        int status = Integer.parseInt(head[0].split(" ")[1]);
        HttpHeaders headers = new HttpHeaders();
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            headers.add(
                    head[i].substring(0, colon).trim(),
                    head[i].substring(colon + 1).trim());
        }
        return new LedgerApi.Answer(status, headers, response.substring(end + 4));
    }
}
