package org.quizhall.deck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.quizhall.problem.Problem;

@DisplayName("Multiple response, ordering and matching questions")
class AnswerTypesTest {

  private static final Source SOURCE =
      new Source(4, "Making a change", List.of("Git", "Making a change"));

  private static Question chooseTwo() {
    return new Question(
        "mr1",
        QuestionType.MULTIPLE_RESPONSE,
        "list_members",
        "Which two of these are supported languages? (Choose two.)",
        List.of("Go", "Kinesis", "Python", "Redshift", "SQS"),
        -1,
        List.of(),
        "Languages: Go; Python",
        SOURCE,
        "Git",
        List.of(0, 2),
        List.of());
  }

  private static Question steps(String id) {
    return new Question(
        id,
        QuestionType.ORDERING,
        "ordering",
        "Put the steps in order, first to last.",
        List.of("Create a branch", "Edit the files", "Stage the changes", "Commit"),
        -1,
        List.of(),
        "Create → Edit → Stage → Commit",
        SOURCE,
        "Git",
        List.of(),
        List.of());
  }

  private static Question pairs() {
    return new Question(
        "m1",
        QuestionType.MATCHING,
        "matching",
        "Match each term with its definition.",
        List.of("Atom", "Ion", "Isotope"),
        -1,
        List.of(),
        "Atom: smallest unit; Ion: charged; Isotope: other neutron count",
        SOURCE,
        "Chemistry",
        List.of(),
        List.of(
            "The smallest unit of an element",
            "A charged atom",
            "Same element, other neutron count"));
  }

  /** The player's answer that puts every served entry where it belongs. */
  private static List<Integer> rightChoices(Question q) {
    List<String> served = q.servedTexts();
    List<String> truth = q.type() == QuestionType.ORDERING ? q.options() : q.matches();
    List<Integer> choices = new ArrayList<>();
    for (String t : truth) {
      choices.add(served.indexOf(t));
    }
    return choices;
  }

  @Nested
  @DisplayName("choose two")
  class ChooseTwo {
    @Test
    @DisplayName("is right only with both right options, and gives partial credit for one")
    void scoring() {
      Question q = chooseTwo();
      assertThat(Judge.correct(q, Response.choices(List.of(2, 0)))).isTrue();
      assertThat(Judge.credit(q, Response.choices(List.of(0, 1)))).isEqualTo(0.5);
      assertThat(Judge.correct(q, Response.choices(List.of(0, 1)))).isFalse();
      assertThat(Judge.credit(q, Response.choices(List.of(1, 3)))).isZero();
      assertThat(QuestionJson.askable(q).getInteger("choose")).isEqualTo(2);
    }

    @Test
    @DisplayName(
        "refuses the wrong number of picks, repeats, indices out of range and a single choice")
    void refused() {
      Question q = chooseTwo();
      assertThatThrownBy(() -> Judge.credit(q, Response.choices(List.of(0))))
          .isInstanceOf(Problem.class)
          .hasMessageContaining("exactly 2");
      assertThatThrownBy(() -> Judge.credit(q, Response.choices(List.of(0, 0))))
          .isInstanceOf(Problem.class)
          .hasMessageContaining("repeat");
      assertThatThrownBy(() -> Judge.credit(q, Response.choices(List.of(0, 9))))
          .isInstanceOf(Problem.class)
          .hasMessageContaining("between 0 and 4");
      assertThatThrownBy(() -> Judge.credit(q, Response.choice(0)))
          .isInstanceOf(Problem.class)
          .hasMessageContaining("choices");
    }
  }

  @Nested
  @DisplayName("ordering")
  class Ordering {
    @Test
    @DisplayName("is served shuffled, never already in order, and the same way every time")
    void served() {
      for (int i = 0; i < 200; i++) {
        Question q = steps("o" + i);
        assertThat(q.servedTexts())
            .containsExactlyInAnyOrderElementsOf(q.options())
            .isNotEqualTo(q.options())
            .isEqualTo(steps("o" + i).servedTexts());
      }
    }

    @Test
    @DisplayName(
        "is served in an order drawn when the deck is made, which no reader of the question can work out")
    void secretOrder() {
      String notes = org.quizhall.notes.SampleNotes.read("/notes/git-workflow.md");
      java.util.Set<List<Integer>> orders = new java.util.HashSet<>();
      for (int i = 0; i < 3; i++) {
        Question q =
            DeckGenerator.generate(org.quizhall.notes.NotesImporter.parse(notes), 7L)
                .questions()
                .stream()
                .filter(x -> x.type() == QuestionType.ORDERING)
                .findFirst()
                .orElseThrow();
        orders.add(q.served());
        assertThat(QuestionJson.withoutKey(q).containsKey("shuffle")).isFalse();
        assertThat(QuestionJson.askable(q).containsKey("shuffle")).isFalse();
        assertThat(QuestionJson.fromJson(QuestionJson.toJson(q)).served())
            .as("kept with the key")
            .isEqualTo(q.served());
      }
      assertThat(orders)
          .as("the same notes and seed, three imports, not three times the same order")
          .hasSizeGreaterThan(1);
    }

    @Test
    @DisplayName("is right only in the right order, with credit for each item in its place")
    void scoring() {
      Question q = steps("o1");
      List<Integer> right = rightChoices(q);
      assertThat(Judge.correct(q, Response.choices(right))).isTrue();
      assertThat(QuestionJson.key(q).getJsonArray("correct").getList()).isEqualTo(right);
      List<Integer> twoSwapped = new ArrayList<>(right);
      twoSwapped.set(0, right.get(1));
      twoSwapped.set(1, right.get(0));
      assertThat(Judge.correct(q, Response.choices(twoSwapped))).isFalse();
      assertThat(Judge.credit(q, Response.choices(twoSwapped))).isEqualTo(0.5);
      assertThatThrownBy(() -> Judge.credit(q, Response.choices(right.subList(0, 3))))
          .isInstanceOf(Problem.class)
          .hasMessageContaining("all 4 items");
    }

    @Test
    @DisplayName("shows players the items and not their order")
    void noKeyBeforeTheAnswer() {
      Question q = steps("o2");
      JsonObject shown = QuestionJson.withoutKey(q);
      assertThat(shown.getJsonArray("items").getList()).isEqualTo(q.servedTexts());
      assertThat(shown.containsKey("correct")).isFalse();
      assertThat(shown.containsKey("explanation")).isFalse();
    }
  }

  @Nested
  @DisplayName("matching")
  class Matching {
    @Test
    @DisplayName("takes each term's match, with credit per pair")
    void scoring() {
      Question q = pairs();
      List<Integer> right = rightChoices(q);
      assertThat(Judge.correct(q, Response.choices(right))).isTrue();
      List<Integer> rotated = List.of(right.get(1), right.get(2), right.get(0));
      assertThat(Judge.credit(q, Response.choices(rotated))).isZero();
      assertThat(QuestionJson.askable(q).getJsonArray("left").getList()).isEqualTo(q.options());
      assertThat(QuestionJson.askable(q).getJsonArray("right").getList())
          .containsExactlyInAnyOrderElementsOf(q.matches());
      assertThat(q.answer()).contains("Atom → The smallest unit of an element");
    }
  }

  @Test
  @DisplayName("keep their shape through the JSON kept in the database")
  void roundTrip() {
    for (Question q : List.of(chooseTwo(), steps("o3"), pairs())) {
      JsonObject json = QuestionJson.toJson(q);
      Question back = QuestionJson.fromJson(new JsonObject(json.encode()));
      assertThat(QuestionJson.toJson(back)).isEqualTo(json);
      assertThat(back.served()).isEqualTo(q.served());
      assertThat(QuestionRules.defects(q)).isEmpty();
    }
    assertThat(QuestionJson.toJson(pairs()).getJsonArray("pairs").getJsonObject(1))
        .isEqualTo(new JsonObject().put("left", "Ion").put("right", "A charged atom"));
    assertThat(QuestionJson.toJson(chooseTwo()).getJsonArray("correct"))
        .isEqualTo(new JsonArray(List.of(0, 2)));
  }

  @Test
  @DisplayName("a list answer is read from JSON and refused when it is not a list of whole numbers")
  void responseFromJson() {
    assertThat(
            Response.from(new JsonObject().put("choices", new JsonArray(List.of(2, 0)))).choices())
        .containsExactly(2, 0);
    assertThatThrownBy(() -> Response.from(new JsonObject().put("choices", "0,1")))
        .isInstanceOf(Problem.class);
    assertThatThrownBy(
            () -> Response.from(new JsonObject().put("choices", new JsonArray(List.of(1.5)))))
        .isInstanceOf(Problem.class);
    JsonArray many = new JsonArray();
    for (int i = 0; i < 13; i++) {
      many.add(i);
    }
    assertThatThrownBy(() -> Response.from(new JsonObject().put("choices", many)))
        .isInstanceOf(Problem.class);
  }
}
