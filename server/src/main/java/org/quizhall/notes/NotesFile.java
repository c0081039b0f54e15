package org.quizhall.notes;

/**
 * A file of notes as it was uploaded: the name and media type its sender gave (either may be
 * missing or wrong, and the name may carry a path) and its bytes.
 */
public record NotesFile(String name, String declaredType, byte[] bytes) {

  public NotesFile {
    name = name == null ? "" : name;
    declaredType = declaredType == null ? "" : declaredType;
  }

  /** The file's own name without folders, which some browsers still send. */
  public String baseName() {
    return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  }

  /**
   * The name without its extension and without control characters: what a deck made from it is
   * called.
   */
  public String title() {
    String base = baseName();
    int dot = base.lastIndexOf('.');
    String stem = dot > 0 ? base.substring(0, dot) : base;
    StringBuilder out = new StringBuilder(stem.length());
    stem.codePoints().map(c -> Character.isISOControl(c) ? ' ' : c).forEach(out::appendCodePoint);
    String title = out.toString().strip();
    return title.length() > 80 ? title.substring(0, 80).strip() + "…" : title;
  }
}
