package io.ledger.app.logging;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What each log line says about the work it was written for (docs/operations.md, "Logs"): the request id and the
 * caller, on the request's thread, on the processors' threads handling the events it caused and wherever its commands
 * are handled.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LogSettings.class)
class LoggingConfiguration {

    /** Right after Spring Security's filters, so the caller is known; before the idempotency filter and the calls. */
    static final int CALLER_FILTER_ORDER = SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1;

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<CallerLogContextFilter> callerLogContextFilter() {
        FilterRegistrationBean<CallerLogContextFilter> registration =
                new FilterRegistrationBean<>(new CallerLogContextFilter());
        registration.setOrder(CALLER_FILTER_ORDER);
        return registration;
    }

    @Bean
    ConfigurerModule eventLogContext() {
        MessageLogContext context = new MessageLogContext();
        return configurer -> configurer.eventProcessing().registerDefaultHandlerInterceptor((config, name) -> context);
    }

    /**
     * Commands too: on several nodes a command may run on another node than its request, on a connector's thread. On
     * the local bus, which is where every node handles its commands.
     */
    @Bean
    SmartInitializingSingleton commandLogContext(@Qualifier("localSegment") ObjectProvider<CommandBus> localSegment) {
        return () -> localSegment.ifAvailable(bus -> bus.registerHandlerInterceptor(new MessageLogContext()));
    }
}
