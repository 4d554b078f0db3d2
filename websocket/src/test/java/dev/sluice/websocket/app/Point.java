package dev.sluice.websocket.app;

import jakarta.websocket.DecodeException;
import jakarta.websocket.Decoder;
import jakarta.websocket.Encoder;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** A value sent as "x,y", with its encoder, decoder and an endpoint that doubles points. */
public record Point(int x, int y) {
    public static final class Codec implements Decoder.Text<Point>, Encoder.Text<Point> {
        @Override
        public Point decode(String s) throws DecodeException {
            if (!willDecode(s)) {
                throw new DecodeException(s, "not a point");
            }
            String[] xy = s.split(",");
            return new Point(Integer.parseInt(xy[0].trim()), Integer.parseInt(xy[1].trim()));
        }

        @Override
        public boolean willDecode(String s) {
            return s.matches("\\s*-?\\d+\\s*,\\s*-?\\d+\\s*");
        }

        @Override
        public void init(jakarta.websocket.EndpointConfig config) {
        }

        @Override
        public void destroy() {
        }

        @Override
        public String encode(Point p) {
            return "(" + p.x() + "|" + p.y() + ")";
        }
    }

    @ServerEndpoint(value = "/points", decoders = Codec.class, encoders = Codec.class)
    public static final class Doubler {
        @OnMessage
        public Point twice(Point p) {
            return new Point(2 * p.x(), 2 * p.y());
        }
    }
}
