package org.quizhall.http;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import io.vertx.core.http.HttpServerRequest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The address a request comes from, for the per-address limits (failed joins, sign-ins, sign-ups).
 * Behind a reverse proxy every connection comes from the proxy, so one noisy client would lock out
 * the whole school: when the connection comes from a configured trusted proxy, the client is the
 * right-most {@code X-Forwarded-For} entry that is not itself a trusted proxy. Nobody else's {@code
 * X-Forwarded-For} is believed, so a client cannot pick its own address to dodge a limit.
 */
public final class ClientAddress {

  private final List<IpSubnetFilterRule> trusted;

  private ClientAddress(List<IpSubnetFilterRule> trusted) {
    this.trusted = trusted;
  }

  /** Trusts nobody's {@code X-Forwarded-For}: the connection's own address is the client. */
  public static ClientAddress direct() {
    return new ClientAddress(List.of());
  }

  /**
   * Trusts the listed proxies: addresses ({@code 10.0.0.5}, {@code ::1}) or networks in CIDR form
   * ({@code 10.0.0.0/8}). Anything else is refused with a message naming it.
   */
  public static ClientAddress trusting(List<String> proxies) {
    List<IpSubnetFilterRule> rules = new ArrayList<>();
    for (String proxy : proxies) {
      String entry = proxy.strip();
      int slash = entry.indexOf('/');
      String host = slash < 0 ? entry : entry.substring(0, slash);
      InetAddress address = literal(host);
      if (address == null) {
        throw new IllegalArgumentException("not an IP address or CIDR network: " + entry);
      }
      int bits = address.getAddress().length * 8;
      int prefix;
      try {
        prefix = slash < 0 ? bits : Integer.parseInt(entry.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not an IP address or CIDR network: " + entry);
      }
      if (prefix < 0 || prefix > bits) {
        throw new IllegalArgumentException("network prefix out of range in " + entry);
      }
      rules.add(new IpSubnetFilterRule(address, prefix, IpFilterRuleType.ACCEPT));
    }
    return new ClientAddress(List.copyOf(rules));
  }

  /** The client's address as text ({@code unknown} when the connection has none). */
  /**
   * Whether the connection comes straight from a trusted proxy, whose forwarded headers may be
   * believed.
   */
  public boolean fromTrustedProxy(HttpServerRequest request) {
    if (trusted.isEmpty()
        || request.remoteAddress() == null
        || request.remoteAddress().hostAddress() == null) {
      return false;
    }
    InetAddress peer = literal(request.remoteAddress().hostAddress());
    return peer != null && isTrusted(peer);
  }

  public String of(HttpServerRequest request) {
    if (request.remoteAddress() == null || request.remoteAddress().hostAddress() == null) {
      return "unknown";
    }
    String peer = request.remoteAddress().hostAddress();
    InetAddress peerAddress = literal(peer);
    if (trusted.isEmpty() || peerAddress == null || !isTrusted(peerAddress)) {
      return peer;
    }
    List<String> forwarded = request.headers().getAll("X-Forwarded-For");
    List<String> hops = new ArrayList<>();
    for (String header : forwarded) {
      for (String hop : header.split(",")) {
        hops.add(hop.strip());
      }
    }
    String client = peer;
    for (int i = hops.size() - 1; i >= 0; i--) {
      InetAddress hop = literal(hops.get(i));
      if (hop == null) {
        // A hop we cannot read: stop at the last one we could trust.
        return client;
      }
      client = hop.getHostAddress();
      if (!isTrusted(hop)) {
        return client;
      }
    }
    return client;
  }

  private boolean isTrusted(InetAddress address) {
    InetSocketAddress socket = new InetSocketAddress(address, 0);
    for (IpSubnetFilterRule rule : trusted) {
      if (rule.matches(socket)) {
        return true;
      }
    }
    return false;
  }

  /** An IP literal as an address, without any name look-up; null for anything else. */
  private static InetAddress literal(String text) {
    String bare =
        text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
    byte[] bytes = NetUtil.createByteArrayFromIpAddressString(bare);
    if (bytes == null) {
      return null;
    }
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
