package dev.sluice.samples.jsp;

import jakarta.servlet.jsp.JspException;
import jakarta.servlet.jsp.tagext.SimpleTagSupport;
import java.io.IOException;

/**
 * {@code <s:bar value="3" max="10"/>}: a custom tag drawing a horizontal bar as wide as value/max, with the value
 * as its text. Numbers only, so nothing a visitor types reaches the HTML unescaped.
 */
public class BarTag extends SimpleTagSupport {
    private int value;
    private int max = 10;

    public void setValue(int value) {
        this.value = value;
    }

    public void setMax(int max) {
        this.max = max;
    }

    @Override
    public void doTag() throws JspException, IOException {
        if (max <= 0) {
            throw new JspException("max must be positive, was " + max);
        }
        int percent = Math.max(0, Math.min(100, value * 100 / max));
        getJspContext().getOut().write("<span class=\"bar\" style=\"display:inline-block;background:var(--accent);"
                + "height:0.8em;width:" + percent + "%\"></span> " + value);
    }
}
