package vn.campaign.foundation.commitments;

/**
 * The year-end rating of a personal commitment (xếp loại), derived from the 0–100 score on the
 * 100-point scale of Quy định 366-QĐ/TW (2025). There is no way to give a rating without its
 * score: {@link #of(int)} is the only rule.
 */
public enum Rating {
    EXCELLENT,
    GOOD,
    COMPLETED,
    NOT_COMPLETED;

    public static final int MIN_SCORE = 0;
    public static final int MAX_SCORE = 100;

    /** ≥ 90 EXCELLENT, 70–89 GOOD, 50–69 COMPLETED, &lt; 50 NOT_COMPLETED. */
    public static Rating of(int score) {
        if (score < MIN_SCORE || score > MAX_SCORE) {
            throw new IllegalArgumentException("a score is between " + MIN_SCORE + " and " + MAX_SCORE + ", not " + score);
        }
        if (score >= 90) {
            return EXCELLENT;
        }
        if (score >= 70) {
            return GOOD;
        }
        if (score >= 50) {
            return COMPLETED;
        }
        return NOT_COMPLETED;
    }
}
