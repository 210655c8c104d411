package io.ledger.app.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's headless Chromium ({@code chromium}, {@code chromium-driver}), driven by Selenium as the browser tests drive
 * it: never a browser of Selenium's own download, no sandbox (tests run as root), no GPU, no background networking, a
 * fresh profile per browser, removed when it closes. A test on a machine without the packages is skipped.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Skips the calling test where Debian's Chromium or its driver is not installed. */
    public static void assumeInstalled() {
        assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM + " (apt-get install chromium)");
        assumeTrue(
                Files.isExecutable(CHROMEDRIVER),
                "no ChromeDriver at " + CHROMEDRIVER + " (apt-get install chromium-driver)");
    }

    /** A browser with these arguments besides the usual ones (a window size, a language). */
    public static HeadlessChromium start(String... arguments) {
        return start(false, arguments);
    }

    /** The same, keeping the page's console for {@code driver().manage().logs()} when {@code consoleLogs}. */
    public static HeadlessChromium start(boolean consoleLogs, String... arguments) {
        assumeInstalled();
        Path profile;
        try {
            profile = Files.createTempDirectory("ledger-chromium");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        List<String> all = new ArrayList<>(List.of(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile));
        all.addAll(List.of(arguments));
        options.addArguments(all);
        if (consoleLogs) {
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
        }
        return new HeadlessChromium(new ChromeDriver(service, options), profile);
    }

    public ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }
}
