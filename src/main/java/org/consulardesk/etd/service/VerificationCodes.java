package org.consulardesk.etd.service;

import java.nio.charset.StandardCharsets;
import org.consulardesk.core.crypto.Hashes;

/**
 * The verification code printed on an ETD: an HMAC of its number and MRZ under a key derived from the
 * registry's data key, so only the issuing registry can make or confirm one. Ten characters of a
 * 32-letter alphabet without 0/O and 1/I, grouped 5-5.
 */
final class VerificationCodes {
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private VerificationCodes() {
    }

    static String code(byte[] key, String serial, String line1, String line2) {
        byte[] mac = Hashes.hmacSha256(key, (serial + "\n" + line1 + "\n" + line2).getBytes(StandardCharsets.US_ASCII));
        StringBuilder out = new StringBuilder(11);
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                out.append('-');
            }
            out.append(ALPHABET.charAt((mac[i] & 0xff) % 32));
        }
        return out.toString();
    }
}
