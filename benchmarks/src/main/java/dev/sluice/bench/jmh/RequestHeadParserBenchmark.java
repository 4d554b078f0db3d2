package dev.sluice.bench.jmh;

import dev.sluice.connector.internal.RequestHeadParser;
import dev.sluice.core.Limits;
import dev.sluice.core.RequestHead;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The connector's request-head parser on one whole head per operation, as the selector loop calls it: one parser
 * per connection, reused head after head. {@code -prof gc} gives the bytes allocated per head
 * (gc.alloc.rate.norm): the target is nothing beyond the request's own objects (target string, header values,
 * Headers, RequestHead).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RequestHeadParserBenchmark {
    /** What wrk sends: request line and Host only (46 bytes). */
    static final String WRK = "GET /hello HTTP/1.1\r\nHost: 127.0.0.1:18183\r\n\r\n";

    /** A typical browser navigation: 8 fields, 413 bytes. */
    static final String BROWSER = "GET /shop/orders/12345?include=items&sort=desc HTTP/1.1\r\n"
            + "Host: shop.example.com\r\n"
            + "User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0\r\n"
            + "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\n"
            + "Accept-Language: en-US,en;q=0.5\r\n"
            + "Accept-Encoding: gzip, deflate, br\r\n"
            + "Connection: keep-alive\r\n"
            + "Cookie: session=7f3a9c2e4b1d8f6a0e5c3b2a1d4f6e8c\r\n"
            + "Upgrade-Insecure-Requests: 1\r\n"
            + "\r\n";

    @Param({"wrk", "browser"})
    public String head;

    private RequestHeadParser parser;
    private ByteBuffer in;

    @Setup
    public void setUp() {
        Limits limits = Limits.DEFAULTS;
        parser = new RequestHeadParser(limits.maxRequestLine(), limits.maxHeaderBytes(), limits.maxHeaderCount());
        in = ByteBuffer.wrap(("wrk".equals(head) ? WRK : BROWSER).getBytes(StandardCharsets.ISO_8859_1));
        if (parse() == null) {
            throw new IllegalStateException("head did not parse");
        }
    }

    @Benchmark
    public RequestHead parse() {
        in.rewind();
        return parser.parse(in);
    }
}
