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
 * The whole application (the simulated provider) on a database of its own, with its own schedules of the background
 * workers slowed to once an hour (each runs once at start), so that a test can run several instances of a worker
 * side by side, as several nodes would, and count what each did without the application's own instance joining in.
 * Every test class carrying it shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            TestDatabaseEnvironmentPostProcessor.OWN_DATABASE + "=workers",
            "ledger.simulated.poll-interval=PT1H",
            "ledger.checkout.poll-interval=PT1H",
            "ledger.audit.chain-writer.interval=PT1H",
            "ledger.idempotency.purge-interval=PT1H"
        })
@AutoConfigureRestTestClient
@Import({TestDatabaseContainer.class, LedgerTestHooks.class})
public @interface WorkersIntegrationTest {}
