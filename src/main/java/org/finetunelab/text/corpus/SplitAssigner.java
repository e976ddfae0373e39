package org.finetunelab.text.corpus;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Decides which split a document belongs to from a hash of its text, so the decision does not depend on
 * the order of reading, on other documents, or on a random seed: a document is in the validation split on
 * every machine and in every rebuild.
 */
public final class SplitAssigner {
    /** The two parts of the corpus. */
    public enum Split { TRAIN, VALID }

    private static final long BUCKETS = 1_000_000;
    private final long validBuckets;

    /** @param validFraction the share of documents held out for validation, e.g. 0.02 */
    public SplitAssigner(double validFraction) {
        if (!(validFraction >= 0 && validFraction < 1)) {
            throw new IllegalArgumentException("validFraction must be in [0, 1), got " + validFraction);
        }
        this.validBuckets = Math.round(validFraction * BUCKETS);
    }

    public Split assign(String text) {
        return bucket(text) < validBuckets ? Split.VALID : Split.TRAIN;
    }

    /** The first 8 bytes of the SHA-256 of the UTF-8 text, as a number in [0, 1 000 000). */
    static long bucket(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Long.remainderUnsigned(ByteBuffer.wrap(digest).getLong(), BUCKETS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
