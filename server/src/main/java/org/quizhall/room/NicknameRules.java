package org.quizhall.room;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import org.quizhall.problem.Problem;

/**
 * What a nickname may be: 1 to 20 characters after trimming, no control or direction-changing
 * characters, and nothing on the room's word list (matched through case, accents, spacing and the
 * usual digit-for-letter swaps).
 */
public final class NicknameRules {

  public static final int MAX_LENGTH = 20;
  private final List<String> blockedWords;

  public NicknameRules(List<String> blockedWords) {
    this.blockedWords =
        blockedWords.stream().map(NicknameRules::fold).filter(w -> !w.isEmpty()).toList();
  }

  /** The nickname as it will be shown, or a problem saying what is wrong with it. */
  public String check(String raw) {
    if (raw == null) {
      throw Problem.invalid("invalid_nickname", "Choose a nickname.");
    }
    String nickname = Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
    int length = nickname.codePointCount(0, nickname.length());
    if (length < 1 || length > MAX_LENGTH) {
      throw Problem.invalid(
          "invalid_nickname", "A nickname is 1 to " + MAX_LENGTH + " characters.");
    }
    boolean badCharacter =
        nickname
            .codePoints()
            .anyMatch(
                c -> {
                  int type = Character.getType(c);
                  return type == Character.CONTROL
                      || (type == Character.FORMAT && c != 0x200D)
                      || type == Character.UNASSIGNED
                      || type == Character.PRIVATE_USE
                      || type == Character.LINE_SEPARATOR
                      || type == Character.PARAGRAPH_SEPARATOR;
                });
    if (badCharacter || nickname.codePoints().anyMatch(NicknameRules::isFiller)) {
      throw Problem.invalid(
          "invalid_nickname", "A nickname cannot contain control or invisible characters.");
    }
    // Both forms: the skeleton catches look-alike letters, but turns "m" into "rn" and "1" into
    // "l", which the
    // plain folding reads as the word it hides.
    String folded = fold(nickname);
    String foldedSkeleton = fold(skeleton(nickname));
    for (String word : blockedWords) {
      if (folded.contains(word)
          || foldedSkeleton.contains(word)
          || foldedSkeleton.contains(fold(skeleton(word)))) {
        throw Problem.invalid(
            "nickname_not_allowed", "That nickname is not allowed here. Choose another.");
      }
    }
    return nickname;
  }

  /**
   * The key under which nicknames must be unique: case, compatibility forms and look-alike letters
   * ignored, so that "Аda" with a Cyrillic А, "Ada" in full-width letters or "ADA" cannot sit
   * beside Ada.
   */
  static String uniquenessKey(String nickname) {
    return skeleton(nickname);
  }

  /** Unicode's confusable skeleton (UTS #39) of the NFKC, lower-cased name. */
  private static String skeleton(String nickname) {
    String lower = Normalizer.normalize(nickname, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return SPOOF.get().getSkeleton(lower);
  }

  /** A SpoofChecker is not documented as safe to share; rooms run on many threads. */
  private static final ThreadLocal<com.ibm.icu.text.SpoofChecker> SPOOF =
      ThreadLocal.withInitial(() -> new com.ibm.icu.text.SpoofChecker.Builder().build());

  /** Characters that draw nothing, though Unicode does not call them format characters. */
  private static boolean isFiller(int c) {
    return c == 0x3164
        || c == 0x115F
        || c == 0x1160
        || c == 0xFFA0
        || c == 0x2800
        || c == 0x180E
        || c == 0x17B4
        || c == 0x17B5
        || c >= 0xFE00 && c <= 0xFE0F
        || c == 0x034F
        || Character.getType(c) == Character.SPACE_SEPARATOR && c != ' ';
  }

  private static String fold(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      char mapped =
          switch (c) {
            case '0' -> 'o';
            case '1', '!', '|' -> 'i';
            case '3' -> 'e';
            case '4', '@' -> 'a';
            case '5', '$' -> 's';
            case '7', '+' -> 't';
            default -> c;
          };
      if (mapped >= 'a' && mapped <= 'z') {
        out.append(mapped);
      }
    }
    return out.toString();
  }
}
