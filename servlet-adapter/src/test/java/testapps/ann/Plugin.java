package testapps.ann;

/** A type an initializer asks for with @HandlesTypes. */
public interface Plugin {
}
