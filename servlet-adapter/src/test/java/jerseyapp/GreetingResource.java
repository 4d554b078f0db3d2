package jerseyapp;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

@Path("greetings")
public class GreetingResource {
    @GET
    @Path("{name}")
    @Produces(MediaType.TEXT_PLAIN)
    public String greet(@PathParam("name") String name) {
        return "Hello, " + name;
    }

    @POST
    @Produces(MediaType.TEXT_PLAIN)
    public String post(String body) {
        return "posted:" + body;
    }

    /** Resumed from another thread after the request thread has returned. */
    @GET
    @Path("async/{name}")
    @Produces(MediaType.TEXT_PLAIN)
    public void async(@PathParam("name") String name, @Suspended AsyncResponse response) {
        CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS)
                .execute(() -> response.resume("Later, " + name));
    }
}
