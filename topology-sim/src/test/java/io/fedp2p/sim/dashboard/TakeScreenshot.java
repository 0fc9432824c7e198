package io.fedp2p.sim.dashboard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;

/**
 * Manual tool: {@code TakeScreenshot URL OUT.png [WIDTH HEIGHT]} opens a dashboard in headless Chromium, waits until
 * the graph and charts are drawn, and saves a PNG (used for docs/dashboard.png).
 */
final class TakeScreenshot {
    private TakeScreenshot() {}

    public static void main(String[] args) throws Exception {
        int w = args.length > 2 ? Integer.parseInt(args[2]) : 1400;
        int h = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
        try (HeadlessChromium chromium = HeadlessChromium.start(w, h)) {
            chromium.driver.get(args[0]);
            chromium.waitUpTo(Duration.ofSeconds(30)).until(d -> {
                String points = d.findElement(By.id("accuracy-chart")).getDomAttribute("data-points");
                return points != null && !points.equals("0");
            });
            Path shot = chromium.screenshot("manual");
            Files.copy(shot, Path.of(args[1]), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
