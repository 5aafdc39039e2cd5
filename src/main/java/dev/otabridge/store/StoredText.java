package dev.otabridge.store;

import com.ibm.icu.lang.UCharacter;

/**
 * What a stored string may hold: text, without control characters (U+0000-U+001F, U+007F-U+009F)
 * and without half of a surrogate pair. PostgreSQL cannot store a NUL, and a value with a TAB or a
 * lone surrogate could never be asked for, so the loader refuses them and the searches refuse
 * them in expressions alike: both stores then hold, and answer, the same.
 */
public final class StoredText {

    /** The longest orgId, assetId, productKey, jobId or firmwareId. */
    public static final int ID_LENGTH = 64;

    private StoredText() {}

    public static boolean isNotText(int codePoint) {
        return Character.isISOControl(codePoint) || isLoneSurrogate(codePoint);
    }

    /** A code point of a string that is half of a surrogate pair: String.codePoints() yields those on their own. */
    private static boolean isLoneSurrogate(int codePoint) {
        return codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE;
    }

    /** The first character of {@code value} a stored string may not hold, as its index in code points; -1 if none. */
    public static int firstNotText(String value) {
        int[] codePoints = value.codePoints().toArray();
        for (int i = 0; i < codePoints.length; i++) {
            if (isNotText(codePoints[i])) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code value} holds half of a surrogate pair, which no encoding of text can carry. */
    public static boolean hasLoneSurrogate(String value) {
        return value.codePoints().anyMatch(StoredText::isLoneSurrogate);
    }

    /**
     * A name as the name searches compare it: Unicode full case folding (ß and SS both ss, a final ς
     * σ, İ i̇), the rule of ICU's {@code UCharacter.foldCase(text, true)} and Python's
     * {@code str.casefold()}. The store keeps names folded this way and the searches fold their
     * pattern alike, so both engines compare the same text and neither's own LOWER decides.
     */
    public static String folded(String text) {
        return text == null ? null : UCharacter.foldCase(text, true);
    }

    /** A character as a message shows it: one that is not text as a \\u escape. */
    public static String shown(int codePoint) {
        return isNotText(codePoint) ? String.format("\\u%04x", codePoint) : Character.toString(codePoint);
    }
}
