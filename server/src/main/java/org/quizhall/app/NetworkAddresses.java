package org.quizhall.app;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The addresses phones on the same network can open this machine at: its private (site-local) IPv4
 * addresses, for join links when the host's browser is on localhost and no public URL is set. Read
 * once at start-up, since listing the interfaces asks the operating system and must not happen on
 * an event loop.
 */
final class NetworkAddresses {

  private static final Logger log = LoggerFactory.getLogger(NetworkAddresses.class);

  /**
   * Bridges and tunnels to containers and virtual machines: phones in the room are not behind
   * those.
   */
  private static final Pattern VIRTUAL =
      Pattern.compile("^(docker|br-|veth|virbr|vboxnet|vmnet|cni|podman|lxc|lxd).*");

  /** One address of one interface, as the operating system lists it. */
  record Candidate(
      String interfaceName, boolean up, boolean loopback, boolean virtual, InetAddress address) {}

  private NetworkAddresses() {}

  /**
   * The addresses a phone can reach Quizhall at when it listens on {@code httpHost}: every private
   * address of the machine for the wildcard, the address itself when it is a private one, none for
   * loopback or another address.
   */
  static List<String> reachableFrom(String httpHost) {
    if (!httpHost.equals("0.0.0.0") && !httpHost.equals("::") && !httpHost.equals("[::]")) {
      return isPrivateIpv4Literal(httpHost) ? List.of(httpHost) : List.of();
    }
    if (inContainer()) {
      // A container's own address (172.17.0.2) is on a bridge no phone is on; the host machine's is
      // unknown here.
      log.info(
          "Running in a container: set {} to the address phones open", QuizhallConfig.PUBLIC_URL);
      return List.of();
    }
    List<Candidate> candidates = new ArrayList<>();
    try {
      for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
        boolean up = nic.isUp();
        boolean loopback = nic.isLoopback();
        for (InetAddress address : nic.inetAddresses().toList()) {
          candidates.add(new Candidate(nic.getName(), up, loopback, nic.isVirtual(), address));
        }
      }
    } catch (SocketException e) {
      log.warn(
          "Cannot list this machine's network addresses ({}); join links follow the host's browser",
          e.getMessage());
      return List.of();
    }
    return choose(candidates);
  }

  /** Docker and Podman leave these files in every container they start. */
  private static boolean inContainer() {
    return java.nio.file.Files.exists(java.nio.file.Path.of("/.dockerenv"))
        || java.nio.file.Files.exists(java.nio.file.Path.of("/run/.containerenv"));
  }

  /**
   * Private IPv4 addresses of interfaces that are up and lead to a real network, home and office
   * ranges first.
   */
  static List<String> choose(List<Candidate> candidates) {
    return candidates.stream()
        .filter(
            c ->
                c.up()
                    && !c.loopback()
                    && !c.virtual()
                    && !VIRTUAL.matcher(c.interfaceName()).matches())
        .map(Candidate::address)
        .filter(a -> a instanceof Inet4Address && a.isSiteLocalAddress() && !a.isLinkLocalAddress())
        .sorted(Comparator.comparingInt(NetworkAddresses::preference))
        .map(InetAddress::getHostAddress)
        .distinct()
        .toList();
  }

  /**
   * 192.168/16 is what home and school Wi-Fi hands out; 10/8 and 172.16/12 are more often VPNs and
   * clouds.
   */
  private static int preference(InetAddress address) {
    int first = address.getAddress()[0] & 0xff;
    return first == 192 ? 0 : first == 10 ? 1 : 2;
  }

  private static boolean isPrivateIpv4Literal(String host) {
    if (!host.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      return false;
    }
    try {
      // A dotted literal is parsed, never looked up.
      return InetAddress.getByName(host).isSiteLocalAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }
}
