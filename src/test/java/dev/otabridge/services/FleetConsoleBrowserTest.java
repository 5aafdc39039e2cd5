package dev.otabridge.services;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otabridge.http.RunningBundle;
import dev.otabridge.http.SignedClient;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The fleet console in Debian's headless Chromium (installed by .ci/run), against a whole bundle on
 * a socket: it shows what the fleet summary says, follows a device flipped through the load API,
 * and in token mode signs in and obeys the feed's permissions.
 */
@ServicesTest
class FleetConsoleBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORG = "yourOrgId";
    private static final String OTHER_ORG = "o15475466766371";
    private static final String DETECT_OFTEN = "trigger.repeatInterval=200&trigger.repeatCount=-1";
    private static final Duration PAGE_WAIT = Duration.ofSeconds(30);

    @TempDir
    Path data;

    @TempDir
    Path profile;

    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        // without the background-networking flags Chromium calls Google's hosts, which this network refuses
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,1500",
                "--user-data-dir=" + profile);
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(driver, options);
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void showsTheDemoOrganizationsCountsAndFollowsADeviceThatStartsUpgrading() throws Exception {
        try (RunningBundle bundle = RunningBundle.start(data, Map.of("ota.sync.detect-trigger", DETECT_OFTEN))) {
            loaded(bundle.post("/ota-store/v1/records", device(false)).body());
            JsonNode before = await().atMost(PAGE_WAIT)
                    .until(
                            () -> summary(bundle.post("/ota-sync/v1/fleet?orgId=" + ORG, null)
                                    .body()),
                            fleet -> fleet.get("devices").longValue() > 0);

            browser.get(bundle.uri("/console?orgId=" + ORG).toString());
            await().atMost(PAGE_WAIT).untilAsserted(() -> {
                assertEquals(before.get("devices").longValue(), figure("devices"));
                assertEquals(before.get("upgrading").longValue(), figure("upgrading"));
                assertEquals("live", text("live"));
            });
            assertTrue(!displayed("sign-in") && !displayed("problem"), "no sign-in where nobody is authenticated");
            assertTrue(rowsOf("groups").contains("consoleProduct 1.0 1 0"), rowsOf("groups"));

            loaded(bundle.post("/ota-store/v1/records", device(true)).body());
            await().atMost(PAGE_WAIT).untilAsserted(() -> {
                assertEquals(before.get("upgrading").longValue() + 1, figure("upgrading"));
                String newest =
                        browser.findElement(By.cssSelector("#events tbody tr")).getText();
                assertTrue(newest.contains("UPGRADE_STARTED") && newest.contains("console-device"), newest);
            });
            assertTrue(rowsOf("groups").contains("consoleProduct 1.0 1 1"), rowsOf("groups"));
            Path shot = Path.of("target", "console", "fleet-console.png");
            Files.createDirectories(shot.getParent());
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void inTokenModeThePageSignsInAndSeesOnlyTheAccountsOrganizations() throws Exception {
        Path accounts = data.resolve("accounts.json");
        Files.writeString(accounts, """
                {"accounts": [
                  {"accessKey": "watcher", "secret": "s-watcher", "orgIds": ["yourOrgId"],
                      "permissions": ["Firmware/Read Events"]},
                  {"accessKey": "admin", "secret": "s-admin", "orgIds": [], "permissions": ["OtaBridge/Admin"]}
                ]}""");
        try (RunningBundle bundle = RunningBundle.start(
                data.resolve("store"),
                Map.of("ota.security.accounts-file", accounts.toString(), "ota.sync.detect-trigger", DETECT_OFTEN))) {
            SignedClient admin = new SignedClient(bundle, "admin", "s-admin");
            loaded(admin.call("/ota-store/v1/records", device(false)).body());

            browser.get(bundle.uri("/console?orgId=" + ORG).toString());
            await().atMost(PAGE_WAIT).until(() -> displayed("sign-in"));
            assertEquals("Sign in to see this organization.", text("problem"));
            assertTrue(!displayed("fleet"), "no figure before signing in");

            signIn("watcher", "not-the-secret");
            await().atMost(PAGE_WAIT)
                    .until(() -> displayed("sign-in") && text("problem").contains("encryption"));
            assertTrue(!displayed("fleet"));

            signIn("watcher", "s-watcher");
            JsonNode before =
                    summary(admin.call("/ota-sync/v1/fleet?orgId=" + ORG, null).body());
            await().atMost(PAGE_WAIT).untilAsserted(() -> {
                assertEquals(before.get("devices").longValue(), figure("devices"));
                assertEquals("live", text("live"));
            });
            assertTrue(!displayed("sign-in") && !displayed("problem"));
            assertEquals("", browser.findElement(By.id("secret")).getAttribute("value"), "the secret left the form");

            loaded(admin.call("/ota-store/v1/records", device(true)).body());
            await().atMost(PAGE_WAIT)
                    .untilAsserted(() -> assertEquals(before.get("upgrading").longValue() + 1, figure("upgrading")));

            WebElement organization = browser.findElement(By.id("org-id"));
            organization.clear();
            organization.sendKeys(OTHER_ORG);
            browser.findElement(By.cssSelector("#organization button")).click();
            await().atMost(PAGE_WAIT).until(() -> text("problem").equals("Denied resource: orgId " + OTHER_ORG));
            assertTrue(!displayed("fleet"), "nothing of an organization the account does not belong to");
        }
    }

    private static String device(boolean upgrading) {
        return "{\"devices\":[{\"orgId\":\"" + ORG
                + "\",\"assetId\":\"console-device\",\"productKey\":\"consoleProduct\","
                + "\"deviceKey\":\"console-1\",\"firmwareVersion\":\"1.0\",\"isUpgrading\":" + upgrading + "}]}";
    }

    private static void loaded(String answer) {
        assertTrue(answer.contains("\"code\":0"), answer);
    }

    private static JsonNode summary(String answer) throws Exception {
        JsonNode envelope = JSON.readTree(answer);
        assertEquals(0, envelope.get("code").intValue(), answer);
        return envelope.get("data");
    }

    private void signIn(String accessKey, String secret) {
        WebElement key = browser.findElement(By.id("access-key"));
        key.clear();
        key.sendKeys(accessKey);
        browser.findElement(By.id("secret")).sendKeys(secret);
        browser.findElement(By.cssSelector("#sign-in button")).click();
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private boolean displayed(String id) {
        return browser.findElement(By.id(id)).isDisplayed();
    }

    private long figure(String id) {
        return Long.parseLong(text(id).replace(",", ""));
    }

    private String rowsOf(String table) {
        StringBuilder rows = new StringBuilder();
        for (WebElement row : browser.findElements(By.cssSelector("#" + table + " tbody tr"))) {
            rows.append(row.getText()).append('\n');
        }
        return rows.toString();
    }
}
