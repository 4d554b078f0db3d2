package jerseyapp;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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

    /** Times out after 100 ms; its timeout handler answers 504 (issue 14). */
    @GET
    @Path("timeout")
    @Produces(MediaType.TEXT_PLAIN)
    public void timeout(@Suspended AsyncResponse response) {
        response.setTimeoutHandler(r -> r.resume(Response.status(504).entity("gave up waiting").build()));
        response.setTimeout(100, TimeUnit.MILLISECONDS);
    }

    /** Times out with no handler: Jersey's default, 503. */
    @GET
    @Path("never")
    @Produces(MediaType.TEXT_PLAIN)
    public void never(@Suspended AsyncResponse response) {
        response.setTimeout(100, TimeUnit.MILLISECONDS);
    }

    /** Content negotiation: the Accept header picks the representation (406 when none fits). */
    @GET
    @Path("negotiate")
    @Produces({MediaType.TEXT_PLAIN, MediaType.TEXT_HTML})
    public String negotiate() {
        return "<b>hi</b>";
    }

    /** 201 with a Location resolved against the request URI. */
    @POST
    @Path("items")
    @Produces(MediaType.TEXT_PLAIN)
    public Response create(String body, @Context UriInfo uri) {
        return Response.created(uri.getAbsolutePathBuilder().path(Integer.toString(body.length())).build())
                .entity("created " + body).build();
    }
}
