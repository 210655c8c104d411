package io.ledger.app.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat answers the requests it refuses itself with the application's problems ({@link ProblemReportValve}) in place
 * of its own error report valve, which writes HTML.
 */
@Configuration(proxyBeanMethods = false)
class ContainerRefusalsConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatRefusalsAreProblems(JsonMapper json) {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                // The host adds no valve of its own when one of the named class is in its pipeline already.
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
                host.getPipeline().addValve(new ProblemReportValve(json));
            }
        });
    }
}
