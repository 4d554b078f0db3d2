package dev.sluice.samples.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HelloServletTest {
    @Test
    void answersMethodPathAndProtocolAsPlainText() throws Exception {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getMethod()).thenReturn("POST");
        when(request.getRequestURI()).thenReturn("/hello/there");
        when(request.getProtocol()).thenReturn("HTTP/1.0");
        HttpServletResponse response = mock(HttpServletResponse.class);
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        when(response.getOutputStream()).thenReturn(new ServletOutputStream() {
            @Override public void write(int b) { written.write(b); }
            @Override public boolean isReady() { return true; }
            @Override public void setWriteListener(WriteListener listener) { }
        });

        new HelloServlet().service(request, response);

        String body = "Hello from Sluice\nmethod: POST\npath: /hello/there\nprotocol: HTTP/1.0\n";
        assertEquals(body, written.toString(StandardCharsets.UTF_8));
        verify(response).setContentType("text/plain;charset=UTF-8");
        verify(response).setContentLength(body.length());
    }
}
