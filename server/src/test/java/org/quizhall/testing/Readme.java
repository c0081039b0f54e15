package org.quizhall.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * The repository's README as a reader sees it: its tables, read with the parser the notes importer
 * uses.
 */
public final class Readme {

  private Readme() {}

  /** The README at the root of the checkout, whichever module the test runs in. */
  public static Path path() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path readme = dir.resolve("README.md");
      if (Files.exists(readme) && Files.exists(dir.resolve("server/pom.xml"))) {
        return readme;
      }
    }
    throw new IllegalStateException("no README.md above " + Path.of("").toAbsolutePath());
  }

  public static String text() {
    try {
      return Files.readString(path());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The body rows of every table under the heading {@code title} (up to the next heading of the
   * same or a higher level), each row its cells' plain text (code spans without their backticks).
   */
  public static List<List<String>> tablesUnder(String title) {
    Node document =
        Parser.builder().extensions(List.of(TablesExtension.create())).build().parse(text());
    List<List<String>> rows = new ArrayList<>();
    int level = 0;
    for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
      if (node instanceof Heading heading) {
        if (level > 0 && heading.getLevel() <= level) {
          break;
        }
        if (level == 0 && plain(heading).equals(title)) {
          level = heading.getLevel();
        }
      } else if (level > 0 && node instanceof TableBlock table) {
        for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
          if (part instanceof TableBody) {
            for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
              if (row instanceof TableRow) {
                List<String> cells = new ArrayList<>();
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                  if (cell instanceof TableCell) {
                    cells.add(plain(cell));
                  }
                }
                rows.add(cells);
              }
            }
          }
        }
      }
    }
    if (level == 0) {
      throw new IllegalStateException("the README has no heading '" + title + "'");
    }
    return rows;
  }

  private static String plain(Node node) {
    StringBuilder out = new StringBuilder();
    collect(node, out);
    return out.toString().strip();
  }

  private static void collect(Node node, StringBuilder out) {
    if (node instanceof Text text) {
      out.append(text.getLiteral());
    } else if (node instanceof Code code) {
      out.append(code.getLiteral());
    }
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      collect(child, out);
    }
  }
}
