package dev.sluice.servlet.internal.multipart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The multipart parser as a table: each body is parsed whole, split in two at every offset, and one byte at a
 * time; every way must give the same parts (or the same error). A failure names the split.
 */
class MultipartParserTest {
    private static final int HEAD_BYTES = 200;
    private static final int HEAD_COUNT = 3;

    static Stream<Arguments> cases() {
        String cd = "Content-Disposition: form-data; name=";
        return Stream.of(
                Arguments.of("one field", "b", "--b\r\n" + cd + "\"a\"\r\n\r\nhello\r\n--b--\r\n",
                        "[" + cd + "\"a\"|hello]"),
                Arguments.of("field and file", "AaB03x", "--AaB03x\r\n" + cd + "\"t\"\r\n\r\nholiday\r\n--AaB03x\r\n"
                                + cd + "\"f\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nl1\r\nl2\r\n"
                                + "--AaB03x--",
                        "[" + cd + "\"t\"|holiday][" + cd + "\"f\"; filename=\"a.txt\";Content-Type: text/plain"
                                + "|l1\r\nl2]"),
                Arguments.of("preamble and epilogue are ignored", "b", "This is a preamble.\r\n--b\r\n" + cd
                                + "\"a\"\r\n\r\nx\r\n--b--\r\nepilogue\r\n--b\r\nmore",
                        "[" + cd + "\"a\"|x]"),
                Arguments.of("preamble without the CRLF before the boundary is part of it", "b",
                        "junk--b\r\n--b\r\n" + cd + "\"a\"\r\n\r\nx\r\n--b--", "[" + cd + "\"a\"|x]"),
                Arguments.of("near-boundaries inside content stay content", "bound",
                        "--bound\r\n" + cd + "\"a\"\r\n\r\n\r\n--boun\r\n-\r\n--\r\r\nx--bound\n--bound\r\n--bound--",
                        "[" + cd + "\"a\"|\r\n--boun\r\n-\r\n--\r\r\nx--bound\n--bound]"),
                Arguments.of("empty part", "b", "--b\r\n" + cd + "\"e\"\r\n\r\n\r\n--b--", "[" + cd + "\"e\"|]"),
                Arguments.of("content of only CRLF", "b", "--b\r\n" + cd + "\"e\"\r\n\r\n\r\n\r\n--b--",
                        "[" + cd + "\"e\"|\r\n]"),
                Arguments.of("content ending in CR", "b", "--b\r\n" + cd + "\"e\"\r\n\r\nabc\r\r\n--b--",
                        "[" + cd + "\"e\"|abc\r]"),
                Arguments.of("part without headers", "b", "--b\r\n\r\ndata\r\n--b--", "[|data]"),
                Arguments.of("transport padding after boundaries", "b", "--b \t\r\n" + cd
                        + "\"a\"\r\n\r\nx\r\n--b\t\r\n" + cd + "\"c\"\r\n\r\ny\r\n--b--  \r\n",
                        "[" + cd + "\"a\"|x][" + cd + "\"c\"|y]"),
                Arguments.of("no parts at all", "b", "--b--\r\n", ""),
                Arguments.of("folded header is unfolded", "b", "--b\r\nContent-Disposition: form-data;\r\n"
                        + "\t name=\"a\"\r\n\r\nx\r\n--b--", "[" + cd + "\"a\"|x]"),
                Arguments.of("header names keep their case, values are trimmed", "b",
                        "--b\r\ncontent-disposition:form-data; name=a   \r\nX-Extra:  1 \r\n\r\nx\r\n--b--",
                        "[content-disposition: form-data; name=a;X-Extra: 1|x]"),
                Arguments.of("raw UTF-8 file name", "b", "--b\r\n" + cd + "\"f\"; filename=\"\u00e9t\u00e9 \u20ac.txt\""
                        + "\r\n\r\nx\r\n--b--", "[" + cd + "\"f\"; filename=\"\u00e9t\u00e9 \u20ac.txt\"|x]"),
                Arguments.of("boundary with RFC 2046 bchars", "--'()+_,-./:=? z",
                        "----'()+_,-./:=? z\r\n" + cd + "\"a\"\r\n\r\nx\r\n----'()+_,-./:=? z--",
                        "[" + cd + "\"a\"|x]"),
                Arguments.of("binary content", "b", "--b\r\n" + cd + "\"a\"\r\n\r\n\u0000\u00ff\r\u0001\r\n--b--",
                        "[" + cd + "\"a\"|\u0000\u00ff\r\u0001]"),
                // errors: the body is refused with a one-line reason
                Arguments.of("missing final boundary", "b", "--b\r\n" + cd + "\"a\"\r\n\r\nhello",
                        "ERROR Multipart body ended before its closing boundary"),
                Arguments.of("missing final boundary after a complete part", "b", "--b\r\n" + cd
                        + "\"a\"\r\n\r\nhello\r\n--b\r\n", "ERROR Multipart body ended before its closing boundary"),
                Arguments.of("a boundary without CRLF is content, so no end", "b", "--b\r\n" + cd
                        + "\"a\"\r\n\r\n--b--", "ERROR Multipart body ended before its closing boundary"),
                Arguments.of("empty body", "b", "", "ERROR Multipart body ended before its closing boundary"),
                Arguments.of("only a preamble", "b", "hello world", "ERROR Multipart body ended before its closing"
                        + " boundary"),
                Arguments.of("end inside the head", "b", "--b\r\n" + cd + "\"a\"",
                        "ERROR Multipart body ended before its closing boundary"),
                Arguments.of("bytes after a boundary", "b", "--bX\r\n\r\nx\r\n--b--",
                        "ERROR Unexpected bytes after a multipart boundary"),
                Arguments.of("longer boundary-like line in content", "b", "--b\r\n" + cd
                        + "\"a\"\r\n\r\nx\r\n--bb\r\n--b--", "ERROR Unexpected bytes after a multipart boundary"),
                Arguments.of("single dash after a boundary", "b", "--b\r\n" + cd + "\"a\"\r\n\r\nx\r\n--b-x",
                        "ERROR Unexpected bytes after a multipart boundary"),
                Arguments.of("CR not followed by LF after a boundary", "b", "--b\rx",
                        "ERROR Unexpected bytes after a multipart boundary"),
                Arguments.of("bare LF in the head", "b", "--b\r\n" + cd + "\"a\"\nX: 1\r\n\r\nx\r\n--b--",
                        "ERROR Multipart part header line not ended by CRLF"),
                Arguments.of("header line without a colon", "b", "--b\r\nnonsense\r\n\r\nx\r\n--b--",
                        "ERROR Malformed multipart part header line"),
                Arguments.of("header name with a space", "b", "--b\r\nContent Type: x\r\n\r\nx\r\n--b--",
                        "ERROR Malformed multipart part header line"),
                Arguments.of("continuation without a header", "b", "--b\r\n folded\r\n\r\nx\r\n--b--",
                        "ERROR Multipart part header continuation without a header"),
                Arguments.of("bare CR in a header value", "b", "--b\r\nX: a\rb\r\n\r\nx\r\n--b--",
                        "ERROR Control character in a multipart part header"),
                Arguments.of("too many headers in a part", "b", "--b\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\nx\r\n--b--",
                        "ERROR More than 3 headers in a multipart part"),
                Arguments.of("head larger than the limit", "b", "--b\r\nX: " + "y".repeat(HEAD_BYTES) + "\r\n\r\nx"
                        + "\r\n--b--", "ERROR Multipart part headers larger than 200 bytes"),
                Arguments.of("head larger than the limit through folding", "b", "--b\r\nX: 1\r\n" + " y\r\n".repeat(60)
                        + "\r\nx\r\n--b--", "ERROR Multipart part headers larger than 200 bytes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parsesTheSameAtEverySplit(String name, String boundary, String body, String expected) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        assertEquals(expected, parse(boundary, bytes, List.of()), "whole body");
        for (int split = 0; split <= bytes.length; split++) {
            assertEquals(expected, parse(boundary, bytes, List.of(split)), "split at offset " + split);
        }
        List<Integer> everyByte = new ArrayList<>();
        for (int i = 1; i < bytes.length; i++) {
            everyByte.add(i);
        }
        assertEquals(expected, parse(boundary, bytes, everyByte), "one byte at a time");
    }

    /** Feeds {@code body} cut at the given offsets and returns the parts as text, or "ERROR reason". */
    static String parse(String boundary, byte[] body, List<Integer> cuts) {
        Recorder recorder = new Recorder();
        MultipartParser parser = new MultipartParser(boundary, HEAD_BYTES, HEAD_COUNT, recorder);
        try {
            int from = 0;
            for (int cut : cuts) {
                parser.feed(body, from, cut - from);
                from = cut;
            }
            parser.feed(body, from, body.length - from);
            parser.endOfInput();
            assertTrue(parser.isComplete());
            return recorder.out.toString();
        } catch (MalformedMultipartException e) {
            return "ERROR " + e.getMessage();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Writes [headers|content] per part, checking the call order of the handler contract. */
    static final class Recorder implements MultipartParser.Handler {
        final StringBuilder out = new StringBuilder();
        ByteArrayOutputStream content;

        @Override
        public void partStarted(PartHeaders headers) {
            assertEquals(null, content, "partStarted before partEnded");
            out.append('[').append(headers.toString().replace(": ", ": ").strip().replace('\n', ';')).append('|');
            content = new ByteArrayOutputStream();
        }

        @Override
        public void partContent(byte[] b, int off, int len) {
            assertTrue(len > 0, "empty content call");
            content.write(b, off, len);
        }

        @Override
        public void partEnded() {
            out.append(content.toString(StandardCharsets.UTF_8)).append(']');
            content = null;
        }
    }

    @Test
    void randomContentWithBoundaryFragmentsSurvivesRandomSplits() throws IOException {
        Random random = new Random(42);
        String boundary = "----sluiceBoundary7MA4YWxk";
        byte[][] fragments = {"\r\n".getBytes(), "\r\n--".getBytes(), ("\r\n--" + boundary.substring(0, 10)).getBytes(),
                ("--" + boundary).getBytes(), "\r".getBytes(), "-".getBytes()};
        for (int round = 0; round < 200; round++) {
            List<byte[]> contents = new ArrayList<>();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int parts = 1 + random.nextInt(4);
            for (int p = 0; p < parts; p++) {
                ByteArrayOutputStream c = new ByteArrayOutputStream();
                for (int k = random.nextInt(12); k > 0; k--) {
                    if (random.nextBoolean()) {
                        c.writeBytes(fragments[random.nextInt(fragments.length)]);
                    } else {
                        byte[] noise = new byte[random.nextInt(50)];
                        random.nextBytes(noise);
                        c.writeBytes(noise);
                    }
                }
                String framed = "\r\n" + c.toString(StandardCharsets.ISO_8859_1);
                if (framed.contains("\r\n--" + boundary)) {
                    p--; // RFC 2046 5.1.1: a sender picks a boundary absent from the content
                    continue;
                }
                contents.add(c.toByteArray());
                body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"p" + p
                        + "\"\r\n\r\n").getBytes());
                body.writeBytes(c.toByteArray());
                body.writeBytes("\r\n".getBytes());
            }
            body.writeBytes(("--" + boundary + "--\r\n").getBytes());
            byte[] all = body.toByteArray();
            List<byte[]> got = new ArrayList<>();
            MultipartParser parser = new MultipartParser(boundary, 1024, 10, new MultipartParser.Handler() {
                ByteArrayOutputStream current;

                @Override
                public void partStarted(PartHeaders headers) {
                    current = new ByteArrayOutputStream();
                }

                @Override
                public void partContent(byte[] b, int off, int len) {
                    current.write(b, off, len);
                }

                @Override
                public void partEnded() {
                    got.add(current.toByteArray());
                }
            });
            for (int pos = 0; pos < all.length; ) {
                int n = Math.min(all.length - pos, 1 + random.nextInt(64));
                parser.feed(all, pos, n);
                pos += n;
            }
            parser.endOfInput();
            assertEquals(contents.size(), got.size(), "round " + round);
            for (int i = 0; i < got.size(); i++) {
                assertArrayEquals(contents.get(i), got.get(i), "round " + round + " part " + i);
            }
        }
    }

    /** 50 MiB through the parser in 8 KiB reads: it never holds more than a read plus a partial delimiter. */
    @Test
    void bufferStaysBoundedWhateverTheBodySize() throws IOException {
        String boundary = "XyZ";
        long[] received = {0};
        MultipartParser parser = new MultipartParser(boundary, 16 * 1024, 32, new MultipartParser.Handler() {
            @Override
            public void partStarted(PartHeaders headers) {
            }

            @Override
            public void partContent(byte[] b, int off, int len) {
                received[0] += len;
            }

            @Override
            public void partEnded() {
            }
        });
        byte[] head = ("--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"big.bin\"\r\n\r\n").getBytes();
        parser.feed(head, 0, head.length);
        byte[] chunk = new byte[8192];
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = (byte) (i % 7 == 0 ? '\r' : i % 5 == 0 ? '\n' : '-'); // near-delimiter bytes everywhere
        }
        long total = 50L * 1024 * 1024;
        for (long sent = 0; sent < total; sent += chunk.length) {
            parser.feed(chunk, 0, chunk.length);
        }
        byte[] tail = "\r\n--XyZ--\r\n".getBytes();
        parser.feed(tail, 0, tail.length);
        parser.endOfInput();
        assertEquals(total, received[0]);
        assertTrue(parser.maxBuffered() < 8192 + 16, "held " + parser.maxBuffered() + " bytes");
        assertTrue(parser.bufferCapacity() <= 2 * 8192 + 64, "buffer of " + parser.bufferCapacity() + " bytes");
    }

    @Test
    void handlerFailureStopsTheParse() {
        MultipartParser parser = new MultipartParser("b", 100, 3, new MultipartParser.Handler() {
            @Override
            public void partStarted(PartHeaders headers) {
            }

            @Override
            public void partContent(byte[] b, int off, int len) {
                throw new MultipartLimitException(413, "too big");
            }

            @Override
            public void partEnded() {
                fail("no end after a failure");
            }
        });
        byte[] body = "--b\r\nA: 1\r\n\r\nxyz\r\n--b--".getBytes();
        MultipartLimitException e = org.junit.jupiter.api.Assertions.assertThrows(MultipartLimitException.class,
                () -> parser.feed(body, 0, body.length));
        assertEquals(413, e.status());
    }
}
