package io.ledger.app;

import io.ledger.app.audit.AuditCommand;
import io.ledger.app.security.TokenCommand;
import io.ledger.command.CommandSideConfiguration;
import io.ledger.query.QuerySideConfiguration;
import io.ledger.webhook.WebhookIngestConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Assembles the ledger: each side brings its own configuration, which it can switch off. */
@SpringBootApplication
@EnableScheduling
@Import({CommandSideConfiguration.class, QuerySideConfiguration.class, WebhookIngestConfiguration.class})
public class LedgerApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("audit")) {
            AuditCommand.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("token")) {
            TokenCommand.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        // Axon phones home at start-up unless told not to; the ledger never does.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(LedgerApplication.class, args);
    }
}
