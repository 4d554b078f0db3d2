package testapps;

import probemodule.api.Probed;

/** A webapp class the probe module's initializer selects through {@code @HandlesTypes(Probed.class)}. */
@Probed
public class ProbedThing {
}
