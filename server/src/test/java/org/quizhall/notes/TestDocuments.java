package org.quizhall.notes;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * Study notes as a teacher's files: Word, OpenDocument, PDF and HTML documents written here, in the
 * test, the way their programs write them, and the broken and hostile ones a server meets.
 */
public final class TestDocuments {

  private TestDocuments() {}

  /**
   * One paragraph of a Word document: a heading (level 1-6), an item at a level (0-8) of the
   * bulleted list or of the numbered one ("1.", then "a.", then "i.", as Word numbers an outline),
   * or plain text.
   */
  public record Para(int heading, int level, boolean numbered, String text) {
    public static Para heading(int level, String text) {
      return new Para(level, -1, false, text);
    }

    public static Para bullet(int level, String text) {
      return new Para(0, level, false, text);
    }

    public static Para numbered(int level, String text) {
      return new Para(0, level, true, text);
    }

    public static Para text(String text) {
      return new Para(0, -1, false, text);
    }
  }

  /**
   * A .docx as Word saves one: heading styles by name ("heading 1"), bullets as a numbering
   * definition with levels, and, when {@code table} is given, a table after the paragraphs (its
   * first row the header).
   */
  public static byte[] docx(List<Para> paragraphs, List<List<String>> table) {
    try (XWPFDocument doc = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XWPFStyles styles = doc.createStyles();
      for (int level = 1; level <= 6; level++) {
        CTStyle style = CTStyle.Factory.newInstance();
        style.setStyleId("Heading" + level);
        style.setType(STStyleType.PARAGRAPH);
        style.addNewName().setVal("heading " + level);
        styles.addStyle(new XWPFStyle(style));
      }
      CTAbstractNum bullets = CTAbstractNum.Factory.newInstance();
      bullets.setAbstractNumId(BigInteger.ZERO);
      for (int level = 0; level < 9; level++) {
        CTLvl lvl = bullets.addNewLvl();
        lvl.setIlvl(BigInteger.valueOf(level));
        lvl.addNewNumFmt().setVal(STNumberFormat.BULLET);
        lvl.addNewLvlText().setVal(level % 2 == 0 ? "\u2022" : "o");
      }
      CTAbstractNum outline = CTAbstractNum.Factory.newInstance();
      outline.setAbstractNumId(BigInteger.ONE);
      STNumberFormat.Enum[] formats = {
        STNumberFormat.DECIMAL, STNumberFormat.LOWER_LETTER, STNumberFormat.LOWER_ROMAN
      };
      for (int level = 0; level < 9; level++) {
        CTLvl lvl = outline.addNewLvl();
        lvl.setIlvl(BigInteger.valueOf(level));
        lvl.addNewStart().setVal(BigInteger.ONE);
        lvl.addNewNumFmt().setVal(formats[level % 3]);
        lvl.addNewLvlText().setVal("%" + (level + 1) + ".");
      }
      XWPFNumbering numbering = doc.createNumbering();
      BigInteger list = numbering.addNum(numbering.addAbstractNum(new XWPFAbstractNum(bullets)));
      BigInteger numbered =
          numbering.addNum(numbering.addAbstractNum(new XWPFAbstractNum(outline)));
      for (Para para : paragraphs) {
        XWPFParagraph p = doc.createParagraph();
        if (para.heading() > 0) {
          p.setStyle("Heading" + para.heading());
        }
        if (para.level() >= 0) {
          p.setNumID(para.numbered() ? numbered : list);
          p.setNumILvl(BigInteger.valueOf(para.level()));
        }
        p.createRun().setText(para.text());
      }
      if (table != null) {
        XWPFTable t = doc.createTable(table.size(), table.get(0).size());
        for (int r = 0; r < table.size(); r++) {
          for (int c = 0; c < table.get(r).size(); c++) {
            t.getRow(r).getCell(c).setText(table.get(r).get(c));
          }
        }
      }
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A .docx whose document part inflates to {@code inflatedBytes} of paragraphs from a file of a
   * few hundred KB: the zip bomb a server must refuse without reading it all.
   */
  public static byte[] zipBombDocx(long inflatedBytes) {
    byte[] base = docx(List.of(Para.heading(1, "Bomb"), Para.text("A few words.")), null);
    return inflated(
        base,
        "word/document.xml",
        "<w:body>",
        "<w:p><w:r><w:t>ha</w:t></w:r></w:p>",
        inflatedBytes);
  }

  /** The same for an .odt: its content part inflates to {@code inflatedBytes} of paragraphs. */
  public static byte[] zipBombOdt(long inflatedBytes) {
    byte[] base = odt("Bomb", List.of(Item.of("A few words")));
    return inflated(base, "content.xml", "<office:text>", "<text:p>ha</text:p>", inflatedBytes);
  }

  /**
   * A copy of a zip with {@code repeated} written over and over into {@code part}, after {@code
   * after}.
   */
  private static byte[] inflated(
      byte[] zipFile, String part, String after, String repeated, long inflatedBytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out);
        java.util.zip.ZipInputStream in =
            new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zipFile))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        ZipEntry copy = new ZipEntry(entry.getName());
        if (entry.getMethod() == ZipEntry.STORED) {
          copy.setMethod(ZipEntry.STORED);
          copy.setSize(entry.getSize());
          copy.setCrc(entry.getCrc());
        }
        zip.putNextEntry(copy);
        if (entry.getName().equals(part)) {
          String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          int at = xml.indexOf(after) + after.length();
          zip.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
          byte[] chunk = repeated.repeat(2048).getBytes(StandardCharsets.UTF_8);
          for (long written = 0; written < inflatedBytes; written += chunk.length) {
            zip.write(chunk);
          }
          zip.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
        } else {
          in.transferTo(zip);
        }
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** An item of an OpenDocument list: its text and the items nested under it. */
  public record Item(String text, List<Item> children) {
    public static Item of(String text, Item... children) {
      return new Item(text, List.of(children));
    }
  }

  /**
   * An .odt written by hand as the ODF specification lays it out: a heading, then a (nested)
   * bulleted list.
   */
  public static byte[] odt(String heading, List<Item> items) {
    StringBuilder list = new StringBuilder();
    odtList(items, list);
    String content =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
            xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
          <office:body>
            <office:text>
              <text:h text:outline-level="1">%s</text:h>
              %s
            </office:text>
          </office:body>
        </office:document-content>
        """
            .formatted(xml(heading), list);
    String manifest =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
          <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
          <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
        </manifest:manifest>
        """;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      // The specification asks for the media type first and uncompressed, so a reader can see it at
      // a fixed offset.
      byte[] mimetype =
          "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
      ZipEntry entry = new ZipEntry("mimetype");
      entry.setMethod(ZipEntry.STORED);
      entry.setSize(mimetype.length);
      CRC32 crc = new CRC32();
      crc.update(mimetype);
      entry.setCrc(crc.getValue());
      zip.putNextEntry(entry);
      zip.write(mimetype);
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("content.xml"));
      zip.write(content.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
      zip.write(manifest.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void odtList(List<Item> items, StringBuilder out) {
    out.append("<text:list>");
    for (Item item : items) {
      out.append("<text:list-item><text:p>").append(xml(item.text())).append("</text:p>");
      if (!item.children().isEmpty()) {
        odtList(item.children(), out);
      }
      out.append("</text:list-item>");
    }
    out.append("</text:list>");
  }

  private static String xml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /**
   * A PDF of one page with these lines of text, as a word processor's "save as PDF" writes them.
   */
  public static byte[] pdf(List<String> lines) {
    try (PDDocument doc = textPdf(lines)) {
      return save(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The same PDF, encrypted: it opens only with the password {@code password}. */
  public static byte[] encryptedPdf(List<String> lines, String password) {
    try (PDDocument doc = textPdf(lines)) {
      StandardProtectionPolicy policy =
          new StandardProtectionPolicy("owner-" + password, password, new AccessPermission());
      policy.setEncryptionKeyLength(128);
      doc.protect(policy);
      return save(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A PDF whose page is one picture and no text, as a scanner makes them. */
  public static byte[] imageOnlyPdf() {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      BufferedImage scan = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
      java.awt.Graphics2D g = scan.createGraphics();
      g.setColor(java.awt.Color.WHITE);
      g.fillRect(0, 0, 200, 100);
      g.setColor(java.awt.Color.BLACK);
      g.fillRect(20, 40, 160, 4);
      g.dispose();
      PDImageXObject image = LosslessFactory.createFromImage(doc, scan);
      try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
        content.drawImage(image, 50, 500, 400, 200);
      }
      return save(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static PDDocument textPdf(List<String> lines) throws IOException {
    PDDocument doc = new PDDocument();
    PDPage page = new PDPage();
    doc.addPage(page);
    try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
      content.beginText();
      content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
      content.setLeading(16);
      content.newLineAtOffset(72, 720);
      for (String line : lines) {
        content.showText(line);
        content.newLine();
      }
      content.endText();
    }
    return doc;
  }

  private static byte[] save(PDDocument doc) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    doc.save(out);
    return out.toByteArray();
  }
}
