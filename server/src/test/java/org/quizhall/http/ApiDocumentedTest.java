package org.quizhall.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quizhall.testing.Readme;

/** The README's API table names every route the fuzz and authorization tests know, and no other. */
@DisplayName("The README's API table")
class ApiDocumentedTest {

  private static final Pattern ROUTE = Pattern.compile("^(GET|POST|PUT|PATCH|DELETE) (/\\S*)");

  /**
   * The routes a row's first cell names: code spans such as {@code GET /api/games/{id}/results},
   * and after one of those {@code …/results.csv} or {@code POST …/{qid}/restore}, which continue
   * the path before them.
   */
  static Set<String> documented() {
    Set<String> routes = new LinkedHashSet<>();
    for (List<String> row : Readme.tablesUnder("API")) {
      String method = null;
      List<String> last = List.of();
      for (String part : row.get(0).split(", ")) {
        String span = part.strip();
        Matcher full = ROUTE.matcher(span);
        String path;
        if (full.find()) {
          method = full.group(1);
          path = full.group(2);
        } else if (method != null && span.matches("((GET|POST|PUT|PATCH|DELETE) )?…/\\S+.*")) {
          int dots = span.indexOf('…');
          if (dots > 0) {
            method = span.substring(0, dots).strip();
          }
          List<String> rest = Arrays.asList(span.substring(dots + 2).split("[\\s?]")[0].split("/"));
          int at = last.lastIndexOf(rest.get(0));
          List<String> joined = new ArrayList<>(last.subList(0, at >= 0 ? at : last.size() - 1));
          joined.addAll(rest);
          path = "/" + String.join("/", joined);
        } else {
          continue;
        }
        path = path.replaceFirst("\\?.*$", "");
        last = Arrays.asList(path.substring(1).split("/"));
        routes.add(method + " " + path);
      }
    }
    return routes;
  }

  @Test
  @DisplayName(
      "has a row for every route RestFuzzTest and AuthorizationMatrixTest try, and no route they do not")
  void everyRouteDocumented() {
    List<String> known =
        RestFuzzTest.ROUTES.stream().map(route -> route[0] + " " + route[1]).toList();

    assertThat(documented()).containsExactlyInAnyOrderElementsOf(known);
  }
}
