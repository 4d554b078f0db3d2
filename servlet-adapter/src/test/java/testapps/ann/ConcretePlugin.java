package testapps.ann;

/** A Plugin two levels down, in WEB-INF/classes. */
public class ConcretePlugin extends AbstractPlugin {
}
