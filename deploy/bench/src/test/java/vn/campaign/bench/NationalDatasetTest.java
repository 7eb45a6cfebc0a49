package vn.campaign.bench;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NationalDatasetTest {

    @Test
    void onePercentHasAllProvincesAndAHundredthOfEverythingElse() {
        NationalDataset data = new NationalDataset(0.01, 7);
        assertEquals(34, data.provinceCount());
        long cells = 0;
        long communes = 0;
        long units = 1;
        for (int i = 0; i < data.provinceCount(); i++) {
            NationalDataset.Province p = data.province(i);
            cells += p.cells().size();
            units += p.units().size();
            communes += p.units().stream().filter(u -> u.depth() == 3 && u.kind().equals("PARTY_COMMITTEE")).count();
        }
        assertEquals(2_600, cells);
        assertEquals(34, communes);
        assertEquals(55_000, data.totalMembers());
        assertEquals(units, data.totalUnits());
    }

    @Test
    void theSameScaleAndSeedGiveTheSameData() {
        NationalDataset a = new NationalDataset(0.01, 42);
        NationalDataset b = new NationalDataset(0.01, 42);
        assertEquals(a.province(5).units(), b.province(5).units());
        assertEquals(a.members(a.province(5)), b.members(b.province(5)));
        NationalDataset other = new NationalDataset(0.01, 43);
        assertTrue(!a.members(a.province(5)).equals(other.members(other.province(5))));
    }

    @Test
    void unitCodesAreUniqueAndParentsComeFirst() {
        NationalDataset data = new NationalDataset(0.02, 1);
        Set<String> seen = new HashSet<>(Set.of(NationalDataset.ROOT_CODE));
        for (int i = 0; i < data.provinceCount(); i++) {
            for (NationalDataset.Unit u : data.province(i).units()) {
                assertTrue(seen.contains(u.parentCode()), "parent of " + u.code() + " comes first");
                assertTrue(seen.add(u.code()), "code " + u.code() + " is unique");
            }
        }
    }

    @Test
    void rosterIsInRealisticProportions() {
        NationalDataset data = new NationalDataset(0.01, 3);
        List<NationalDataset.Member> members = data.members(data.province(0));
        Map<String, Long> categories = members.stream().collect(Collectors.groupingBy(NationalDataset.Member::category, Collectors.counting()));
        double partyShare = categories.get("PARTY_MEMBER") / (double) members.size();
        assertTrue(partyShare > 0.8 && partyShare < 0.95, "party members: " + partyShare);
        long exempt = members.stream().filter(m -> m.exemption() != null).count();
        assertTrue(exempt > 0 && exempt < members.size() / 10, "exempt: " + exempt);
        assertTrue(members.stream().allMatch(m -> m.exemption() == null || m.lifecycle() == NationalDataset.Lifecycle.NONE));
        Map<NationalDataset.Lifecycle, Long> states = members.stream()
                .collect(Collectors.groupingBy(NationalDataset.Member::lifecycle, Collectors.counting()));
        assertTrue(states.get(NationalDataset.Lifecycle.APPROVED) > states.get(NationalDataset.Lifecycle.SUBMITTED));
        assertEquals(members.size(), members.stream().map(NationalDataset.Member::externalRef).collect(Collectors.toSet()).size());
    }

    @Test
    void namesAreVietnamese() {
        SplittableRandom rng = new SplittableRandom(9);
        Map<String, Long> families = new java.util.HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            String name = VietnameseNames.person(rng);
            assertEquals(3, name.split(" ").length, name);
            families.merge(name.split(" ")[0], 1L, Long::sum);
        }
        double nguyen = families.get("Nguyễn") / 10_000.0;
        assertTrue(nguyen > 0.33 && nguyen < 0.43, "Nguyễn share " + nguyen);
        assertTrue(NationalDataset.provinceName(26).equals("Đảng bộ thành phố Hồ Chí Minh"));
    }

    @Test
    void splitKeepsTheTotalAndTheMinimum() {
        int[] parts = NationalDataset.split(1000, new double[]{1, 2, 3, 0.001}, 5);
        assertEquals(1000, java.util.Arrays.stream(parts).sum());
        assertTrue(java.util.Arrays.stream(parts).allMatch(p -> p >= 5));
    }
}
