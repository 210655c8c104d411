package io.ledger.query.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.api.payment.ListPaymentsQuery;
import io.ledger.api.payment.PaymentFilter;
import io.ledger.api.payment.PaymentSort;
import io.ledger.api.payment.PaymentStatus;
import io.ledger.app.support.LedgerIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The payment list's SQL, exactly as {@link PaymentQueries} builds it, planned by PostgreSQL over enough rows that a
 * full scan would cost: each common shape of the list must read its page from the index made for it, in the index's
 * order, and never scan payment_view whole.
 *
 * <p>The rows are synthetic (payment_view only, no events), of customers and ids no other test uses, created in 2001
 * so that they sort after every real payment; they are deleted again after the class. In the package of the query
 * side to reach its package-private SQL builder.
 */
@LedgerIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentListQueryPlanIT {

    private static final int ROWS = 20_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final PaymentFilter EVERYTHING =
            new PaymentFilter(Set.of(), null, null, null, null, null, null, null, null, null, null);

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    void manyPayments() {
        // One in 20 failed, one in 100 waiting for the customer, the rest mostly captured: the shape of real traffic.
        jdbc.sql("""
                        INSERT INTO payment_view (payment_id, status, amount, currency, customer_id, order_id,
                            description, provider, provider_payment_id, created_at, updated_at, version)
                        SELECT 'pay_plan_' || lpad(i::text, 6, '0'),
                               CASE WHEN i % 100 = 0 THEN 'requires_action' WHEN i % 20 = 1 THEN 'failed'
                                    WHEN i % 50 = 2 THEN 'canceled' WHEN i % 25 = 3 THEN 'refunded'
                                    ELSE 'succeeded' END,
                               100 + (i * 7919) % 100000,
                               CASE WHEN i % 3 = 0 THEN 'eur' ELSE 'usd' END,
                               'cus_plan_' || (i % 500),
                               'ord_plan_' || i,
                               'synthetic payment ' || i,
                               'simulated',
                               'sim_pay_plan_' || i,
                               timestamptz '2001-01-01 00:00:00Z' + i * interval '1 minute',
                               timestamptz '2001-01-01 00:00:00Z' + i * interval '1 minute',
                               1
                          FROM generate_series(1, :rows) AS i
                        """).param("rows", ROWS).update();
        jdbc.sql("ANALYZE payment_view").update();
    }

    @AfterAll
    void deleteThem() {
        jdbc.sql("DELETE FROM payment_view WHERE payment_id LIKE 'pay\\_plan\\_%'")
                .update();
        jdbc.sql("ANALYZE payment_view").update();
    }

    @Test
    void newestFirstReadsTheCreatedIndexBackwards() {
        Plan plan = plan(query(EVERYTHING, PaymentSort.CREATED_AT, false, null));

        plan.assertReadsIndex("payment_view_created");
        plan.assertNeedsNoSort();
    }

    /** Archived payments are few: leaving them out (the default) or in reads the same index in the same order. */
    @Test
    void archivedPaymentsInOrOutTheListReadsTheSameIndexes() {
        for (boolean archived : new boolean[] {true, false}) {
            Plan byCreation = plan(query(EVERYTHING.withArchived(archived), PaymentSort.CREATED_AT, false, null));
            byCreation.assertReadsIndex("payment_view_created");
            byCreation.assertNeedsNoSort();

            Plan byCustomer = plan(
                    query(filter(Set.of(), "cus_plan_42").withArchived(archived), PaymentSort.CREATED_AT, false, null));
            byCustomer.assertReadsIndex("payment_view_customer");
            byCustomer.assertNeedsNoSort();
        }
    }

    @Test
    void byAmountReadsTheAmountIndexEitherWay() {
        for (boolean ascending : new boolean[] {true, false}) {
            Plan plan = plan(query(EVERYTHING, PaymentSort.AMOUNT, ascending, null));

            plan.assertReadsIndex("payment_view_amount");
            plan.assertNeedsNoSort();
        }
    }

    @Test
    void aCustomersPaymentsComeFromTheCustomerIndex() {
        Plan plan = plan(query(filter(Set.of(), "cus_plan_42"), PaymentSort.CREATED_AT, false, null));

        plan.assertReadsIndex("payment_view_customer");
        plan.assertNeedsNoSort();
    }

    @Test
    void aConfinedCallersPagesComeFromTheCustomerIndexToo() {
        Plan first = plan(query(EVERYTHING.confinedTo("cus_plan_42"), PaymentSort.CREATED_AT, false, null));
        first.assertReadsIndex("payment_view_customer");
        first.assertNeedsNoSort();

        String next = new PageCursor(PaymentSort.CREATED_AT, false, "2001-01-07T22:40:00Z", "pay_plan_010000").encode();
        Plan following = plan(query(EVERYTHING.confinedTo("cus_plan_0"), PaymentSort.CREATED_AT, false, next));
        following.assertReadsIndex("payment_view_customer");
        following.assertSeeksTo("payment_view_customer");
    }

    @Test
    void aStatusComesFromTheStatusIndex() {
        Plan plan = plan(query(filter(Set.of(PaymentStatus.FAILED), null), PaymentSort.CREATED_AT, false, null));

        plan.assertReadsIndex("payment_view_status");
        plan.assertNeedsNoSort();
    }

    @Test
    void aNextPageStartsInsideTheIndexAtTheCursor() {
        String newestFirst =
                new PageCursor(PaymentSort.CREATED_AT, false, "2001-01-07T22:40:00Z", "pay_plan_010000").encode();
        Plan byCreation = plan(query(EVERYTHING, PaymentSort.CREATED_AT, false, newestFirst));
        byCreation.assertReadsIndex("payment_view_created");
        byCreation.assertSeeksTo("payment_view_created");
        byCreation.assertNeedsNoSort();

        String cheapestFirst = new PageCursor(PaymentSort.AMOUNT, true, "50000", "pay_plan_010000").encode();
        Plan byAmount = plan(query(EVERYTHING, PaymentSort.AMOUNT, true, cheapestFirst));
        byAmount.assertReadsIndex("payment_view_amount");
        byAmount.assertSeeksTo("payment_view_amount");
        byAmount.assertNeedsNoSort();

        String customersNext =
                new PageCursor(PaymentSort.CREATED_AT, false, "2001-01-07T22:40:00Z", "pay_plan_010000").encode();
        Plan byCustomer = plan(query(filter(Set.of(), "cus_plan_0"), PaymentSort.CREATED_AT, false, customersNext));
        byCustomer.assertReadsIndex("payment_view_customer");
        byCustomer.assertSeeksTo("payment_view_customer");
    }

    // --- planning -------------------------------------------------------------------------------------------------

    private static ListPaymentsQuery query(PaymentFilter filter, PaymentSort sort, boolean ascending, String cursor) {
        return new ListPaymentsQuery(filter, sort, ascending, PaymentListParameters.DEFAULT_LIMIT, cursor);
    }

    private static PaymentFilter filter(Set<PaymentStatus> statuses, String customerId) {
        return new PaymentFilter(statuses, customerId, null, null, null, null, null, null, null, null, null);
    }

    /** EXPLAIN of the list's own SQL with its own parameters. */
    private Plan plan(ListPaymentsQuery query) {
        PaymentQueries.PageSql page = PaymentQueries.pageSql(query);
        JdbcClient.StatementSpec explain = jdbc.sql("EXPLAIN (FORMAT JSON) " + page.sql());
        page.params().forEach(explain::param);
        JsonNode root = JSON.readTree(explain.query(String.class).single());
        List<JsonNode> nodes = new ArrayList<>();
        collect(root.get(0).get("Plan"), nodes);
        return new Plan(page.sql(), root.toPrettyString(), nodes);
    }

    private static void collect(JsonNode node, List<JsonNode> nodes) {
        nodes.add(node);
        if (node.has("Plans")) {
            node.get("Plans").forEach(child -> collect(child, nodes));
        }
    }

    /** A query plan, flattened into its nodes. */
    private record Plan(String sql, String json, List<JsonNode> nodes) {

        private static final Set<String> INDEX_READS = Set.of("Index Scan", "Index Only Scan", "Bitmap Index Scan");

        void assertReadsIndex(String index) {
            assertThat(nodes)
                    .as("plan of %s%n%s", sql, json)
                    .noneMatch(node -> "Seq Scan".equals(text(node, "Node Type")))
                    .anyMatch(node ->
                            INDEX_READS.contains(text(node, "Node Type")) && index.equals(text(node, "Index Name")));
        }

        /** The index read starts at the cursor's position: a row comparison in its index condition. */
        void assertSeeksTo(String index) {
            assertThat(nodes)
                    .as("plan of %s%n%s", sql, json)
                    .anyMatch(node -> index.equals(text(node, "Index Name"))
                            && text(node, "Index Cond").contains("ROW(")
                            && text(node, "Index Cond").contains("payment_id"));
        }

        /** The page comes out of the index in order, not sorted afterwards. */
        void assertNeedsNoSort() {
            assertThat(nodes)
                    .as("plan of %s%n%s", sql, json)
                    .noneMatch(node -> text(node, "Node Type").contains("Sort"));
        }

        private static String text(JsonNode node, String field) {
            return node.has(field) ? node.get(field).asString() : "";
        }
    }
}
