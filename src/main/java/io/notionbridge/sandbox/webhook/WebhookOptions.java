package io.notionbridge.sandbox.webhook;

import java.security.SecureRandom;
import java.time.Duration;

/**
 * A webhook subscription and its delivery habits: the URL, the verification token (the HMAC key), the payload's API
 * version, retries (up to {@code maxAttempts} with exponential backoff from {@code retryBaseDelay}; Notion spreads 8
 * attempts over a day, the sandbox is fast by default), the probability of delivering an event twice, and reordering
 * (events held in batches of {@code reorderBatch}, at most {@code reorderHold}, then sent shuffled).
 */
public record WebhookOptions(String url, String verificationToken, String apiVersion, int maxAttempts,
                             Duration retryBaseDelay, double duplicateProbability, int reorderBatch, Duration reorderHold) {

    public WebhookOptions {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("a webhook subscription needs a URL");
        }
        if (verificationToken == null || verificationToken.isBlank()) {
            verificationToken = newVerificationToken();
        }
        if (apiVersion == null || apiVersion.isBlank()) {
            apiVersion = "2025-09-03";
        }
        if (maxAttempts < 1 || maxAttempts > 8) {
            throw new IllegalArgumentException("maxAttempts must be between 1 and 8, got " + maxAttempts);
        }
        if (duplicateProbability < 0 || duplicateProbability > 1) {
            throw new IllegalArgumentException("duplicateProbability must be between 0 and 1");
        }
        retryBaseDelay = retryBaseDelay == null ? Duration.ofMillis(200) : retryBaseDelay;
        reorderHold = reorderHold == null ? Duration.ofMillis(300) : reorderHold;
    }

    /** Defaults: 8 attempts from 200 ms, no duplicates, no reordering. */
    public static WebhookOptions of(String url, String verificationToken) {
        return new WebhookOptions(url, verificationToken, "2025-09-03", 8, Duration.ofMillis(200), 0, 0,
                Duration.ofMillis(300));
    }

    public WebhookOptions withDuplicates(double probability) {
        return new WebhookOptions(url, verificationToken, apiVersion, maxAttempts, retryBaseDelay, probability,
                reorderBatch, reorderHold);
    }

    public WebhookOptions withReordering(int batch, Duration hold) {
        return new WebhookOptions(url, verificationToken, apiVersion, maxAttempts, retryBaseDelay, duplicateProbability,
                batch, hold);
    }

    public WebhookOptions withRetries(int attempts, Duration baseDelay) {
        return new WebhookOptions(url, verificationToken, apiVersion, attempts, baseDelay, duplicateProbability,
                reorderBatch, reorderHold);
    }

    public WebhookOptions withApiVersion(String version) {
        return new WebhookOptions(url, verificationToken, version, maxAttempts, retryBaseDelay, duplicateProbability,
                reorderBatch, reorderHold);
    }

    /** A token like Notion's: {@code secret_} and 43 random letters and digits. */
    public static String newVerificationToken() {
        String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom r = new SecureRandom();
        StringBuilder sb = new StringBuilder("secret_");
        for (int i = 0; i < 43; i++) {
            sb.append(chars.charAt(r.nextInt(chars.length())));
        }
        return sb.toString();
    }
}
