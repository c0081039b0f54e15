package org.quizhall.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quizhall.testing.Api;
import org.quizhall.testing.TestClock;
import org.quizhall.testing.TestDatabase;
import org.quizhall.testing.TestServer;

/** Two nodes clustered over Hazelcast on loopback, sharing one PostgreSQL. */
@ExtendWith(VertxExtension.class)
@DisplayName("Room codes across a cluster")
class ClusterCodesTest {

  @Test
  @DisplayName("each node knows which node owns every room the other opened")
  void uniqueAcrossNodes(Vertx vertx) throws Exception {
    DatabaseSettings database = TestDatabase.fresh();
    TestClock clock = new TestClock(Instant.parse("2026-11-02T10:00:00Z"));
    try (TestServer.TwoNodes nodes = TestServer.twoNodes(clock, database);
        Api apiA = new Api(vertx, nodes.a().httpPort());
        Api apiB = new Api(vertx, nodes.b().httpPort())) {
      Quizhall a = nodes.a();
      Quizhall b = nodes.b();
      String token = apiA.signUpAndIn("clustered", "two nodes one school");
      String deckId = apiA.firstDeckId(token);
      JsonObject request = new JsonObject().put("deckId", deckId).put("questionCount", 1);
      List<String> onA = new ArrayList<>();
      List<String> onB = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        onA.add(apiA.postJson("/api/rooms", request, token).bodyAsJsonObject().getString("code"));
        onB.add(apiB.postJson("/api/rooms", request, token).bodyAsJsonObject().getString("code"));
      }

      Set<String> all = new HashSet<>(onA);
      all.addAll(onB);
      assertThat(all).as("80 rooms, 80 codes").hasSize(80);
      for (String code : onA) {
        assertThat(b.rooms().owner(code).await()).isEqualTo(Optional.of(a.rooms().nodeId()));
      }
      for (String code : onB) {
        assertThat(a.rooms().owner(code).await()).isEqualTo(Optional.of(b.rooms().nodeId()));
      }
      assertThat(a.rooms().owner("ZZZZZZ").await()).isEmpty();
    }
  }
}
