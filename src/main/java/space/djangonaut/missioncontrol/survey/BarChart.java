package space.djangonaut.missioncontrol.survey;

import java.util.ArrayList;
import java.util.List;

/** A bar chart laid out for an inline SVG: the page draws it without any script. */
public record BarChart(String id, String title, int width, int height, int max, List<Bar> bars) {

  static final int WIDTH = 560;
  static final int HEIGHT = 220;
  private static final int AXIS = 24;
  private static final int TOP = 18;

  public record Bar(String label, int value, int x, int y, int width, int height, int labelX) {}

  /** Bars of equal width, scaled to the largest value (at least 1, so that an all-zero chart stays flat). */
  public static BarChart of(String id, String title, List<String> labels, List<Integer> values) {
    int max = Math.max(1, values.stream().mapToInt(Integer::intValue).max().orElse(0));
    int slot = WIDTH / Math.max(1, labels.size());
    int barWidth = Math.max(4, slot * 3 / 5);
    int plot = HEIGHT - AXIS - TOP;
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      int value = values.get(i);
      int h = Math.round((float) plot * value / max);
      int x = i * slot + (slot - barWidth) / 2;
      bars.add(new Bar(labels.get(i), value, x, TOP + plot - h, barWidth, h, x + barWidth / 2));
    }
    return new BarChart(id, title, WIDTH, HEIGHT, max, bars);
  }

  public int baseline() {
    return HEIGHT - AXIS;
  }

  public int labelY() {
    return HEIGHT - 6;
  }
}
