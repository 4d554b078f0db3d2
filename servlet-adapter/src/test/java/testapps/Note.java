package testapps;

import java.io.Serializable;

/** A session attribute of a webapp's own class: a persistent store must read it back with the webapp's loader. */
public record Note(String text) implements Serializable {
}
