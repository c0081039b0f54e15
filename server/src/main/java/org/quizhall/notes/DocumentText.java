package org.quizhall.notes;

import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import java.util.Locale;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.html.JSoupParser;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.microsoft.ooxml.OOXMLParser;
import org.apache.tika.parser.odf.OpenDocumentParser;
import org.apache.tika.parser.pdf.PDFParser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.SecureContentHandler;
import org.quizhall.problem.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * The notes in an uploaded file: text and Markdown as they are, and the text of a Word (.docx),
 * OpenDocument (.odt), PDF or HTML file as Markdown that keeps its headings, lists and tables. The
 * type is read from the bytes (the name only tells text files apart), and every way a file can be
 * refused has a code of its own.
 *
 * <p>This is CPU and disk work (Tika spools office files to a temporary file): it runs on the
 * import pool, and stops by itself at the deadline it is given.
 */
public final class DocumentText {

  /**
   * The largest file accepted (20 MiB): a long course's notes with pictures; the text is limited on
   * its own.
   */
  public static final int MAX_FILE_BYTES = 20 * 1024 * 1024;

  /**
   * What a zip's parts may inflate to, at most: far beyond any real document of {@link
   * #MAX_FILE_BYTES}.
   */
  static final long MAX_INFLATED_BYTES = 256L * 1024 * 1024;

  /**
   * Within that, how many times its own size a zip may inflate to; real documents stay far below.
   */
  static final long MAX_INFLATION = 100;

  /**
   * A small zip may inflate to this much whatever its ratio: styles and settings parts compress
   * very well.
   */
  static final long INFLATION_GRACE_BYTES = 16L * 1024 * 1024;

  static final int MAX_ZIP_ENTRIES = 10_000;

  private static final Logger log = LoggerFactory.getLogger(DocumentText.class);
  private static final Detector DETECTOR = new DefaultDetector();
  private static final String FORMATS = ".docx, .odt, .pdf, .html, .txt or .md";

  /** The kinds of file read, and how each reports its text. */
  enum Format {
    TEXT(false, false),
    WORD(true, true),
    OPEN_DOCUMENT(true, false),
    PDF(true, false),
    HTML(false, false);

    /**
     * Whether a line break inside a paragraph is one the author made (in HTML it is only where the
     * source wrapped).
     */
    final boolean keepsLineBreaks;

    /**
     * Whether list items arrive as paragraphs led by their number or bullet, as Tika writes Word's
     * lists.
     */
    final boolean labelsLists;

    Format(boolean keepsLineBreaks, boolean labelsLists) {
      this.keepsLineBreaks = keepsLineBreaks;
      this.labelsLists = labelsLists;
    }
  }

  private DocumentText() {}

  /**
   * The notes in {@code file} as Markdown, read by {@code giveUpAt} ({@link System#nanoTime()}).
   *
   * @throws Problem {@code file_too_large}, {@code unsupported_file}, {@code encrypted_file},
   *     {@code unreadable_file}, {@code file_too_complex}, {@code no_text}, {@code
   *     notes_too_large}, {@code import_too_slow}, and for text files {@code not_utf8} and {@code
   *     binary_notes}
   */
  public static String read(NotesFile file, long giveUpAt) {
    byte[] bytes = file.bytes();
    if (bytes.length > MAX_FILE_BYTES) {
      throw fileTooLarge(bytes.length);
    }
    if (bytes.length == 0) {
      throw noText("The file is empty.");
    }
    Format format = format(file);
    String text;
    if (format == Format.TEXT) {
      if (bytes.length > NotesLimits.MAX_BYTES) {
        throw NotesLimits.tooLarge(bytes.length);
      }
      text = utf8(bytes);
    } else {
      if (format == Format.WORD || format == Format.OPEN_DOCUMENT) {
        checkInflation(bytes);
      } else if (format == Format.PDF) {
        checkPageStreams(bytes);
      }
      text = extract(format, bytes, giveUpAt);
    }
    if (text.isBlank()) {
      throw noText(
          "There is no text in this file. Is it a scan or a picture? Quizhall reads typed text:"
              + " export the notes from the program they were written in, or paste them.");
    }
    return text;
  }

  /** 413 {@code file_too_large}: the one message for a file over the limit, at the door or here. */
  public static Problem fileTooLarge(long bytes) {
    return new Problem(
        Problem.Kind.TOO_LARGE,
        "file_too_large",
        "A notes file is at most "
            + MAX_FILE_BYTES / (1024 * 1024)
            + " MB"
            + (bytes > 0
                ? "; this one is " + (bytes + 1024 * 1024 - 1) / (1024 * 1024) + " MB."
                : ".")
            + " Split it, or leave the pictures out: only the text is read.");
  }

  /** Notes as UTF-8 text, typed or in a file: strict, and a binary file refused, not guessed at. */
  public static String utf8(byte[] bytes) {
    return Utf8Text.decode(
        bytes,
        "binary_notes",
        "That looks like a binary file: send notes as text.",
        "The notes are not valid UTF-8 text: save them as UTF-8 and try again.");
  }

  /**
   * The format of the bytes as Tika's detector sees them, with the name and declared type as hints.
   */
  static Format format(NotesFile file) {
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.baseName());
    if (MediaType.parse(file.declaredType()) != null) {
      // Only a hint: Tika takes it over the bytes' own type only where it is a narrower kind of
      // that type.
      metadata.set(Metadata.CONTENT_TYPE, file.declaredType());
    }
    MediaType type;
    try (TikaInputStream in = TikaInputStream.get(file.bytes())) {
      type = DETECTOR.detect(in, metadata).getBaseType();
    } catch (IOException | RuntimeException e) {
      type = MediaType.OCTET_STREAM;
    }
    String name = file.baseName().toLowerCase(Locale.ROOT);
    boolean textName = name.endsWith(".txt") || name.endsWith(".md") || name.endsWith(".markdown");
    switch (type.toString()) {
      case "text/plain", "text/markdown", "text/x-markdown", "text/x-web-markdown" -> {
        return Format.TEXT;
      }
      case "text/html", "application/xhtml+xml" -> {
        // Notes about HTML may begin with a tag; a file named as text is read as the text it says
        // it is.
        return textName ? Format.TEXT : Format.HTML;
      }
      case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> {
        return Format.WORD;
      }
      case "application/vnd.oasis.opendocument.text" -> {
        return Format.OPEN_DOCUMENT;
      }
      case "application/pdf" -> {
        return Format.PDF;
      }
      case "application/x-tika-ooxml-protected", "application/x-tika-msoffice-encrypted" ->
          throw encrypted();
      case "application/msword" ->
          throw unsupported(
              "This is an old Word file (.doc): open it in Word or LibreOffice,"
                  + " save it as .docx and upload that.");
      default ->
          throw unsupported(
              "Quizhall reads notes from "
                  + FORMATS
                  + " files; this one is "
                  + (type.equals(MediaType.OCTET_STREAM) ? "of no kind it knows." : type + "."));
    }
  }

  /**
   * Refuses a zip whose parts inflate far beyond its own size before any parser opens it: Tika
   * turns POI's own check off, and a zip bomb is best measured, not read. Every entry the central
   * directory lists is inflated and counted, so entries that share their data are counted each time
   * too. A zip whose directory cannot be read is refused: the parsers would fall back to reading it
   * entry by entry, past this check.
   */
  static void checkInflation(byte[] bytes) {
    long allowed =
        Math.min(MAX_INFLATED_BYTES, Math.max(INFLATION_GRACE_BYTES, MAX_INFLATION * bytes.length));
    long total = 0;
    int entries = 0;
    byte[] buffer = new byte[64 * 1024];
    try (ZipFile zip =
        ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
      for (Enumeration<ZipArchiveEntry> all = zip.getEntries(); all.hasMoreElements(); ) {
        ZipArchiveEntry entry = all.nextElement();
        if (++entries > MAX_ZIP_ENTRIES) {
          throw tooComplex("It holds more than " + MAX_ZIP_ENTRIES + " parts.");
        }
        try (InputStream in = zip.getInputStream(entry)) {
          for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            total += n;
            if (total > allowed) {
              throw tooComplex(
                  "Its "
                      + bytes.length / 1024
                      + " KB unpack to more than "
                      + allowed / (1024 * 1024)
                      + " MB, which no real document does.");
            }
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof Problem problem) {
        throw problem;
      }
      log.debug("A zip the inflation check could not read: {}", e.toString());
      throw unreadable();
    }
  }

  /**
   * Refuses a PDF whose pages' content streams decode to far more than the file itself, before the
   * text is extracted: decoding a stream raises no event the import deadline could stop at, so a
   * page of a gigabyte of spaces would run on past it. A PDF that cannot be opened here (locked,
   * damaged) is left to the parser, which says which.
   */
  static void checkPageStreams(byte[] bytes) {
    long allowed =
        Math.min(MAX_INFLATED_BYTES, Math.max(INFLATION_GRACE_BYTES, MAX_INFLATION * bytes.length));
    long total = 0;
    byte[] buffer = new byte[64 * 1024];
    try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(bytes)) {
      for (org.apache.pdfbox.pdmodel.PDPage page : pdf.getPages()) {
        for (java.util.Iterator<org.apache.pdfbox.pdmodel.common.PDStream> streams =
                page.getContentStreams();
            streams.hasNext(); ) {
          try (InputStream in = streams.next().createInputStream()) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
              total += n;
              if (total > allowed) {
                throw tooComplex(
                    "Its "
                        + bytes.length / 1024
                        + " KB hold pages of more than "
                        + allowed / (1024 * 1024)
                        + " MB, which no real document does.");
              }
            }
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof Problem problem) {
        throw problem;
      }
      log.debug(
          "A PDF the page check could not open; the parser will say what is wrong: {}",
          e.toString());
    }
  }

  private static String extract(Format format, byte[] bytes, long giveUpAt) {
    DocumentMarkdown markdown =
        new DocumentMarkdown(
            format.keepsLineBreaks, format.labelsLists, NotesLimits.MAX_BYTES, giveUpAt);
    try (TikaInputStream in = TikaInputStream.get(bytes)) {
      SecureContentHandler secure = new SecureContentHandler(markdown, in);
      try {
        parser(format).parse(in, secure, new Metadata(), context());
      } catch (SAXException
          | org.apache.tika.exception.TikaException
          | IOException
          | RuntimeException e) {
        throw refusal(e, secure);
      } catch (StackOverflowError e) {
        throw tooComplex("Its parts are nested too deeply to read.");
      } catch (LinkageError e) {
        // A part of a parser that the build left out: the server's fault, not the file's.
        log.error("A {} file needed a class the server does not have", format, e);
        throw unreadable();
      }
    } catch (IOException e) {
      throw unreadable();
    }
    return markdown.text();
  }

  private static Parser parser(Format format) {
    return switch (format) {
      case WORD -> new OOXMLParser();
      case OPEN_DOCUMENT -> new OpenDocumentParser();
      case PDF -> new PDFParser();
      case HTML -> new JSoupParser();
      case TEXT -> throw new IllegalArgumentException("text is decoded, not parsed");
    };
  }

  /**
   * What the parsers are told: the text of the document itself, nothing embedded in it, no
   * pictures, no OCR.
   */
  private static ParseContext context() {
    ParseContext context = new ParseContext();
    OfficeParserConfig office = new OfficeParserConfig();
    office.setUseSAXDocxExtractor(true);
    office.setIncludeHeadersAndFooters(false);
    office.setIncludeDeletedContent(false);
    office.setIncludeMoveFromContent(false);
    office.setExtractMacros(false);
    context.set(OfficeParserConfig.class, office);
    PDFParserConfig pdf = new PDFParserConfig();
    pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
    pdf.setExtractInlineImages(false);
    pdf.setExtractBookmarksText(false);
    pdf.setExtractAnnotationText(false);
    pdf.setExtractAcroFormContent(false);
    pdf.setExtractActions(false);
    // Decoded streams past this go to a temporary file rather than the heap.
    pdf.setMaxMainMemoryBytes(64L * 1024 * 1024);
    context.set(PDFParserConfig.class, pdf);
    context.set(EmbeddedDocumentExtractor.class, new SkipEmbedded());
    return context;
  }

  /** Pictures, attachments and documents inside the document: none is read. */
  private static final class SkipEmbedded implements EmbeddedDocumentExtractor {
    @Override
    public boolean shouldParseEmbedded(Metadata metadata) {
      return false;
    }

    @Override
    public void parseEmbedded(
        InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml) {}
  }

  /**
   * The Problem a parser's failure stands for: the handler's own refusals first, then what the
   * parser found.
   */
  private static Problem refusal(Exception failure, SecureContentHandler secure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
      if (t instanceof DocumentMarkdown.Refusal refusal) {
        return refusal.problem();
      }
      if (t instanceof Problem problem) {
        return problem;
      }
      if (t instanceof SAXException sax) {
        try {
          secure.throwIfCauseOf(sax);
        } catch (org.apache.tika.exception.TikaException bomb) {
          return tooComplex(
              "It would unpack to far more text than its size holds, or nests too deeply.");
        }
      }
      if (t instanceof EncryptedDocumentException
          || t instanceof org.apache.poi.EncryptedDocumentException) {
        return encrypted();
      }
    }
    log.debug("An uploaded file could not be read", failure);
    return unreadable();
  }

  private static Problem unsupported(String message) {
    return new Problem(Problem.Kind.UNSUPPORTED_MEDIA, "unsupported_file", message);
  }

  private static Problem encrypted() {
    return new Problem(
        Problem.Kind.UNPROCESSABLE,
        "encrypted_file",
        "This file is protected by a password, so its text cannot be read: save a copy without the password"
            + " and upload that.");
  }

  private static Problem unreadable() {
    return new Problem(
        Problem.Kind.UNPROCESSABLE,
        "unreadable_file",
        "This file is damaged or not what its name says, and could not be read: open it in the program that"
            + " made it, save it again and upload that.");
  }

  static Problem tooComplex(String why) {
    return new Problem(
        Problem.Kind.UNPROCESSABLE,
        "file_too_complex",
        "This file is built in a way no notes need and was not read. " + why);
  }

  private static Problem noText(String message) {
    return new Problem(Problem.Kind.UNPROCESSABLE, "no_text", message);
  }
}
