package org.quizhall.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quizhall.app.NetworkAddresses.Candidate;

@DisplayName("The addresses phones on the same network can open")
class NetworkAddressesTest {

  private static Candidate nic(String name, String address) throws Exception {
    return new Candidate(name, true, name.equals("lo"), false, InetAddress.getByName(address));
  }

  @Test
  @DisplayName("are this machine's private IPv4 addresses on real interfaces, Wi-Fi ranges first")
  void privateAddressesOfRealInterfaces() throws Exception {
    List<Candidate> machine =
        List.of(
            nic("lo", "127.0.0.1"),
            nic("lo", "::1"),
            nic("eth0", "10.0.0.5"),
            nic("docker0", "172.17.0.1"),
            nic("br-5f2a1c", "172.18.0.1"),
            nic("wlan0", "fe80::1c2b:3aff:fe4d:5e6f"),
            nic("wlan0", "192.168.1.20"),
            nic("eth1", "169.254.3.4"),
            nic("eth2", "192.0.2.2"),
            new Candidate("wlan1", false, false, false, InetAddress.getByName("192.168.7.7")),
            new Candidate("eth0:1", true, false, true, InetAddress.getByName("192.168.9.9")));

    assertThat(NetworkAddresses.choose(machine)).containsExactly("192.168.1.20", "10.0.0.5");
  }

  @Test
  @DisplayName(
      "are none when Quizhall listens on loopback, and the one address it listens on when that is private")
  void followTheListeningAddress() {
    assertThat(NetworkAddresses.reachableFrom("127.0.0.1")).isEmpty();
    assertThat(NetworkAddresses.reachableFrom("192.168.1.20")).containsExactly("192.168.1.20");
    assertThat(NetworkAddresses.reachableFrom("203.0.113.9")).isEmpty();
  }
}
