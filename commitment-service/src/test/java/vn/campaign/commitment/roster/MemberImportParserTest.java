package vn.campaign.commitment.roster;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import org.junit.jupiter.api.Test;
import vn.campaign.commitment.roster.MemberCommands.ImportRow;
import vn.campaign.foundation.plans.ExemptionCategory;
import vn.campaign.foundation.web.Problem;
import vn.campaign.foundation.web.ProblemException;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The import parser on its own: absent columns versus blank ones, the row limit; the import's own timeout. */
class MemberImportParserTest {

    private static final UUID UNIT = UUID.randomUUID();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aColumnLeftOutIsNotGivenAndABlankOneIs() {
        List<ImportRow> rows = MemberImportParser.csv("externalRef,fullName,unitId,category\nA-1,An," + UNIT + ",CITIZEN\n");
        assertEquals(Set.of(), rows.get(0).given());

        rows = MemberImportParser.csv("externalRef,fullName,unitId,category,leader,positionTitle,exemption,exemptionReason\n"
                + "A-1,An," + UNIT + ",CITIZEN,,,,\n"
                + "A-2,Bình," + UNIT + ",CITIZEN,true,Bí thư,RETIRED,Nghỉ hưu\n"
                + "A-3,Cư," + UNIT + ",CITIZEN,false\n");
        ImportRow blank = rows.get(0);
        assertEquals(ImportRow.OPTIONAL, blank.given());
        assertNull(blank.leader());
        assertNull(blank.positionTitle());
        assertNull(blank.exemption());
        ImportRow full = rows.get(1);
        assertEquals(ImportRow.OPTIONAL, full.given());
        assertEquals(true, full.leader());
        assertEquals(ExemptionCategory.RETIRED, full.exemption());
        // a line that stops early leaves the rest out rather than blanking it
        assertEquals(Set.of(ImportRow.LEADER), rows.get(2).given());

        rows = MemberImportParser.jsonLines("{\"externalRef\":\"A-1\",\"fullName\":\"An\",\"unitId\":\"" + UNIT + "\",\"category\":\"CITIZEN\"}\n"
                + "{\"externalRef\":\"A-2\",\"fullName\":\"Bình\",\"unitId\":\"" + UNIT + "\",\"category\":\"CITIZEN\",\"leader\":null,"
                + "\"positionTitle\":\"\",\"exemption\":null,\"exemptionReason\":null}\n", json);
        assertEquals(Set.of(), rows.get(0).given());
        assertEquals(ImportRow.OPTIONAL, rows.get(1).given());
        assertTrue(rows.get(1).has(ImportRow.POSITION_TITLE));
        assertFalse(rows.get(0).has(ImportRow.POSITION_TITLE));
    }

    @Test
    void anExemptionComesWithItsReasonOrNotAtAll() {
        ProblemException header = assertThrows(ProblemException.class, () -> MemberImportParser.csv(
                "externalRef,fullName,unitId,category,exemptionReason\nA-1,An," + UNIT + ",CITIZEN,Lý do\n"));
        assertEquals(400, header.status());
        assertEquals(List.of("header"), fields(header));

        ProblemException row = assertThrows(ProblemException.class, () -> MemberImportParser.jsonLines(
                "{\"externalRef\":\"A-1\",\"fullName\":\"An\",\"unitId\":\"" + UNIT + "\",\"category\":\"CITIZEN\",\"exemption\":\"OTHER\"}\n", json));
        assertEquals(List.of("line 1: exemptionReason"), fields(row));
    }

    @Test
    void theRowLimitIsTwentyThousandWithAMessageThatSaysWhatToDo() {
        assertEquals(20_000, MemberImportParser.MAX_ROWS);
        StringBuilder csv = new StringBuilder("externalRef,fullName,unitId,category\n");
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= MemberImportParser.MAX_ROWS; i++) {
            csv.append("R-").append(i).append(",A,").append(UNIT).append(",CITIZEN\n");
            lines.append("{\"externalRef\":\"R-").append(i).append("\",\"fullName\":\"A\",\"unitId\":\"").append(UNIT)
                    .append("\",\"category\":\"CITIZEN\"}\n\n");
        }
        assertEquals(MemberImportParser.MAX_ROWS, MemberImportParser.csv(csv.toString()).size());
        assertEquals(MemberImportParser.MAX_ROWS, MemberImportParser.jsonLines(lines.toString(), json).size(), "blank lines are not rows");

        csv.append("R-x,A,").append(UNIT).append(",CITIZEN\n");
        lines.append("{\"externalRef\":\"R-x\",\"fullName\":\"A\",\"unitId\":\"").append(UNIT).append("\",\"category\":\"CITIZEN\"}\n");
        for (ProblemException tooMany : List.of(
                assertThrows(ProblemException.class, () -> MemberImportParser.csv(csv.toString())),
                assertThrows(ProblemException.class, () -> MemberImportParser.jsonLines(lines.toString(), json)))) {
            assertEquals(400, tooMany.status());
            assertEquals(List.of("body"), fields(tooMany));
            assertTrue(tooMany.getMessage().contains("more than 20000 rows"), tooMany.getMessage());
            assertTrue(tooMany.getMessage().contains("split the file"), tooMany.getMessage());
        }
    }

    @Test
    void anImportHasItsOwnTransactionTimeout() throws Exception {
        TransactionConfiguration config = MemberService.class.getMethod("importRows", List.class).getAnnotation(TransactionConfiguration.class);
        assertNotNull(config, "importRows needs a timeout longer than the default 60 s");
        assertEquals(600, config.timeout());
        assertNotNull(MemberService.class.getMethod("importRows", List.class).getAnnotation(jakarta.transaction.Transactional.class));
    }

    private static List<String> fields(ProblemException e) {
        return e.toProblem(null).errors().stream().map(Problem.FieldError::field).toList();
    }
}
