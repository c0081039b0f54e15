package org.quizhall.deck;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.quizhall.notes.SampleNotes;

/**
 * Renders a 40-question round from the sample notes as text. {@link SampleSnapshotTest} compares it with the
 * reviewed file; run this main to print a fresh rendering for review after a deliberate generator change.
 */
public final class SampleSnapshot {

    static final int SIZE = 40;
    static final long DECK_SEED = 2024L;
    static final long ROUND_SEED = 7L;

    private SampleSnapshot() {
    }

    static String render() {
        GeneratedDeck deck = DeckGenerator.generate(SampleNotes.aws(), DECK_SEED);
        List<Question> round = RoundAssembler.assemble(deck.questions(), SIZE, Set.of(), ROUND_SEED);
        StringBuilder out = new StringBuilder();
        int n = 1;
        for (Question q : round) {
            out.append(String.format("%d. %s (%s) id=%s line %d [%s]%n", n++, q.kind(), q.type().jsonName(),
                    q.id(), q.source().line(), String.join(" › ", q.source().path())));
            out.append("   Q: ").append(q.prompt()).append('\n');
            for (int i = 0; i < q.options().size(); i++) {
                out.append(i == q.correct() ? "   * " : "   - ").append(q.options().get(i)).append('\n');
            }
            if (!q.accepted().isEmpty()) {
                out.append("   = ").append(String.join(" | ", q.accepted())).append('\n');
            }
            out.append("   Why: ").append(q.explanation()).append('\n');
        }
        return out.toString();
    }

    public static void main(String[] args) throws Exception {
        String text = render();
        if (args.length > 0) {
            Files.writeString(Path.of(args[0]), text, StandardCharsets.UTF_8);
        } else {
            System.out.print(text);
        }
    }
}
