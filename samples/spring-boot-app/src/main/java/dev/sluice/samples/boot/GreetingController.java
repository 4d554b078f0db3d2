package dev.sluice.samples.boot;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A plain REST controller; a failing endpoint shows Boot's error page. */
@RestController
public class GreetingController {
    @GetMapping(value = "/hello", produces = MediaType.TEXT_PLAIN_VALUE)
    public String hello(@RequestParam(defaultValue = "world") String name) {
        return "Hello, " + name + ", from Sluice";
    }

    @GetMapping("/items/{id}")
    public Map<String, Object> item(@PathVariable int id) {
        return Map.of("id", id, "name", "item " + id);
    }

    @GetMapping("/boom")
    public String boom() {
        throw new IllegalStateException("boom on purpose");
    }
}
