package vn.campaign.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A national organisation tree and roster, deterministic for a scale and a seed. At scale 1: the
 * national body, 34 provinces (always all of them), about 3,300 communes, 52,000 grassroots
 * party organisations, 260,000 party cells and 5.5 million members, spread over the provinces
 * roughly by population. Each member carries the state their commitment should reach, so the
 * loader can drive the commitment lifecycle in realistic proportions.
 */
public final class NationalDataset {

    public static final int COMMUNES = 3_300;
    public static final int GRASSROOTS = 52_000;
    public static final int CELLS = 260_000;
    public static final long MEMBERS = 5_500_000L;

    public static final String ROOT_CODE = "TW";
    /** Units of each province besides its party tree (the Fatherland Front, a department). */
    static final int PROVINCIAL_BODIES = 2;
    public static final String ROOT_NAME = "Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam";

    /** The 34 provinces and centrally governed cities since 1 July 2025, with a population weight (millions). */
    static final String[][] PROVINCES = {
            {"thành phố", "Hà Nội", "8.7"}, {"thành phố", "Huế", "1.4"}, {"tỉnh", "Lai Châu", "0.5"},
            {"tỉnh", "Điện Biên", "0.6"}, {"tỉnh", "Sơn La", "1.3"}, {"tỉnh", "Lạng Sơn", "0.8"},
            {"tỉnh", "Quảng Ninh", "1.4"}, {"tỉnh", "Thanh Hóa", "3.7"}, {"tỉnh", "Nghệ An", "3.5"},
            {"tỉnh", "Hà Tĩnh", "1.3"}, {"tỉnh", "Cao Bằng", "0.6"}, {"tỉnh", "Tuyên Quang", "1.9"},
            {"tỉnh", "Lào Cai", "1.8"}, {"tỉnh", "Thái Nguyên", "1.8"}, {"tỉnh", "Phú Thọ", "4.0"},
            {"tỉnh", "Bắc Ninh", "3.6"}, {"tỉnh", "Hưng Yên", "3.6"}, {"thành phố", "Hải Phòng", "4.7"},
            {"tỉnh", "Ninh Bình", "4.4"}, {"tỉnh", "Quảng Trị", "1.9"}, {"thành phố", "Đà Nẵng", "3.1"},
            {"tỉnh", "Quảng Ngãi", "2.2"}, {"tỉnh", "Gia Lai", "3.6"}, {"tỉnh", "Khánh Hòa", "2.2"},
            {"tỉnh", "Lâm Đồng", "3.9"}, {"tỉnh", "Đắk Lắk", "3.3"}, {"thành phố", "Hồ Chí Minh", "14.0"},
            {"tỉnh", "Đồng Nai", "4.5"}, {"tỉnh", "Tây Ninh", "3.3"}, {"thành phố", "Cần Thơ", "4.2"},
            {"tỉnh", "Vĩnh Long", "4.3"}, {"tỉnh", "Đồng Tháp", "4.4"}, {"tỉnh", "Cà Mau", "2.6"},
            {"tỉnh", "An Giang", "4.9"}};

    private static final String[] GRASSROOTS_KINDS = {"Đảng bộ cơ sở khu dân cư", "Chi bộ cơ sở Trường THCS", "Chi bộ cơ sở Trường Tiểu học",
            "Chi bộ cơ sở Trạm Y tế", "Đảng bộ cơ sở Công ty cổ phần", "Chi bộ cơ sở Hợp tác xã", "Chi bộ cơ sở Công an",
            "Chi bộ cơ sở Ban Chỉ huy Quân sự", "Đảng bộ cơ sở Trường THPT", "Chi bộ cơ sở Quỹ tín dụng nhân dân"};
    private static final String[] CELL_KINDS = {"Chi bộ ấp", "Chi bộ thôn", "Chi bộ khu phố", "Chi bộ tổ dân phố", "Chi bộ bản",
            "Chi bộ giáo viên", "Chi bộ hưu trí", "Chi bộ văn phòng"};
    private static final String[] LEADER_TITLES = {"Phó Bí thư chi bộ", "Chủ tịch UBND xã", "Trưởng ấp", "Hiệu trưởng",
            "Trưởng Công an xã", "Chủ tịch Hội Nông dân xã", "Bí thư Đoàn xã", "Trạm trưởng Trạm Y tế"};

    /** Where a member's commitment should end up. */
    public enum Lifecycle { NONE, DRAFT, SUBMITTED, RETURNED, APPROVED, SELF_ASSESSED, EVALUATED;

        /** Whether the commitment goes through a submission. */
        public boolean submitted() {
            return ordinal() >= SUBMITTED.ordinal();
        }
    }

    public record Unit(String code, String name, String kind, String parentCode, int depth) {
    }

    public record Member(String externalRef, String fullName, String cellCode, String category, boolean leader,
                         String positionTitle, String exemption, String exemptionReason, Lifecycle lifecycle, int score) {
    }

    /** A province's subtree: the province first, then parents before children. */
    public record Province(int index, String code, String name, List<Unit> units, int[] membersPerCell, List<Unit> cells) {
        public long members() {
            long n = 0;
            for (int m : membersPerCell) {
                n += m;
            }
            return n;
        }
    }

    private final double scale;
    private final long seed;
    private final int[] communes;
    private final int[] grassroots;
    private final int[] cells;
    private final long[] members;

    public NationalDataset(double scale, long seed) {
        if (!(scale > 0 && scale <= 1)) {
            throw new IllegalArgumentException("scale must be in (0, 1], got " + scale);
        }
        this.scale = scale;
        this.seed = seed;
        double[] weights = new double[PROVINCES.length];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = Double.parseDouble(PROVINCES[i][2]);
        }
        int p = PROVINCES.length;
        this.communes = split(Math.max(p, Math.round(COMMUNES * scale)), weights, 1);
        this.grassroots = split(Math.max(p, Math.round(GRASSROOTS * scale)), weights, 1);
        this.cells = split(Math.max(p, Math.round(CELLS * scale)), weights, 1);
        long[] m = new long[p];
        int[] mi = split(Math.max(p * 3L, Math.round(MEMBERS * scale)), weights, 3);
        for (int i = 0; i < p; i++) {
            m[i] = mi[i];
            grassroots[i] = Math.max(grassroots[i], communes[i]);
            cells[i] = Math.max(cells[i], grassroots[i]);
            m[i] = Math.max(m[i], cells[i] * 3L);
        }
        this.members = m;
    }

    public double scale() {
        return scale;
    }

    public int provinceCount() {
        return PROVINCES.length;
    }

    public long totalMembers() {
        long n = 0;
        for (long m : members) {
            n += m;
        }
        return n;
    }

    public int totalUnits() {
        int n = 1;
        for (int i = 0; i < PROVINCES.length; i++) {
            n += 1 + PROVINCIAL_BODIES + communes[i] + grassroots[i] + cells[i];
        }
        return n;
    }

    public static String provinceCode(int index) {
        return String.format("T%02d", index + 1);
    }

    public static String provinceName(int index) {
        return "Đảng bộ " + PROVINCES[index][0] + " " + PROVINCES[index][1];
    }

    public Unit root() {
        return new Unit(ROOT_CODE, ROOT_NAME, "PARTY_COMMITTEE", null, 1);
    }

    /** The province's units (deterministic: the same scale and seed give the same tree). */
    public Province province(int index) {
        SplittableRandom rng = new SplittableRandom(seed * 1_000_003L + index);
        String code = provinceCode(index);
        List<Unit> units = new ArrayList<>();
        List<Unit> cellUnits = new ArrayList<>();
        units.add(new Unit(code, provinceName(index), "PARTY_COMMITTEE", ROOT_CODE, 2));
        // bodies of the province that take part in the campaign but hold no cells here
        units.add(new Unit(code + "-MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam " + PROVINCES[index][0] + " " + PROVINCES[index][1],
                "FATHERLAND_FRONT", code, 3));
        units.add(new Unit(code + "-SGD", "Sở Giáo dục và Đào tạo " + PROVINCES[index][0] + " " + PROVINCES[index][1],
                "GOVERNMENT_BODY", code, 3));
        boolean city = PROVINCES[index][0].equals("thành phố");
        int[] orgsPerCommune = split(grassroots[index], randomWeights(rng, communes[index]), 1);
        int[] cellsPerOrg = split(cells[index], randomWeights(rng, grassroots[index]), 1);
        int org = 0;
        for (int c = 0; c < communes[index]; c++) {
            String communeCode = String.format("%s-X%03d", code, c + 1);
            String kind = city && rng.nextInt(100) < 70 ? "phường" : rng.nextInt(100) < 3 ? "đặc khu" : "xã";
            units.add(new Unit(communeCode, "Đảng bộ " + kind + " " + VietnameseNames.place(rng), "PARTY_COMMITTEE", code, 3));
            for (int o = 0; o < orgsPerCommune[c]; o++, org++) {
                String orgCode = String.format("%s-C%02d", communeCode, o + 1);
                units.add(new Unit(orgCode, VietnameseNames.pick(rng, GRASSROOTS_KINDS) + " " + VietnameseNames.place(rng),
                        "PARTY_ORGANISATION", communeCode, 4));
                for (int b = 0; b < cellsPerOrg[org]; b++) {
                    String cellKind = VietnameseNames.pick(rng, CELL_KINDS);
                    String suffix = cellKind.endsWith("viên") || cellKind.endsWith("trí") || cellKind.endsWith("phòng")
                            ? (b == 0 ? "" : " " + (b + 1)) : " " + (rng.nextInt(3) == 0 ? VietnameseNames.place(rng) : String.valueOf(b + 1));
                    Unit cell = new Unit(String.format("%s-B%02d", orgCode, b + 1), cellKind + suffix, "PARTY_CELL", orgCode, 5);
                    units.add(cell);
                    cellUnits.add(cell);
                }
            }
        }
        int[] membersPerCell = split(members[index], randomWeights(rng, cellUnits.size()), 3);
        return new Province(index, code, provinceName(index), units, membersPerCell, cellUnits);
    }

    /** The roster of a province, cell by cell (deterministic). */
    public List<Member> members(Province province) {
        SplittableRandom rng = new SplittableRandom(seed * 7_919L + province.index() * 104_729L + 17);
        List<Member> out = new ArrayList<>((int) province.members());
        int n = 0;
        for (int c = 0; c < province.cells().size(); c++) {
            String cell = province.cells().get(c).code();
            for (int i = 0; i < province.membersPerCell()[c]; i++, n++) {
                out.add(member(rng, province.code(), n, cell, i == 0));
            }
        }
        return out;
    }

    static Member member(SplittableRandom rng, String provinceCode, int n, String cellCode, boolean secretary) {
        String ref = String.format("DV-%s-%07d", provinceCode, n + 1);
        String name = VietnameseNames.person(rng);
        int c = rng.nextInt(100);
        String category = c < 88 ? "PARTY_MEMBER" : c < 95 ? "CIVIL_SERVANT" : c < 99 ? "UNION_MEMBER" : "CITIZEN";
        boolean leader = secretary || rng.nextInt(100) < 5;
        String title = secretary ? "Bí thư chi bộ" : leader ? VietnameseNames.pick(rng, LEADER_TITLES) : null;
        String exemption = null;
        String reason = null;
        int e = rng.nextInt(1000);
        if (!secretary && category.equals("PARTY_MEMBER") && e < 40) {
            if (e < 20) {
                exemption = "RETIRED";
                reason = "Nghỉ hưu, sinh hoạt tại nơi cư trú";
            } else if (e < 35) {
                exemption = "EXEMPT_FROM_PARTY_ACTIVITIES";
                reason = "Được miễn sinh hoạt đảng theo quyết định của cấp ủy";
            } else {
                exemption = "ELDERLY";
                reason = "Đảng viên cao tuổi, sức khỏe yếu";
            }
        }
        Lifecycle lifecycle = Lifecycle.NONE;
        if (exemption == null) {
            int l = rng.nextInt(100);
            lifecycle = l < 5 ? Lifecycle.NONE : l < 10 ? Lifecycle.DRAFT : l < 28 ? Lifecycle.SUBMITTED
                    : l < 31 ? Lifecycle.RETURNED : l < 78 ? Lifecycle.APPROVED : l < 88 ? Lifecycle.SELF_ASSESSED : Lifecycle.EVALUATED;
        }
        int r = rng.nextInt(100);
        int score = r < 20 ? 90 + rng.nextInt(11) : r < 80 ? 70 + rng.nextInt(20) : r < 97 ? 50 + rng.nextInt(20) : 30 + rng.nextInt(20);
        return new Member(ref, name, cellCode, category, leader, title, exemption, reason, lifecycle, score);
    }

    private static double[] randomWeights(SplittableRandom rng, int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 0.4 + rng.nextDouble() * 1.2;
        }
        return w;
    }

    /** {@code total} split in proportion to {@code weights}, each part at least {@code min} (largest remainder). */
    static int[] split(long total, double[] weights, int min) {
        int k = weights.length;
        int[] parts = new int[k];
        if (k == 0) {
            return parts;
        }
        long rest = total - (long) min * k;
        if (rest < 0) {
            rest = 0;
        }
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        double[] remainders = new double[k];
        long given = 0;
        for (int i = 0; i < k; i++) {
            double exact = rest * weights[i] / sum;
            parts[i] = min + (int) Math.floor(exact);
            remainders[i] = exact - Math.floor(exact);
            given += (long) Math.floor(exact);
        }
        long left = rest - given;
        if (left > 0) {
            Integer[] order = new Integer[k];
            for (int i = 0; i < k; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> Double.compare(remainders[b], remainders[a]));
            for (int i = 0; i < left; i++) {
                parts[order[i % k]]++;
            }
        }
        return parts;
    }
}
