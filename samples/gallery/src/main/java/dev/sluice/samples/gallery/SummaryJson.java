package dev.sluice.samples.gallery;

/** Writes the summary the page's script shows. Only numbers and booleans, so no string escaping is needed. */
final class SummaryJson {
    private SummaryJson() {
    }

    /**
     * @param browserKnown whether the summary request carried the gallery's cookie
     * @param self         the server's figures for the summary request itself, or null if it gave none
     */
    static String render(boolean browserKnown, ViewSummary view, ServerFigures self) {
        StringBuilder json = new StringBuilder(256);
        json.append("{\"serverFigures\":").append(self != null)
                .append(",\"browserKnown\":").append(browserKnown)
                .append(",\"requests\":").append(view.requests())
                .append(",\"unattributed\":").append(view.unattributed())
                .append(",\"connections\":[");
        for (int i = 0; i < view.connections().size(); i++) {
            ConnectionUse use = view.connections().get(i);
            json.append(i == 0 ? "" : ",")
                    .append("{\"id\":").append(use.connectionId())
                    .append(",\"requests\":").append(use.requests())
                    .append(",\"firstRequestNumber\":").append(use.firstRequestNumber())
                    .append(",\"lastRequestNumber\":").append(use.lastRequestNumber())
                    .append('}');
        }
        json.append("],\"summaryRequest\":");
        if (self == null) {
            json.append("null");
        } else {
            json.append("{\"connectionId\":").append(self.connectionId())
                    .append(",\"requestNumber\":").append(self.requestNumber()).append('}');
        }
        return json.append("}\n").toString();
    }
}
