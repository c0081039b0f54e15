package org.quizhall.app;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.ArrayList;
import java.util.List;

/**
 * Joins this node to a Quizhall cluster: Vert.x's clustered event bus over Hazelcast, members found
 * by TCP-IP from {@code QUIZHALL_CLUSTER_MEMBERS} only (multicast, auto-detection and phone-home
 * are off, so a node never joins a stranger's cluster or calls out).
 */
final class ClusterNode {

  /** Nodes of one Quizhall cluster share this name; Hazelcast ignores members under another. */
  static final String CLUSTER_NAME = "quizhall";

  private ClusterNode() {}

  /** The Hazelcast configuration for this node, starting from the one Vert.x ships (it declares the maps Vert.x needs). */
  static Config hazelcastConfig(QuizhallConfig.Cluster cluster) {
    Config config = ConfigUtil.loadConfig();
    config.setClusterName(CLUSTER_NAME);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    // Without these a node waits about 6 s before it decides whom it has joined.
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    config.setProperty("hazelcast.max.wait.seconds.before.join", "0");
    config.getNetworkConfig().setPort(cluster.port()).setPortAutoIncrement(false).setPublicAddress(cluster.host() + ":" + cluster.port());
    config.getNetworkConfig().getInterfaces().setEnabled(true).setInterfaces(List.of(cluster.host()));
    JoinConfig join = config.getNetworkConfig().getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    List<String> members = new ArrayList<>(cluster.members());
    members.add(cluster.host() + ":" + cluster.port());
    join.getTcpIpConfig().setEnabled(true).setMembers(members.stream().distinct().toList());
    return config;
  }

  /** A clustered Vert.x; blocks until this node has joined (or failed to). */
  static Vertx start(VertxBuilder builder, QuizhallConfig.Cluster cluster) {
    return builder
        .withClusterManager(new HazelcastClusterManager(hazelcastConfig(cluster)))
        .buildClustered()
        .await();
  }

  /** The event bus listens on the cluster host (any free port) and tells the other nodes that address. */
  static EventBusOptions eventBus(QuizhallConfig.Cluster cluster) {
    return new EventBusOptions().setHost(cluster.host()).setPort(0).setClusterPublicHost(cluster.host());
  }
}
