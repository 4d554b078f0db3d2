package testapps;

/** A second listener, to show ordering. */
public class SecondListener extends LifecycleListener {
    @Override
    protected String tag() {
        return "L2";
    }
}
