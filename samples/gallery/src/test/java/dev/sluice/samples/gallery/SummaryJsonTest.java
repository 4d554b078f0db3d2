package dev.sluice.samples.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryJsonTest {

    @Test
    void rendersConnectionsAndTheSummaryRequestsOwnFigures() {
        ViewSummary view = new ViewSummary(
                List.of(new ConnectionUse(7, 20, 1, 20), new ConnectionUse(8, 27, 3, 29)), 48, 1);
        assertEquals("{\"serverFigures\":true,\"browserKnown\":true,\"requests\":48,\"unattributed\":1,"
                + "\"connections\":[{\"id\":7,\"requests\":20,\"firstRequestNumber\":1,\"lastRequestNumber\":20},"
                + "{\"id\":8,\"requests\":27,\"firstRequestNumber\":3,\"lastRequestNumber\":29}],"
                + "\"summaryRequest\":{\"connectionId\":7,\"requestNumber\":21}}\n",
                SummaryJson.render(true, view, new ServerFigures(7, 21)));
    }

    @Test
    void saysWhenTheServerGivesNoFigures() {
        assertEquals("{\"serverFigures\":false,\"browserKnown\":false,\"requests\":0,\"unattributed\":0,"
                + "\"connections\":[],\"summaryRequest\":null}\n",
                SummaryJson.render(false, ViewSummary.EMPTY, null));
    }
}
