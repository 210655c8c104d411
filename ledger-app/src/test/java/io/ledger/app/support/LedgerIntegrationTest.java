package io.ledger.app.support;

import io.ledger.app.LedgerApplication;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a random port against this run's fresh database ({@link TestDatabase}). Every test class
 * carrying it shares one application context, so keep per-class configuration out of test classes. The application
 * class is named rather than searched for, so test classes in other packages (a query-side package, to reach
 * package-private SQL) share the same context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            // pm_card_processing completes quickly, so the lifecycle test can watch it happen.
            "ledger.simulated.processing-delay=PT0.5S",
            "ledger.simulated.poll-interval=PT0.2S"
        })
@AutoConfigureRestTestClient
@Import({TestDatabaseContainer.class, LedgerTestHooks.class})
public @interface LedgerIntegrationTest {}
