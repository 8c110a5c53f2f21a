package org.consulardesk.core.crypto;

/**
 * Argon2id cost. Stored beside every wrapped key, so raising the default later never breaks
 * existing key files.
 */
public record KdfParams(int memoryKiB, int iterations, int parallelism) {
    /** About half a second on a 2-core laptop: slow for guessing, bearable at login. */
    public static final KdfParams STANDARD = new KdfParams(64 * 1024, 3, 1);

    public KdfParams {
        if (memoryKiB < 8 || iterations < 1 || parallelism < 1) {
            throw new IllegalArgumentException("Argon2 parameters out of range");
        }
    }

    public String encode() {
        return "argon2id:m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism;
    }

    public static KdfParams decode(String text) {
        if (text == null || !text.startsWith("argon2id:")) {
            throw new IllegalArgumentException("unknown key derivation");
        }
        int m = 0;
        int t = 0;
        int p = 0;
        for (String part : text.substring("argon2id:".length()).split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("malformed key derivation parameters");
            }
            int value = Integer.parseInt(kv[1]);
            switch (kv[0]) {
                case "m" -> m = value;
                case "t" -> t = value;
                case "p" -> p = value;
                default -> throw new IllegalArgumentException("malformed key derivation parameters");
            }
        }
        return new KdfParams(m, t, p);
    }
}
