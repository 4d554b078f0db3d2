package redistest;

import java.io.Serializable;

/** A session attribute of the webapp's own class: the store must read it back with the webapp's loader. */
public record Note(String text) implements Serializable {
}
