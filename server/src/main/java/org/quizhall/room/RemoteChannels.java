package org.quizhall.room;

import io.vertx.core.Context;
import io.vertx.core.eventbus.EventBus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One room's channels to sockets on other nodes. What the room sends them during a burst of work on
 * its context is gathered per node and goes out as one event-bus message per node, each distinct
 * text once (a broadcast is one string for everyone), in the order it was sent.
 */
final class RemoteChannels {

  private final Context context;
  private final EventBus bus;
  private final Map<String, Remote> channels = new HashMap<>();
  private final Map<String, Batch> batches = new HashMap<>();
  private boolean flushScheduled;

  RemoteChannels(Context context, EventBus bus) {
    this.context = context;
    this.bus = bus;
  }

  /**
   * The one channel object for a connection, so the room can tell a player's current socket from an
   * old one.
   */
  Channel of(String node, String conn) {
    return channels.computeIfAbsent(node + "/" + conn, k -> new Remote(node, conn));
  }

  void forget(String node, String conn) {
    channels.remove(node + "/" + conn);
  }

  private static final class Batch {
    final List<String> texts = new ArrayList<>();
    final IdentityHashMap<String, Integer> index = new IdentityHashMap<>();
    final List<NodeMessages.Recipient> to = new ArrayList<>();
  }

  private Batch batch(String node) {
    Batch batch = batches.computeIfAbsent(node, n -> new Batch());
    if (!flushScheduled) {
      flushScheduled = true;
      context.runOnContext(v -> flush());
    }
    return batch;
  }

  private void flush() {
    flushScheduled = false;
    batches.forEach(
        (node, batch) ->
            bus.send(
                RoomBus.nodeAddress(node),
                NodeMessages.encode(new NodeMessages.Delivery(batch.texts, batch.to))));
    batches.clear();
  }

  private final class Remote implements Channel {
    final String node;
    final String conn;

    Remote(String node, String conn) {
      this.node = node;
      this.conn = conn;
    }

    @Override
    public void send(String text) {
      Batch batch = batch(node);
      Integer at = batch.index.get(text);
      if (at == null) {
        at = batch.texts.size();
        batch.texts.add(text);
        batch.index.put(text, at);
      }
      batch.to.add(new NodeMessages.Text(conn, at));
    }

    @Override
    public void close(int code, String reason) {
      batch(node).to.add(new NodeMessages.Close(conn, code, reason));
      forget(node, conn);
    }
  }
}
