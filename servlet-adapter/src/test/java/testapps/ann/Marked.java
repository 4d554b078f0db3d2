package testapps.ann;

/** Carries the marker. */
@Marker
public class Marked {
}
