package io.ledger.app.security;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every route the running ledger answers, read from Spring MVC's handler mappings (the controllers' and the actuator's)
 * rather than listed by hand, so a route added tomorrow is probed by the tests that walk them ({@link CallerMatrixIT};
 * the ownership cells may walk them too).
 */
final class MappedRoutes {

    /** What a path variable is given: an id of no payment, account, projection or event. */
    static final String PROBE = "matrix_probe";

    private MappedRoutes() {}

    /**
     * One mapped route.
     *
     * @param method the method it answers (a mapping for every method is probed with GET)
     * @param pattern the mapping's path pattern
     */
    record Route(HttpMethod method, String pattern) {

        /** A concrete path the pattern matches. */
        String path() {
            return pattern.replaceAll("\\{\\*?[^}]+}", PROBE).replace("**", PROBE);
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    static List<Route> of(ApplicationContext context) {
        return context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values().stream()
                .flatMap(mapping -> mapping.getHandlerMethods().keySet().stream())
                .flatMap(MappedRoutes::routes)
                .distinct()
                .sorted(Comparator.comparing(Route::pattern)
                        .thenComparing(route -> route.method().name()))
                .toList();
    }

    private static Stream<Route> routes(RequestMappingInfo info) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        List<HttpMethod> probed = methods.isEmpty()
                ? List.of(HttpMethod.GET)
                : methods.stream().map(RequestMethod::asHttpMethod).toList();
        return info.getPatternValues().stream()
                .flatMap(pattern -> probed.stream().map(method -> new Route(method, pattern)));
    }
}
