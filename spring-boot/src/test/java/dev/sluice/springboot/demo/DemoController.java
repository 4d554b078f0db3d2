package dev.sluice.springboot.demo;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Endpoints the tests call over real sockets. */
@RestController
public class DemoController {
    /** Counted down when /slow has started; /slow returns once {@link #RELEASE} is counted down. */
    public static volatile CountDownLatch slowEntered = new CountDownLatch(1);
    public static volatile CountDownLatch release = new CountDownLatch(1);

    @GetMapping(value = "/hello", produces = MediaType.TEXT_PLAIN_VALUE)
    public String hello() {
        return "Hello from Sluice";
    }

    @GetMapping("/items/{id}")
    public Map<String, Object> item(@PathVariable("id") int id) {
        return Map.of("id", id, "name", "item " + id);
    }

    @PostMapping(value = "/echo", produces = MediaType.TEXT_PLAIN_VALUE)
    public String echo(@RequestBody String body) {
        return "got " + body.length() + " bytes";
    }

    /** What the server made of the client: its address, the scheme and host it used. */
    @GetMapping(value = "/whoami", produces = MediaType.TEXT_PLAIN_VALUE)
    public String whoami(jakarta.servlet.http.HttpServletRequest request) {
        return request.getRemoteAddr() + " " + request.getScheme() + " " + request.getServerName() + " "
                + request.isSecure();
    }

    @GetMapping("/boom")
    public String boom() {
        throw new IllegalStateException("boom on purpose");
    }

    /** 4000 bytes of repetitive text: worth compressing. */
    @GetMapping(value = "/big", produces = MediaType.TEXT_PLAIN_VALUE)
    public String big() {
        return "0123456789".repeat(400);
    }

    @GetMapping(value = "/slow", produces = MediaType.TEXT_PLAIN_VALUE)
    public String slow() throws InterruptedException {
        slowEntered.countDown();
        if (!release.await(30, TimeUnit.SECONDS)) {
            return "never released";
        }
        return "slow done";
    }
}
