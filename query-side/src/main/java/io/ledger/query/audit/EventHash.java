package io.ledger.query.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The hash chain's arithmetic, documented byte for byte in docs/audit.md so that an auditor can recompute it without
 * this code:
 *
 * <pre>
 * hash(n) = SHA-256( hash(n-1) || field(global_index) || field(event_identifier) || field(aggregate_identifier)
 *                    || field(sequence_number) || field(type) || field(time_stamp) || field(payload_type)
 *                    || field(payload_revision) || field(payload::text) || field(meta_data::text) )
 * field(v) = 4-byte big-endian length of v's UTF-8 bytes, then those bytes; a NULL is the length -1 (FF FF FF FF)
 *            and no bytes. Numbers are their decimal text.
 * hash(0) = 32 zero bytes (before the first event).
 * </pre>
 */
final class EventHash {

    static final int LENGTH = 32;
    static final byte[] GENESIS = new byte[LENGTH];

    private static final HexFormat HEX = HexFormat.of();

    private EventHash() {}

    /** The chain hash of {@code event} following {@code previous}. */
    static byte[] next(byte[] previous, StoredEvent event) {
        if (previous.length != LENGTH) {
            throw new IllegalArgumentException("a chain hash has 32 bytes, not " + previous.length);
        }
        MessageDigest sha = sha256();
        sha.update(previous);
        sha.update(encode(event));
        return sha.digest();
    }

    /** The length-prefixed encoding of the event's fields, in chain order. */
    static byte[] encode(StoredEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + length(event.payload()) + length(event.metaData()));
        field(out, Long.toString(event.globalIndex()));
        field(out, event.eventIdentifier());
        field(out, event.aggregateIdentifier());
        field(out, Long.toString(event.sequenceNumber()));
        field(out, event.type());
        field(out, event.timeStamp());
        field(out, event.payloadType());
        field(out, event.payloadRevision());
        field(out, event.payload());
        field(out, event.metaData());
        return out.toByteArray();
    }

    /** SHA-256 of one field's encoding, as kept beside the chain for payload and metadata. */
    static byte[] ofField(String value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4 + length(value));
        field(out, value);
        return sha256().digest(out.toByteArray());
    }

    static String hex(byte[] hash) {
        return HEX.formatHex(hash);
    }

    static boolean same(byte[] a, byte[] b) {
        return Arrays.equals(a, b);
    }

    private static void field(ByteArrayOutputStream out, String value) {
        if (value == null) {
            out.write(0xFF);
            out.write(0xFF);
            out.write(0xFF);
            out.write(0xFF);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        int length = bytes.length;
        out.write(length >>> 24);
        out.write(length >>> 16);
        out.write(length >>> 8);
        out.write(length);
        out.writeBytes(bytes);
    }

    private static int length(String value) {
        return value == null ? 0 : value.length();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
