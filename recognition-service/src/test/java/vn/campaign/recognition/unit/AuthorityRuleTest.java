package vn.campaign.recognition.unit;

import org.junit.jupiter.api.Test;
import vn.campaign.foundation.orgtree.OrgUnitKind;
import vn.campaign.foundation.recognition.NomineeType;
import vn.campaign.foundation.recognition.RecognitionForm;
import vn.campaign.recognition.config.AuthorityConfig;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The default authority rule for the post-2025 tree, as configured by default. */
class AuthorityRuleTest {

    private final Authority authority = new Authority();

    AuthorityRuleTest() {
        authority.config = new AuthorityConfig() {
            public Set<Integer> nationalMeritDepths() { return Set.of(1); }
            public Set<Integer> provincialMeritDepths() { return Set.of(2); }
            public Set<Integer> certificateDepths() { return Set.of(3); }
            public Set<OrgUnitKind> certificateKinds() { return Set.of(OrgUnitKind.GOVERNMENT_BODY); }
            public int praiseFromDepth() { return 4; }
        };
    }

    @Test
    void eachLevelGrantsItsForm() {
        assertEquals(Optional.of(RecognitionForm.NATIONAL_MERIT), authority.highestForm(1, OrgUnitKind.PARTY_COMMITTEE));
        assertEquals(Optional.of(RecognitionForm.PROVINCIAL_MERIT), authority.highestForm(2, OrgUnitKind.PARTY_COMMITTEE));
        assertEquals(Optional.of(RecognitionForm.CERTIFICATE), authority.highestForm(3, OrgUnitKind.PARTY_COMMITTEE));
        assertEquals(Optional.of(RecognitionForm.PRAISE_AT_MEETING), authority.highestForm(4, OrgUnitKind.PARTY_ORGANISATION));
        assertEquals(Optional.of(RecognitionForm.PRAISE_AT_MEETING), authority.highestForm(5, OrgUnitKind.PARTY_CELL));
    }

    @Test
    void agenciesGrantCertificatesBelowTheCommuneLevelToo() {
        assertEquals(Optional.of(RecognitionForm.CERTIFICATE), authority.highestForm(4, OrgUnitKind.GOVERNMENT_BODY));
        assertEquals(Optional.of(RecognitionForm.PROVINCIAL_MERIT), authority.highestForm(2, OrgUnitKind.GOVERNMENT_BODY));
    }

    @Test
    void aGreaterFormCoversTheLesserOnes() {
        assertEquals(true, RecognitionForm.CERTIFICATE.atMost(RecognitionForm.PROVINCIAL_MERIT));
        assertEquals(false, RecognitionForm.NATIONAL_MERIT.atMost(RecognitionForm.PROVINCIAL_MERIT));
    }

    @Test
    void aCollectiveNomineeMustLieStrictlyBelowTheUnit() {
        UUID nation = UUID.randomUUID();
        UUID commune = UUID.randomUUID();
        UUID cell = UUID.randomUUID();
        List<UUID> communePath = List.of(nation, commune);
        assertTrue(Authority.ownCollective(NomineeType.COLLECTIVE, communePath, communePath));
        assertTrue(Authority.ownCollective(NomineeType.COLLECTIVE, List.of(nation), communePath));
        assertFalse(Authority.ownCollective(NomineeType.COLLECTIVE, List.of(nation, commune, cell), communePath));
        assertFalse(Authority.ownCollective(NomineeType.COLLECTIVE, communePath, List.of(nation)));
        // members and models belong to a unit; they are not the unit
        assertFalse(Authority.ownCollective(NomineeType.MEMBER, communePath, communePath));
        assertFalse(Authority.ownCollective(NomineeType.MODEL, communePath, communePath));
    }
}
