package dev.sluice.jsp.testapp;

import jakarta.servlet.jsp.tagext.SimpleTagSupport;
import java.io.IOException;

/** A custom tag of the test webapp (WEB-INF/classes): writes "Hello, NAME!". */
public class GreetTag extends SimpleTagSupport {
    private String name;

    public void setName(String name) {
        this.name = name;
    }

    @Override
    public void doTag() throws IOException {
        getJspContext().getOut().write("Hello, " + name + "!");
    }
}
