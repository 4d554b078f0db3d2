package springstatic;

import org.springframework.web.servlet.support.AbstractAnnotationConfigDispatcherServletInitializer;

/** The DispatcherServlet takes "/", so static files reach the container's servlet only by its name. */
public class StaticAppInitializer extends AbstractAnnotationConfigDispatcherServletInitializer {
    @Override
    protected Class<?>[] getRootConfigClasses() {
        return null;
    }

    @Override
    protected Class<?>[] getServletConfigClasses() {
        return new Class<?>[] {StaticWebConfig.class};
    }

    @Override
    protected String[] getServletMappings() {
        return new String[] {"/"};
    }
}
