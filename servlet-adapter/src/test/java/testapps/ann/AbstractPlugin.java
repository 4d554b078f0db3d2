package testapps.ann;

/** Implements Plugin; shipped in a jar, so the hierarchy crosses jars. */
public abstract class AbstractPlugin implements Plugin {
}
