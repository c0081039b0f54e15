package org.quizhall.app;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
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

  /** The member attribute under which Vert.x's Hazelcast cluster manager keeps its node id. */
  static final String VERTX_NODE_ID = "__vertx.nodeId";

  private ClusterNode() {}

  /**
   * The Hazelcast configuration for this node, starting from the one Vert.x ships (it declares the
   * maps Vert.x needs).
   */
  static Config hazelcastConfig(QuizhallConfig.Cluster cluster) {
    Config config = ConfigUtil.loadConfig();
    config.setClusterName(CLUSTER_NAME);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    // Rate-limit buckets shared by the nodes; one left untouched this long is full again, so it may
    // go.
    config
        .getMapConfig(org.quizhall.limits.RateLimits.MAP)
        .setMaxIdleSeconds((int) org.quizhall.limits.RateLimits.IDLE.toSeconds());
    config.setProperty("hazelcast.logging.type", "slf4j");
    // Without these a node waits about 6 s before it decides whom it has joined.
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    config.setProperty("hazelcast.max.wait.seconds.before.join", "0");
    // A node that stops answering (killed, unplugged) is declared gone after 5 s, so its rooms move
    // on well within the 10 s a room may be away; a node that stops cleanly leaves at once.
    config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    config.setProperty("hazelcast.max.no.heartbeat.seconds", "5");
    // Hazelcast matches interfaces by address, so a host name (node-a in docker-compose) is
    // resolved first.
    String address = address(cluster.host());
    config
        .getNetworkConfig()
        .setPort(cluster.port())
        .setPortAutoIncrement(false)
        .setPublicAddress(address + ":" + cluster.port());
    config.getNetworkConfig().getInterfaces().setEnabled(true).setInterfaces(List.of(address));
    JoinConfig join = config.getNetworkConfig().getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    List<String> members = new ArrayList<>(cluster.members());
    members.add(cluster.host() + ":" + cluster.port());
    join.getTcpIpConfig().setEnabled(true).setMembers(members.stream().distinct().toList());
    return config;
  }

  /** The cluster manager for this node; Vert.x starts it when it builds the clustered instance. */
  static HazelcastClusterManager manager(QuizhallConfig.Cluster cluster) {
    return new HazelcastClusterManager(hazelcastConfig(cluster));
  }

  /**
   * Calls {@code left} with the id of every node that leaves the cluster (stopped or lost), on a
   * Hazelcast thread.
   */
  static void onNodeLeft(
      HazelcastClusterManager manager, java.util.function.Consumer<String> left) {
    manager
        .getHazelcastInstance()
        .getCluster()
        .addMembershipListener(
            new com.hazelcast.cluster.MembershipListener() {
              @Override
              public void memberAdded(com.hazelcast.cluster.MembershipEvent event) {}

              @Override
              public void memberRemoved(com.hazelcast.cluster.MembershipEvent event) {
                try {
                  // Vert.x names a node by its own id, kept as a member attribute, not by
                  // Hazelcast's member id.
                  String node = event.getMember().getAttribute(VERTX_NODE_ID);
                  left.accept(node != null ? node : event.getMember().getUuid().toString());
                } catch (RuntimeException e) {
                  org.slf4j.LoggerFactory.getLogger(ClusterNode.class)
                      .error("Could not act on a node leaving", e);
                }
              }
            });
  }

  /**
   * The event bus listens on the cluster host (any free port) and tells the other nodes that
   * address.
   */
  static EventBusOptions eventBus(QuizhallConfig.Cluster cluster) {
    String address = address(cluster.host());
    return new EventBusOptions().setHost(address).setPort(0).setClusterPublicHost(address);
  }

  /** The IP address of a host name (or the address itself); at start-up, on the main thread. */
  static String address(String host) {
    try {
      return java.net.InetAddress.getByName(host).getHostAddress();
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(
          QuizhallConfig.CLUSTER_HOST + " '" + host + "' does not resolve to an address");
    }
  }
}
