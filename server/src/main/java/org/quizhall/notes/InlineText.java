package org.quizhall.notes;

import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * The plain text of one line of notes: inline Markdown (emphasis, code, links, images, escapes and
 * entities) is read by commonmark-java and reduced to its text. Cloze and card markup are not
 * Markdown and pass through as typed. Angle-bracket text such as {@code <img>} is kept: in study
 * notes it is usually the subject (notes about HTML), and every client shows notes as text.
 */
final class InlineText {

  /** Block parsing is off: the caller has already taken the line out of its block. */
  private static final Parser INLINES = Parser.builder().enabledBlockTypes(Set.of()).build();

  private static final Pattern TASK_BOX = Pattern.compile("^\\[[ xX]]\\s+");

  private InlineText() {}

  static String plain(String s) {
    if (!hasMarkup(s)) {
      return collapseSpaces(s);
    }
    String line = TASK_BOX.matcher(s.strip()).replaceFirst("");
    StringBuilder out = new StringBuilder(line.length());
    INLINES
        .parse(line)
        .accept(
            new AbstractVisitor() {
              @Override
              public void visit(Text text) {
                out.append(text.getLiteral());
              }

              @Override
              public void visit(Code code) {
                out.append(code.getLiteral());
              }

              @Override
              public void visit(HtmlInline html) {
                out.append(html.getLiteral());
              }

              @Override
              public void visit(SoftLineBreak lineBreak) {
                out.append(' ');
              }

              @Override
              public void visit(HardLineBreak lineBreak) {
                out.append(' ');
              }
            });
    return collapseSpaces(out.toString());
  }

  private static boolean hasMarkup(String s) {
    for (int i = 0; i < s.length(); i++) {
      if ("*_[`!\\&<".indexOf(s.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static String collapseSpaces(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
          out.append(' ');
        }
      } else {
        out.append(c);
      }
    }
    int end = out.length();
    return end > 0 && out.charAt(end - 1) == ' ' ? out.substring(0, end - 1) : out.toString();
  }
}
