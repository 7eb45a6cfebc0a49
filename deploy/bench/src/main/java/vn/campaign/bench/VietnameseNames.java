package vn.campaign.bench;

import java.util.SplittableRandom;

/**
 * Vietnamese personal and place names for generated data: family names weighted roughly as in
 * the population (Nguyễn about 38 %), a gendered middle name, a given name.
 */
public final class VietnameseNames {

    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
            "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương", "Lương", "Mai", "Lâm", "Cao", "Tạ", "Hà"};
    /** Per mille, same order as {@link #FAMILY}. */
    private static final int[] FAMILY_WEIGHTS = {380, 110, 95, 70, 31, 21, 45, 20, 20, 21, 20, 14, 13, 13, 10, 5, 12, 10,
            10, 10, 10, 8, 6, 36};
    private static final String[] MIDDLE_MALE = {"Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công", "Xuân", "Ngọc", "Trọng",
            "Đình", "Quang", "Thành", "Tấn", "Hoàng"};
    private static final String[] MIDDLE_FEMALE = {"Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Kim", "Mỹ", "Phương", "Bích",
            "Hồng", "Minh", "Thùy", "Diệu"};
    private static final String[] GIVEN_MALE = {"An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hiếu", "Hùng", "Huy", "Khang",
            "Khánh", "Kiên", "Lâm", "Long", "Lộc", "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quân", "Quang", "Sơn", "Tài",
            "Thắng", "Thành", "Thịnh", "Toàn", "Trung", "Tuấn", "Tùng", "Việt", "Vinh", "Vũ", "Hòa", "Tâm", "Trí", "Đông"};
    private static final String[] GIVEN_FEMALE = {"Anh", "Chi", "Dung", "Duyên", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa",
            "Hồng", "Hương", "Huyền", "Lan", "Liên", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Nhung", "Oanh", "Phương",
            "Quỳnh", "Tâm", "Thảo", "Thu", "Thủy", "Trang", "Trinh", "Tuyết", "Uyên", "Vân", "Xuân", "Yến", "Ánh", "Ngọc"};

    private static final String[] PLACE_FIRST = {"Tân", "An", "Phú", "Mỹ", "Hòa", "Bình", "Long", "Thạnh", "Vĩnh", "Phước",
            "Đông", "Tây", "Nam", "Bắc", "Hưng", "Thuận", "Quang", "Minh", "Đức", "Xuân", "Thanh", "Yên", "Hồng", "Kim",
            "Sơn", "Trung", "Hải", "Lộc", "Thái", "Gia", "Cẩm", "Nghĩa", "Hiệp", "Châu", "Định"};
    private static final String[] PLACE_SECOND = {"Phú", "Hòa", "Bình", "Lợi", "Thạnh", "Hưng", "An", "Long", "Thuận", "Phước",
            "Lộc", "Tiến", "Thành", "Sơn", "Hà", "Lâm", "Trung", "Định", "Hải", "Xuân", "Khánh", "Điền", "Mỹ", "Quý",
            "Nghĩa", "Đông", "Tây", "Phong", "Quang", "Tân"};

    private static final int FAMILY_TOTAL;

    static {
        int t = 0;
        for (int w : FAMILY_WEIGHTS) {
            t += w;
        }
        FAMILY_TOTAL = t;
        if (FAMILY.length != FAMILY_WEIGHTS.length) {
            throw new IllegalStateException("family names and weights differ in length");
        }
    }

    private VietnameseNames() {
    }

    /** A full name: family, middle, given (e.g. "Nguyễn Thị Mai"). */
    public static String person(SplittableRandom rng) {
        boolean female = rng.nextInt(100) < 48;
        String family = family(rng);
        String middle = pick(rng, female ? MIDDLE_FEMALE : MIDDLE_MALE);
        String given = pick(rng, female ? GIVEN_FEMALE : GIVEN_MALE);
        return family + " " + middle + " " + given;
    }

    /** A two-syllable place name (e.g. "Tân Phú"), never the same syllable twice. */
    public static String place(SplittableRandom rng) {
        String first = pick(rng, PLACE_FIRST);
        String second = pick(rng, PLACE_SECOND);
        while (second.equals(first)) {
            second = pick(rng, PLACE_SECOND);
        }
        return first + " " + second;
    }

    static String family(SplittableRandom rng) {
        int r = rng.nextInt(FAMILY_TOTAL);
        for (int i = 0; i < FAMILY.length; i++) {
            r -= FAMILY_WEIGHTS[i];
            if (r < 0) {
                return FAMILY[i];
            }
        }
        return FAMILY[0];
    }

    static String pick(SplittableRandom rng, String[] values) {
        return values[rng.nextInt(values.length)];
    }
}
