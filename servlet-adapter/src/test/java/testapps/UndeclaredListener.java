package testapps;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A listener added by an initializer, not declared: reports which ServletContext methods it may call
 * ("UOE" where the container refused with UnsupportedOperationException).
 */
public class UndeclaredListener implements ServletContextListener {
    private interface Call {
        void run(ServletContext c) throws Exception;
    }

    @Override
    public void contextInitialized(ServletContextEvent sce) {
        Map<String, Call> calls = new LinkedHashMap<>();
        calls.put("addServlet", c -> c.addServlet("x", EchoServlet.class));
        calls.put("addJspFile", c -> c.addJspFile("j", "/j.jsp"));
        calls.put("createServlet", c -> c.createServlet(EchoServlet.class));
        calls.put("getServletRegistration", c -> c.getServletRegistration("echo"));
        calls.put("getServletRegistrations", ServletContext::getServletRegistrations);
        calls.put("addFilter", c -> c.addFilter("f", LogFilter.class));
        calls.put("getFilterRegistrations", ServletContext::getFilterRegistrations);
        calls.put("addListener", c -> c.addListener(SecondListener.class));
        calls.put("getSessionCookieConfig", ServletContext::getSessionCookieConfig);
        calls.put("setSessionTrackingModes", c -> c.setSessionTrackingModes(Set.of()));
        calls.put("setInitParameter", c -> c.setInitParameter("k", "v"));
        calls.put("declareRoles", c -> c.declareRoles("r"));
        calls.put("setSessionTimeout", c -> c.setSessionTimeout(5));
        calls.put("setRequestCharacterEncoding", c -> c.setRequestCharacterEncoding("UTF-8"));
        calls.put("setAttribute", c -> c.setAttribute("a", "b"));
        calls.put("getServletContextName", ServletContext::getServletContextName);
        StringBuilder sb = new StringBuilder("undeclared:");
        for (Map.Entry<String, Call> e : calls.entrySet()) {
            String outcome;
            try {
                e.getValue().run(sce.getServletContext());
                outcome = "ok";
            } catch (UnsupportedOperationException ex) {
                outcome = "UOE";
            } catch (Exception ex) {
                outcome = ex.getClass().getSimpleName();
            }
            sb.append(' ').append(e.getKey()).append('=').append(outcome);
        }
        Events.log(sce.getServletContext(), sb.toString());
    }
}
