package dev.sluice.bench.jsp;

import jakarta.servlet.jsp.tagext.SimpleTagSupport;
import java.io.IOException;

/** The benchmark page's custom tag: {@code <b:square n="3"/>} writes 9. Copied into the page's WEB-INF/classes. */
public class SquareTag extends SimpleTagSupport {
    private int n;

    public void setN(int n) {
        this.n = n;
    }

    @Override
    public void doTag() throws IOException {
        getJspContext().getOut().write(Integer.toString(n * n));
    }
}
