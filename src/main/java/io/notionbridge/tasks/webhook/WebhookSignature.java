package io.notionbridge.tasks.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Notion's webhook signature: {@code X-Notion-Signature: sha256=<hex of HMAC-SHA256(key = UTF-8 verification token,
 * message = the raw request body bytes)>}. The body must be the exact bytes received: any JSON re-serialisation
 * changes them and the signature no longer matches. Comparison is constant-time ({@link MessageDigest#isEqual}).
 * Thread-safe: one {@link Mac} per thread.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Notion-Signature";
    private static final String PREFIX = "sha256=";
    private static final int HEX_LENGTH = 64;

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    public WebhookSignature(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("a webhook secret is required");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** The header value Notion would send for {@code body} signed with {@code secret}. */
    public static String sign(String secret, byte[] body) {
        return new WebhookSignature(secret).sign(body);
    }

    /** {@code sha256=<lowercase hex>} of {@code body}. */
    public String sign(byte[] body) {
        return PREFIX + HexFormat.of().formatHex(mac(body));
    }

    /**
     * Whether {@code header} is the signature of {@code body}. A missing header, a header without the
     * {@code sha256=} prefix or without exactly 64 hex digits is simply not valid.
     */
    public boolean verify(byte[] body, String header) {
        byte[] received = parse(header);
        return received != null && MessageDigest.isEqual(mac(body), received);
    }

    private byte[] mac(byte[] body) {
        Mac mac = macs.get();
        return mac.doFinal(body);
    }

    private static byte[] parse(String header) {
        if (header == null) {
            return null;
        }
        String h = header.strip();
        if (!h.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) || h.length() != PREFIX.length() + HEX_LENGTH) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(h, PREFIX.length(), h.length());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
