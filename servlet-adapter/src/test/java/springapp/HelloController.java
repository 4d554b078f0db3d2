package springapp;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
public class HelloController {
    @GetMapping("/hello")
    public String hello(@RequestParam(name = "name", defaultValue = "world") String name) {
        return "Hello, " + name;
    }

    @PostMapping("/echo")
    public String echo(@RequestBody String body) {
        return "echo:" + body;
    }

    /** Completed by another thread after the request thread has returned. */
    @GetMapping("/deferred")
    public DeferredResult<String> deferred() {
        DeferredResult<String> result = new DeferredResult<>(10_000L);
        Thread requestThread = Thread.currentThread();
        CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS)
                .execute(() -> result.setResult("deferred done on "
                        + (Thread.currentThread() == requestThread ? "the request thread" : "another thread")));
        return result;
    }

    /** Content negotiation: the Accept header picks the representation (406 when none fits). */
    @GetMapping(value = "/greeting", produces = {"text/plain", "text/html"})
    public String greeting() {
        return "<b>hi</b>";
    }

    /** 201 with a Location built from the request's scheme, host and port. */
    @PostMapping("/items")
    public ResponseEntity<String> create(@RequestBody String body) {
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(body.length()).toUri()).body("created " + body);
    }

    /** A container redirect with a relative location. */
    @GetMapping("/old")
    public void old(HttpServletResponse response) throws IOException {
        response.sendRedirect("hello?name=moved");
    }
}
