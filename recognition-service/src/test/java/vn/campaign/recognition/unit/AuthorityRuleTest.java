package vn.campaign.recognition.unit;

import org.junit.jupiter.api.Test;
import vn.campaign.foundation.orgtree.OrgUnitKind;
import vn.campaign.foundation.recognition.RecognitionForm;
import vn.campaign.recognition.config.AuthorityConfig;

import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
