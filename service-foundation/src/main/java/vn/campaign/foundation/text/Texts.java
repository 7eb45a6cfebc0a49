package vn.campaign.foundation.text;

import java.text.Normalizer;

/** Free text as stored: NFC (clients send Vietnamese composed and decomposed), trimmed, blank as null. */
public final class Texts {

    private Texts() {
    }

    public static String normalize(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = Normalizer.normalize(text.trim(), Normalizer.Form.NFC);
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** Control characters break storage (NUL) and exports; line breaks and tabs only where {@code multiline}. */
    public static boolean isClean(String text, boolean multiline) {
        return text == null || text.chars().noneMatch(c -> Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t')));
    }
}
