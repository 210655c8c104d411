package io.ledger.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ledger.app.support.HeadlessChromium;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * A measurement, not a test of a limit: how long the dashboard's first view takes in headless Chromium against a
 * running ledger, from the navigation's start until the overview's figures are on the page (the page's
 * {@code dashboard-figures} mark), and until each other view has its content. Runs only when told where the ledger is
 * ({@code bench/dashboard-first-view.sh} fills one with 100,000 payments and runs it):
 * {@code -Ddashboard.url=http://127.0.0.1:18090 -Ddashboard.token=<jwt>}.
 */
class DashboardFirstViewIT {

    private static final String URL = System.getProperty("dashboard.url", "");
    private static final String TOKEN = System.getProperty("dashboard.token", "");
    private static final int ROUNDS = Integer.getInteger("dashboard.rounds", 5);

    @Test
    void theFirstViewsTimes() throws IOException {
        assumeTrue(!URL.isEmpty() && !TOKEN.isEmpty(), "a measurement: give -Ddashboard.url and -Ddashboard.token");
        for (int round = 1; round <= ROUNDS; round++) {
            try (HeadlessChromium chromium = HeadlessChromium.start("--window-size=1280,800")) {
                WebDriver browser = chromium.driver();
                browser.get(URL + "/dashboard#token=" + TOKEN);
                await().atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(20))
                        .until(() -> js(browser, "return performance.getEntriesByName('dashboard-figures').length;")
                                .equals(1L));
                Map<?, ?> timing = (Map<?, ?>) js(
                        browser,
                        "const n = performance.getEntriesByType('navigation')[0];"
                                + " return {figures: performance.getEntriesByName('dashboard-figures')[0].startTime,"
                                + " domContentLoaded: n.domContentLoadedEventEnd, load: n.loadEventEnd,"
                                + " gross: document.getElementById('fig-gross').textContent};");
                assertThat(timing.get("gross").toString()).isNotBlank();
                StringBuilder line = new StringBuilder("DashboardFirstViewIT round " + round + ": figures at "
                        + Math.round(((Number) timing.get("figures")).doubleValue()) + " ms (DOMContentLoaded "
                        + Math.round(((Number) timing.get("domContentLoaded")).doubleValue()) + " ms, load "
                        + Math.round(((Number) timing.get("load")).doubleValue()) + " ms, gross "
                        + timing.get("gross") + ")");
                line.append(view(browser, "reconciliation", "#rec-unreconciled tbody tr"));
                line.append(view(browser, "journal", "#tb-accounts tbody tr"));
                line.append(view(browser, "payments", "#recent tbody tr[data-payment]"));
                System.out.println(line);
            }
        }
    }

    /** Opens a view by its link and answers how long until its table has rows. */
    private static String view(WebDriver browser, String name, String rows) {
        long start = System.nanoTime();
        browser.findElement(By.cssSelector("#views a[data-view='" + name + "']"))
                .click();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> browser.findElement(By.id("view-" + name)).isDisplayed()
                        && !browser.findElements(By.cssSelector(rows)).isEmpty());
        return ", " + name + " " + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms";
    }

    private static Object js(WebDriver browser, String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }
}
