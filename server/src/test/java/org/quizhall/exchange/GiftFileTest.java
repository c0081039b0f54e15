package org.quizhall.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quizhall.deck.DeckQuestion;
import org.quizhall.deck.Question;
import org.quizhall.deck.QuestionType;
import org.quizhall.deck.Source;

@DisplayName(
    "Moodle GIFT export: each question type as Moodle reads it, special characters escaped")
class GiftFileTest {

  private static final Source HAND = new Source(0, "", List.of());

  private static Question question(
      QuestionType type,
      String prompt,
      List<String> options,
      int correct,
      List<String> accepted,
      String explanation,
      List<Integer> keys,
      List<String> matches) {
    return new Question(
        "q-" + type.jsonName(),
        type,
        "own",
        prompt,
        options,
        correct,
        accepted,
        explanation,
        HAND,
        "Photosynthesis",
        keys,
        matches,
        List.of());
  }

  private static final Question CHOICE =
      question(
          QuestionType.MULTIPLE_CHOICE,
          "Which gas do plants take in: O₂ or {CO₂}?",
          List.of("Oxygen = O₂", "Carbon dioxide ~ CO₂", "Nitrogen #7"),
          1,
          List.of(),
          "Plants take in CO₂: see p. 3\nand p. 4",
          List.of(),
          List.of());
  private static final Question TYPED =
      question(
          QuestionType.TYPED,
          "Where is C:\\temp?",
          List.of(),
          -1,
          List.of("C:\\temp", "temp"),
          "",
          List.of(),
          List.of());
  private static final Question TRUE =
      question(
          QuestionType.TRUE_FALSE,
          "True or false? 2 + 2 = 4.",
          List.of("True", "False"),
          0,
          List.of(),
          "Arithmetic.",
          List.of(),
          List.of());
  private static final Question FALSE =
      question(
          QuestionType.TRUE_FALSE,
          "True or false? The sun is cold.",
          List.of("True", "False"),
          1,
          List.of(),
          "",
          List.of(),
          List.of());
  private static final Question CHOOSE_THREE =
      question(
          QuestionType.MULTIPLE_RESPONSE,
          "Which of these are gases? (Choose three.)",
          List.of("Oxygen", "Iron", "Neon", "Argon"),
          -1,
          List.of(),
          "",
          List.of(0, 2, 3),
          List.of());
  private static final Question MATCHING =
      question(
          QuestionType.MATCHING,
          "Match each term with its role.",
          List.of("ATP", "DNA -> RNA", "Enzyme"),
          -1,
          List.of(),
          "",
          List.of(),
          List.of("energy", "transcription", "catalyst: speeds reactions"));
  private static final Question ORDERING =
      question(
          QuestionType.ORDERING,
          "Put the steps in order.",
          List.of("Build", "Train", "Deploy"),
          -1,
          List.of(),
          "Build, then train, then deploy.",
          List.of(),
          List.of());

  @Test
  @DisplayName(
      "multiple choice: =right ~wrong, one a line, ~ = # { } : escaped, a line break as \\n in the feedback")
  void multipleChoice() {
    assertThat(GiftFile.question(CHOICE))
        .isEqualTo(
            """
        ::Which gas do plants take in\\: O₂ or \\{CO₂\\}?::[plain]Which gas do plants take in\\: O₂ or \\{CO₂\\}? {
        \t~Oxygen \\= O₂
        \t=Carbon dioxide \\~ CO₂
        \t~Nitrogen \\#7
        \t####Plants take in CO₂\\: see p. 3\\nand p. 4
        }
        """);
  }

  @Test
  @DisplayName("typed: a short answer of every accepted answer, a backslash escaped as \\\\")
  void typed() {
    assertThat(GiftFile.question(TYPED))
        .isEqualTo(
            """
        ::Where is C\\:\\\\temp?::[plain]Where is C\\:\\\\temp? {
        \t=C\\:\\\\temp
        \t=temp
        }
        """);
  }

  @Test
  @DisplayName("true/false: {T} or {F}, the explanation after ####")
  void trueFalse() {
    assertThat(GiftFile.question(TRUE))
        .isEqualTo(
            "::True or false? 2 + 2 \\= 4.::[plain]True or false? 2 + 2 \\= 4. {T####Arithmetic.}\n");
    assertThat(GiftFile.question(FALSE))
        .isEqualTo(
            "::True or false? The sun is cold.::[plain]True or false? The sun is cold. {F}\n");
  }

  @Test
  @DisplayName("multiple response: each right option an equal share of 100%, each wrong one -100%")
  void multipleResponse() {
    assertThat(GiftFile.question(CHOOSE_THREE))
        .isEqualTo(
            """
        ::Which of these are gases? (Choose three.)::[plain]Which of these are gases? (Choose three.) {
        \t~%33.33333%Oxygen
        \t~%-100%Iron
        \t~%33.33333%Neon
        \t~%33.33333%Argon
        }
        """);
    assertThat(List.of(2, 3, 4, 5, 6, 7).stream().map(GiftFile::weight).toList())
        .containsExactly("50", "33.33333", "25", "20", "16.66667", "14.28571");
    for (int right = 2; right <= 7; right++) {
      BigDecimal sum = new BigDecimal(GiftFile.weight(right)).multiply(new BigDecimal(right));
      assertThat(sum.doubleValue())
          .as("%d right options add up to 100%% as Moodle rounds", right)
          .isCloseTo(100.0, org.assertj.core.data.Offset.offset(0.001));
    }
  }

  @Test
  @DisplayName(
      "matching: =term -> match; a \"->\" in a term, which Moodle would split at, shows as →")
  void matching() {
    assertThat(GiftFile.question(MATCHING))
        .isEqualTo(
            """
        ::Match each term with its role.::[plain]Match each term with its role. {
        \t=ATP -> energy
        \t=DNA → RNA -> transcription
        \t=Enzyme -> catalyst\\: speeds reactions
        }
        """);
  }

  @Test
  @DisplayName(
      "ordering: no GIFT type, so a matching of places to items, with a comment that says so")
  void ordering() {
    assertThat(GiftFile.question(ORDERING))
        .isEqualTo(
            """
        // Ordering: GIFT has no ordering type, so each place is matched with the item that belongs there
        ::Put the steps in order.::[plain]Put the steps in order. {
        \t=1 -> Build
        \t=2 -> Train
        \t=3 -> Deploy
        \t####Build, then train, then deploy.
        }
        """);
  }

  @Test
  @DisplayName("a long prompt names its question by its start, cut at a word")
  void longTitle() {
    Question q =
        question(
            QuestionType.TYPED,
            "Which organelle of a plant cell turns the light of the sun into the sugar the plant lives on?",
            List.of(),
            -1,
            List.of("Chloroplast"),
            "",
            List.of(),
            List.of());
    assertThat(GiftFile.question(q))
        .startsWith("::Which organelle of a plant cell turns the light of the sun…::[plain]");
  }

  @Test
  @DisplayName(
      "the file: topics as categories under the deck, a / in a name doubled, hidden questions counted and left out")
  void wholeFile() {
    DeckQuestion shown =
        new DeckQuestion(TRUE, DeckQuestion.Origin.ADDED, false, null, null, null, null);
    DeckQuestion hidden =
        new DeckQuestion(FALSE, DeckQuestion.Origin.ADDED, true, null, null, null, null);
    Question other =
        new Question(
            "q-other",
            QuestionType.TRUE_FALSE,
            "own",
            "True or false? Cells divide.",
            List.of("True", "False"),
            0,
            List.of(),
            "",
            HAND,
            "Cell/division");
    DeckQuestion second =
        new DeckQuestion(other, DeckQuestion.Origin.ADDED, false, null, null, null, null);

    String file = GiftFile.write("Bio/Chem 101", List.of(shown, hidden, second));

    assertThat(file)
        .isEqualTo(
            """
        // Bio/Chem 101: 2 questions from Quizhall
        // 1 question hidden or waiting for review is left out

        $CATEGORY: Bio//Chem 101/Photosynthesis

        ::True or false? 2 + 2 \\= 4.::[plain]True or false? 2 + 2 \\= 4. {T####Arithmetic.}

        $CATEGORY: Bio//Chem 101/Cell//division

        ::True or false? Cells divide.::[plain]True or false? Cells divide. {T}
        """);
  }

  @Test
  @DisplayName(
      "read back as Moodle reads GIFT, every question has its own type, text, answers and feedback")
  void readsBackAsWritten() {
    for (Question q : List.of(CHOICE, TYPED, TRUE, FALSE, CHOOSE_THREE, MATCHING, ORDERING)) {
      Read read = MoodleReading.read(GiftFile.question(q));
      assertThat(read.name()).as(q.type() + " name").isEqualTo(q.prompt());
      assertThat(read.text()).as(q.type() + " text").isEqualTo(q.prompt());
      assertThat(read.feedback()).as(q.type() + " feedback").isEqualTo(q.explanation());
      List<String> expected =
          switch (q.type()) {
            case MULTIPLE_CHOICE -> marked(q.options(), i -> i == q.correct() ? "=" : "~");
            case MULTIPLE_RESPONSE -> marked(q.options(), i -> q.keys().contains(i) ? "+" : "-");
            case TRUE_FALSE -> List.of(q.correct() == 0 ? "T" : "F");
            case TYPED -> marked(q.accepted(), i -> "=");
            case MATCHING ->
                pairs(q.options().stream().map(t -> t.replace("->", "→")).toList(), q.matches());
            case ORDERING -> pairs(List.of("1", "2", "3"), q.options());
          };
      assertThat(read.answers()).as(q.type() + " answers").isEqualTo(expected);
    }
  }

  private static List<String> marked(
      List<String> texts, java.util.function.IntFunction<String> mark) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      out.add(mark.apply(i) + texts.get(i));
    }
    return out;
  }

  private static List<String> pairs(List<String> left, List<String> right) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < left.size(); i++) {
      out.add(left.get(i) + " -> " + right.get(i));
    }
    return out;
  }

  /** A question as read back: name, text, answers (each with its mark), general feedback. */
  record Read(String name, String text, List<String> answers, String feedback) {}

  /**
   * The steps Moodle's GIFT import (question/format/gift/format.php) takes, for the types Quizhall
   * writes: comment lines dropped, escapes swapped for placeholders, the name between "::", the
   * answers between the first "{" and "}", the general feedback after the last "####", then each
   * type's answers split and the placeholders put back.
   */
  static final class MoodleReading {
    private static final String[][] ESCAPES = {
      {"\\:", "&&058;", ":"},
      {"\\#", "&&035;", "#"},
      {"\\=", "&&061;", "="},
      {"\\{", "&&123;", "{"},
      {"\\}", "&&125;", "}"},
      {"\\~", "&&126;", "~"},
      {"\\n", "&&010", "\n"}
    };
    private static final Pattern WEIGHT = Pattern.compile("^%(-?[0-9]{1,3}(\\.[0-9]*)?)%");

    static Read read(String chunk) {
      StringBuilder kept = new StringBuilder();
      for (String line : chunk.split("\n")) {
        if (!line.strip().startsWith("//")) {
          kept.append(line).append('\n');
        }
      }
      String text = kept.toString().strip().replace("\\\\", "&&092;");
      for (String[] e : ESCAPES) {
        text = text.replace(e[0], e[1]);
      }
      text = text.replace("&&092;", "\\");
      assertThat(text).startsWith("::");
      text = text.substring(2);
      int nameEnd = text.indexOf("::");
      String name = post(text.substring(0, nameEnd));
      text = text.substring(nameEnd + 2).strip();
      int start = text.indexOf('{');
      int end = text.indexOf('}');
      assertThat(end)
          .as("the answers end the question: nothing unescaped closes them early")
          .isEqualTo(text.length() - 1);
      String answers = text.substring(start + 1, end).strip();
      String feedback = "";
      int gf = answers.lastIndexOf("####");
      if (gf >= 0) {
        feedback = post(answers.substring(gf + 4)).strip();
        answers = answers.substring(0, gf).strip();
      }
      String questionText = text.substring(0, start).strip();
      assertThat(questionText).startsWith("[plain]");
      questionText = post(questionText.substring("[plain]".length())).strip();
      List<String> out = new ArrayList<>();
      if (answers.contains("~")) {
        for (String a : answers.replace("=", "~=").split("~")) {
          a = a.strip();
          if (a.isEmpty()) {
            continue;
          }
          Matcher w = WEIGHT.matcher(a);
          if (a.startsWith("=")) {
            out.add("=" + post(a.substring(1)).strip());
          } else if (w.find()) {
            out.add(
                (Double.parseDouble(w.group(1)) > 0 ? "+" : "-")
                    + post(a.substring(w.end())).strip());
          } else {
            out.add("~" + post(a).strip());
          }
        }
      } else if (answers.contains("=") && answers.contains("->")) {
        for (String a : answers.split("=")) {
          a = a.strip();
          if (!a.isEmpty()) {
            int arrow = a.indexOf("->");
            out.add(
                post(a.substring(0, arrow)).strip()
                    + " -> "
                    + post(a.substring(arrow + 2)).strip());
          }
        }
      } else if (List.of("T", "F", "TRUE", "FALSE").contains(answers)) {
        out.add(answers.substring(0, 1));
      } else {
        for (String a : answers.split("=")) {
          if (!a.strip().isEmpty()) {
            out.add("=" + post(a).strip());
          }
        }
      }
      return new Read(name, questionText, out, feedback);
    }

    private static String post(String text) {
      String out = text;
      for (String[] e : ESCAPES) {
        out = out.replace(e[1], e[2]);
      }
      return out;
    }
  }
}
