package springstatic;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.DefaultServletHandlerConfigurer;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * {@code configureDefaultServletHandling}: what no controller answers is forwarded to the servlet container's
 * servlet named "default" ({@code DefaultServletHttpRequestHandler}, found by that name when the context starts).
 */
@Configuration
@EnableWebMvc
@ComponentScan("springstatic")
public class StaticWebConfig implements WebMvcConfigurer {
    @Override
    public void configureDefaultServletHandling(DefaultServletHandlerConfigurer configurer) {
        configurer.enable();
    }
}
