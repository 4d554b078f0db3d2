package testapps.ann;

/** Neither a Plugin nor marked. */
public class Unrelated {
}
