package springapp;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

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
}
