package io.notionbridge.sandbox.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Notion's webhook signature: {@code X-Notion-Signature: sha256=<lowercase hex of HMAC-SHA256(key = UTF-8 verification
 * token, message = the exact raw body bytes)>}.
 */
public final class WebhookSigner {

    public static final String HEADER = "X-Notion-Signature";

    private WebhookSigner() {
    }

    public static String sign(String verificationToken, byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(verificationToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(rawBody));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Constant-time check of a received signature header against the body. */
    public static boolean verify(String verificationToken, byte[] rawBody, String header) {
        if (header == null) {
            return false;
        }
        byte[] expected = sign(verificationToken, rawBody).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, header.trim().getBytes(StandardCharsets.UTF_8));
    }
}
