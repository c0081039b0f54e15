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
    this.blockedWords = blockedWords.stream().map(NicknameRules::fold).filter(w -> !w.isEmpty()).toList();
  }

  /** The nickname as it will be shown, or a problem saying what is wrong with it. */
  public String check(String raw) {
    if (raw == null) {
      throw Problem.invalid("invalid_nickname", "Choose a nickname.");
    }
    String nickname = Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
    int length = nickname.codePointCount(0, nickname.length());
    if (length < 1 || length > MAX_LENGTH) {
      throw Problem.invalid("invalid_nickname", "A nickname is 1 to " + MAX_LENGTH + " characters.");
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
    if (badCharacter) {
      throw Problem.invalid("invalid_nickname", "A nickname cannot contain control or invisible characters.");
    }
    String folded = fold(nickname);
    for (String word : blockedWords) {
      if (folded.contains(word)) {
        throw Problem.invalid("nickname_not_allowed", "That nickname is not allowed here. Choose another.");
      }
    }
    return nickname;
  }

  /** The key under which nicknames must be unique: case and compatibility forms ignored. */
  static String uniquenessKey(String nickname) {
    return Normalizer.normalize(nickname, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
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
