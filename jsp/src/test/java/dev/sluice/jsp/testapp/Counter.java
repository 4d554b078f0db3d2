package dev.sluice.jsp.testapp;

import java.io.Serializable;

/** A session bean for jsp:useBean: counts by its step. */
public class Counter implements Serializable {
    private static final long serialVersionUID = 1L;
    private int value;
    private int step = 1;

    public int next() {
        value += step;
        return value;
    }

    public int getValue() {
        return value;
    }

    public void setStep(int step) {
        this.step = step;
    }

    public int getStep() {
        return step;
    }
}
