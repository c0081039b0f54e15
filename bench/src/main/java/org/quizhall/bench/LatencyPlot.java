package org.quizhall.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws the p99 latencies of every scenario result against its number of players, one point per
 * scenario.
 */
final class LatencyPlot {

  private LatencyPlot() {}

  /**
   * Reads every {@code *.json} result in {@code results} and writes {@code latency.png} beside
   * them.
   */
  static Path draw(Path results) throws IOException {
    System.setProperty("java.awt.headless", "true");
    List<JsonObject> runs = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(results, "*.json")) {
      for (Path file : files) {
        JsonObject run = new JsonObject(Files.readString(file));
        // An outage run's acknowledgements wait out the outage on purpose: it is reported, not
        // plotted; nor are the one-core runs (core-*), a different machine from these.
        if (run.getJsonObject("outage") == null
            && !file.getFileName().toString().startsWith("core-")) {
          runs.add(run);
        }
      }
    }
    runs.sort(Comparator.comparingInt(r -> r.getInteger("players")));
    XYChart chart =
        new XYChartBuilder()
            .width(900)
            .height(540)
            .title(
                "Quizhall p99 latency by players ("
                    + Runtime.getRuntime().availableProcessors()
                    + " cores, generator on the same machine)")
            .xAxisTitle("players connected")
            .yAxisTitle("milliseconds")
            .build();
    // Points, not lines: each is a different scenario, and two of them have 10,000 players.
    chart
        .getStyler()
        .setDefaultSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setMarkerSize(10);
    List<Double> players = runs.stream().map(r -> (double) r.getInteger("players")).toList();
    series(chart, "question fan-out p99", players, runs, "fanoutP99Ms");
    series(chart, "answer acknowledgement p99", players, runs, "ackP99Ms");
    series(chart, "last answer to own result p99", players, runs, "leaderboardP99Ms");
    series(chart, "join p99", players, runs, "joinP99Ms");
    Path out = results.resolve("latency.png");
    BitmapEncoder.saveBitmap(chart, out.toString(), BitmapEncoder.BitmapFormat.PNG);
    return out;
  }

  private static void series(
      XYChart chart, String name, List<Double> players, List<JsonObject> runs, String key) {
    List<Double> values = runs.stream().map(r -> r.getNumber(key, 0).doubleValue()).toList();
    chart.addSeries(name, players, values).setMarker(SeriesMarkers.CIRCLE);
  }
}
