package vn.campaign.foundation.recognition;

/**
 * Forms of commendation (hình thức khen thưởng), from the least to the greatest; the order is
 * the rank a unit's authority is measured in.
 */
public enum RecognitionForm {
    /** Biểu dương at a cell meeting. */
    PRAISE_AT_MEETING,
    /** Giấy khen, granted by a commune or an agency. */
    CERTIFICATE,
    /** Bằng khen of the province. */
    PROVINCIAL_MERIT,
    /** Bằng khen of a central body or the Prime Minister. */
    NATIONAL_MERIT;

    public boolean atMost(RecognitionForm other) {
        return compareTo(other) <= 0;
    }
}
