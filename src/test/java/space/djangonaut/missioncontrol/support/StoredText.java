package space.djangonaut.missioncontrol.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Where a text is kept in the database: for the tests that a person's data is erased everywhere, and only there. */
@Component
public class StoredText {

  private final JdbcTemplate jdbc;

  StoredText(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Every text column of every table (ours and Camunda's, runtime and history) that contains this text, as table.column. */
  public List<String> columnsHolding(String text) {
    return columns("\"%s\"", text);
  }

  /** As {@link #columnsHolding}, whatever the case of the letters. */
  public List<String> columnsHoldingIgnoringCase(String text) {
    return columns("lower(\"%s\")", text.toLowerCase(Locale.ROOT));
  }

  private List<String> columns(String columnExpression, String text) {
    List<Map<String, Object>> columns = jdbc.queryForList("select table_name, column_name from "
        + "information_schema.columns where table_schema = current_schema() and data_type in "
        + "('character varying', 'text', 'character')");
    List<String> found = new ArrayList<>();
    for (Map<String, Object> column : columns) {
      String table = (String) column.get("table_name");
      String name = (String) column.get("column_name");
      Integer count = jdbc.queryForObject("select count(*) from \"" + table + "\" where "
          + String.format(columnExpression, name) + " like ?", Integer.class, "%" + text + "%");
      if (count != null && count > 0) {
        found.add(table + "." + name);
      }
    }
    return found;
  }
}
