package io.fedp2p.gossip.multiaddr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedp2p.gossip.fault.PeerFault;
import io.fedp2p.gossip.identity.PeerId;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Vectors from LIBP2P.md §2.3 (go-multiaddr, multiaddr.feature, js-multiaddr output). */
class MultiaddrTest {
    private static final HexFormat HEX = HexFormat.of();

    @ParameterizedTest
    @CsvSource({
        "/ip4/127.0.0.1/udp/1234,047f000001910204d2",
        "/ip4/127.0.0.1/tcp/4321,047f0000010610e1",
        "/ip4/127.0.0.1/udp/1234/ip4/127.0.0.1/tcp/4321,047f000001910204d2047f0000010610e1",
        "/ip4/192.0.2.42/tcp/443,04c000022a0601bb",
        "/ip6/2001:8a0:7ac5:4201:3ac9:86ff:fe31:7095,29200108a07ac542013ac986fffe317095",
        "/ip6/::1/tcp/4001,2900000000000000000000000000000001060fa1",
        "/dns4/localhost/tcp/4001,36096c6f63616c686f7374060fa1",
        "/p2p/QmcgpsyWgH8Y8ajJz1Cu72KnS5uo2Aa2LpzU7kinSupNKC,"
                + "a503221220d52ebb89d85b02a284948203a62ff28389c57c9f42beec4ec20db76a68911c0b",
        "/ip4/127.0.0.1/tcp/4001/p2p/12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA,"
                + "047f000001060fa1a503260024080112202ffa35a99d3a3cfbb17bb7c1dc5561b18a8dcca4df38dc613ea859c37eb1336b"
    })
    void convertsTextAndBinaryBothWays(String text, String hex) {
        Multiaddr m = Multiaddr.parse(text);

        assertThat(HEX.formatHex(m.toBytes())).isEqualTo(hex);
        assertThat(Multiaddr.fromBytes(HEX.parseHex(hex))).hasToString(text).isEqualTo(m);
    }

    @Test
    void acceptsCidPeerIdsAndTheIpfsAliasButPrintsBase58P2p() {
        Multiaddr m = Multiaddr.parse("/p2p/bafzaajaiaejcalj543iwv2d7pkjt7ykvefrkfu7qjfi6sduakhso4lay6abn2d5u");
        Multiaddr alias = Multiaddr.parse("/ipfs/12D3KooWCryG7Mon9orvQxcS1rYZjotPgpwoJNHHKcLLfE4Hf5mV");

        assertThat(HEX.formatHex(m.toBytes()))
                .isEqualTo("a503260024080112202d3de6d16ae87f7a933fe1552162a2d3f04951e90e8051e4ee2c18f002dd0fb4");
        assertThat(m)
                .hasToString("/p2p/12D3KooWCryG7Mon9orvQxcS1rYZjotPgpwoJNHHKcLLfE4Hf5mV")
                .isEqualTo(alias);
    }

    @Test
    void printsIp6InTheCompressedLowerCaseForm() {
        assertThat(Multiaddr.parse("/ip6/0:0:0:0:0:0:0:1/tcp/1")).hasToString("/ip6/::1/tcp/1");
        assertThat(Multiaddr.parse("/ip6/2001:DB8:0:0:1:0:0:1/tcp/1")).hasToString("/ip6/2001:db8::1:0:0:1/tcp/1");
        assertThat(Multiaddr.parse("/ip6/::ffff:127.0.0.1/tcp/1")).hasToString("/ip6/::ffff:7f00:1/tcp/1");
    }

    @Test
    void extractsPeerIdAndTcpEndpoint() {
        Multiaddr m =
                Multiaddr.parse("/dns4/example.org/tcp/4001/p2p/12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA");

        assertThat(m.peerId()).contains(PeerId.parse("12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA"));
        assertThat(m.tcpEndpoint()).isEqualTo(new TcpEndpoint(Protocol.DNS4, "example.org", 4001));
        assertThat(m.withoutPeerId()).hasToString("/dns4/example.org/tcp/4001");
        assertThatThrownBy(() -> Multiaddr.parse("/ip4/1.2.3.4/udp/1").tcpEndpoint())
                .hasMessageContaining("not a dialable TCP multiaddr");
    }

    @Test
    void buildsFromSocketAddresses() throws Exception {
        assertThat(Multiaddr.fromSocketAddress(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 80)))
                .hasToString("/ip4/127.0.0.1/tcp/80");
        assertThat(Multiaddr.fromSocketAddress(new InetSocketAddress(InetAddress.getByName("::1"), 80)))
                .hasToString("/ip6/::1/tcp/80");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "ip4/1.2.3.4",
                "/ip4/1.2.3",
                "/ip4/256.1.1.1",
                "/ip4/1.2.3.4/tcp/65536",
                "/ip4/1.2.3.4/tcp",
                "/foo/1",
                "/ip6/1:::2",
                "/ip6/1:2:3:4:5:6:7:8:9",
                "/p2p/notapeerid",
                "/tcp/-1"
            })
    void refusesBadText(String text) {
        assertThatThrownBy(() -> Multiaddr.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "04",
                "047f0000",
                "ff01",
                "0601",
                "36",
                "3605616263",
                "a50322",
                "8100",
                // go-multiaddr TestInvalidP2PAddr: the multihash says 33-byte sha256
                "a503221221c05877cbae039d70a5e600ea02c6f9f2942439285c9e344e26f8d280c850fad6"
            })
    void refusesBadBinaryAsAPeerFault(String hex) {
        assertThatThrownBy(() -> Multiaddr.fromBytes(HEX.parseHex(hex))).isInstanceOf(PeerFault.class);
    }
}
