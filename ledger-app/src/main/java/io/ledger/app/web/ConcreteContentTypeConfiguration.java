package io.ledger.app.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A request's {@code Content-Type} names one media type or none: a wildcard ({@code *}{@code /*}, {@code application/*})
 * is refused as a body no call takes (415 {@code validation_failed}) before any handler reads it. Spring MVC's body
 * reading would throw an {@code IllegalArgumentException} on it, a 500 (found by {@code HttpFuzzIT}).
 */
@Configuration(proxyBeanMethods = false)
class ConcreteContentTypeConfiguration {

    @Bean
    WebMvcConfigurer concreteContentTypes() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new ConcreteContentType());
            }
        };
    }

    static final class ConcreteContentType implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                throws HttpMediaTypeNotSupportedException {
            String header = request.getContentType();
            if (header == null || header.isBlank()) {
                return true;
            }
            MediaType type;
            try {
                type = MediaType.parseMediaType(header);
            } catch (InvalidMediaTypeException e) {
                return true; // Spring MVC refuses it itself, as 415, where a body is read
            }
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                throw new HttpMediaTypeNotSupportedException(
                        "Content-Type " + header + " names no one media type.", List.of(MediaType.APPLICATION_JSON));
            }
            return true;
        }
    }
}
