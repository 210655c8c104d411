package io.ledger.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import org.jgroups.JChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

class ClusterSettingsTest {

    private static final Validator VALIDATOR =
            Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void neitherAddressIsOneNode() {
        ClusterSettings settings = settings("", List.of());

        assertThat(settings.clustered()).isFalse();
        assertThat(problems(settings)).isEmpty();
    }

    @Test
    void bothAddressesMakeANodeOfSeveral() {
        ClusterSettings settings = settings("10.0.0.5:7800", List.of(" 10.0.0.5:7800", "ledger-2:7800 ", "[::1]:7801"));

        assertThat(settings.clustered()).isTrue();
        assertThat(problems(settings)).isEmpty();
        assertThat(settings.memberAddresses())
                .containsExactly(
                        new HostAndPort("10.0.0.5", 7800),
                        new HostAndPort("ledger-2", 7800),
                        new HostAndPort("::1", 7801));
    }

    @Test
    void aNodeAloneInItsListIsAClusterOfOne() {
        assertThat(problems(settings("ledger-1:7800", List.of("ledger-1:7800"))))
                .isEmpty();
    }

    @Test
    void hostNamesCompareWithoutCase() {
        assertThat(problems(settings("Ledger-1:7800", List.of("ledger-1:7800", "ledger-2:7800"))))
                .isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "ledger-1:7800 |                            | must be set together",
                "              | ledger-1:7800              | must be set together",
                "ledger-1      | ledger-1:7800              | LEDGER_CLUSTER_BIND) must be this node's host:port",
                "ledger-1:0    | ledger-1:7800              | LEDGER_CLUSTER_BIND) must be this node's host:port",
                "ledger-1:7800 | ledger-1:7800;ledger-2     | LEDGER_CLUSTER_MEMBERS) must be every node's host:port",
                "ledger-1:7800 | ledger-1:7800;ledger-2:99999 | LEDGER_CLUSTER_MEMBERS) must be every node's host:port",
                "ledger-1:7800 | ledger-1:7800;LEDGER-1:7800 | each named once",
                "ledger-3:7800 | ledger-1:7800;ledger-2:7800 | must be one of ledger.cluster.members"
            })
    void aBadAddressIsRefusedSayingWhy(String bind, String members, String problem) {
        List<String> list = members == null ? List.of() : List.of(members.split(";"));

        assertThat(problems(settings(bind == null ? "" : bind, list)))
                .anySatisfy(p -> assertThat(p).contains(problem));
    }

    @Test
    void withoutEitherAddressNothingOfTheClusterExists() {
        new ApplicationContextRunner()
                .withUserConfiguration(OnlyWhenClustered.class)
                .run(context -> assertThat(context).doesNotHaveBean("clustered"));
        new ApplicationContextRunner()
                .withUserConfiguration(OnlyWhenClustered.class)
                .withPropertyValues("ledger.cluster.members=")
                .run(context -> assertThat(context).doesNotHaveBean("clustered"));
    }

    @Test
    void eitherAddressAloneMakesTheClusterWhoseSettingsThenRefuseIt() {
        new ApplicationContextRunner()
                .withUserConfiguration(OnlyWhenClustered.class)
                .withPropertyValues("ledger.cluster.bind=ledger-1:7800")
                .run(context -> assertThat(context).hasBean("clustered"));
        new ApplicationContextRunner()
                .withUserConfiguration(OnlyWhenClustered.class)
                .withPropertyValues("ledger.cluster.members=ledger-1:7800,ledger-2:7800")
                .run(context -> assertThat(context).hasBean("clustered"));
    }

    @Test
    void theChannelListensOnTheBindAddressOnly() throws Exception {
        try (JChannel channel = ClusterChannel.open(settings("127.0.0.1:7899", List.of("127.0.0.1:7899")))) {
            assertThat(channel.getName()).isEqualTo("127.0.0.1:7899");
            assertThat(channel.isConnected()).isFalse();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OnlyWhenClustered {

        @Bean
        @Conditional(ClusterConfigured.class)
        String clustered() {
            return "clustered";
        }
    }

    private static ClusterSettings settings(String bind, List<String> members) {
        return new ClusterSettings(bind, members, "ledger", 0);
    }

    private static List<String> problems(ClusterSettings settings) {
        return VALIDATOR.validate(settings).stream()
                .map(ConstraintViolation::getMessage)
                .toList();
    }
}
