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

    /**
     * Times out (after 100 ms) and its onTimeout callback answers 504: the callback runs in the container's
     * AsyncListener.onTimeout, so the container must not answer first (issue 14).
     */
    @GetMapping("/deferred/timeout")
    public DeferredResult<ResponseEntity<String>> deferredTimeout() {
        DeferredResult<ResponseEntity<String>> result = new DeferredResult<>(100L);
        result.onTimeout(() -> result.setResult(ResponseEntity.status(504).body("gave up waiting")));
        return result;
    }

    /** Times out with no callback: Spring's default, AsyncRequestTimeoutException, answered 503. */
    @GetMapping("/deferred/never")
    public DeferredResult<String> deferredNever() {
        return new DeferredResult<>(100L);
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
