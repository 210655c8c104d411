package io.ledger.query.receipt;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Receipts and the emails about payments: their settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ReceiptSettings.class, MailSettings.class})
class ReceiptConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
