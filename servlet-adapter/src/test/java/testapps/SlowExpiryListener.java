package testapps;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Holds the thread that destroys a session until the test lets it go. The webapp loads this class with its own
 * class loader, so the test and the listener meet through objects both can see: JDK types kept in the system
 * properties under {@link #KEY}: entered latch, release latch, finished flag.
 */
public class SlowExpiryListener implements HttpSessionListener {
    public static final String KEY = "testapps.SlowExpiryListener";

    @Override
    public void sessionDestroyed(HttpSessionEvent se) {
        Object[] shared = (Object[]) System.getProperties().get(KEY);
        ((CountDownLatch) shared[0]).countDown();
        try {
            ((CountDownLatch) shared[1]).await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ((AtomicBoolean) shared[2]).set(true);
    }
}
