package io.fedp2p.gossip.multiaddr;

import io.fedp2p.gossip.encoding.Uvarint;
import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.fault.PeerFault;
import io.fedp2p.gossip.identity.PeerId;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A multiaddr (LIBP2P.md §2): text ({@code /ip4/127.0.0.1/tcp/4001/p2p/12D3KooW…}) and binary forms of the
 * components {@code ip4 ip6 dns dns4 dns6 tcp udp p2p}. Immutable; equality compares the binary form (js keeps some
 * text variants, so text comparison would be wrong).
 */
public final class Multiaddr {
    private static final int MAX_DNS_NAME = 255;
    private static final int MAX_PEER_ID_BYTES = 64;

    private final List<Component> components;
    private final byte[] bytes;

    private Multiaddr(List<Component> components) {
        this.components = List.copyOf(components);
        ByteBuf out = Unpooled.buffer();
        for (Component c : this.components) {
            c.writeTo(out);
        }
        this.bytes = ByteBufUtil.getBytes(out);
    }

    /**
     * Parses the text form.
     *
     * @throws IllegalArgumentException naming the component that is wrong
     */
    public static Multiaddr parse(String text) {
        if (!text.startsWith("/")) {
            throw new IllegalArgumentException("multiaddr must start with '/': '" + text + "'");
        }
        String[] parts = text.substring(1).split("/", -1);
        if (text.endsWith("/") && text.length() > 1) {
            parts = Arrays.copyOf(parts, parts.length - 1);
        }
        List<Component> out = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            Protocol p = Protocol.byName(parts[i]);
            if (p == null) {
                throw new IllegalArgumentException("unknown multiaddr protocol '" + parts[i] + "' in '" + text + "'");
            }
            if (i + 1 >= parts.length) {
                throw new IllegalArgumentException("multiaddr '" + text + "': /" + parts[i] + " needs a value");
            }
            out.add(Component.fromText(p, parts[++i]));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("empty multiaddr");
        }
        return new Multiaddr(out);
    }

    /**
     * Decodes the binary form received from a peer.
     *
     * @throws PeerFault {@link FaultKind#MALFORMED_FRAME} for an unknown code, a truncated or wrongly sized value,
     *     a non-minimal varint or a {@code /p2p} value that is not a valid multihash
     */
    public static Multiaddr fromBytes(byte[] bytes) {
        ByteBuf in = Unpooled.wrappedBuffer(bytes);
        List<Component> out = new ArrayList<>();
        while (in.isReadable()) {
            long code = Uvarint.read(in);
            Protocol p = Protocol.byCode(code);
            if (p == null) {
                throw new PeerFault(FaultKind.MALFORMED_FRAME, "unknown multiaddr code " + code);
            }
            long size = p.size() >= 0 ? p.size() : Uvarint.read(in);
            if (size > in.readableBytes()) {
                throw new PeerFault(FaultKind.MALFORMED_FRAME, "truncated /" + p.textName() + " value");
            }
            byte[] value = new byte[(int) size];
            in.readBytes(value);
            out.add(Component.fromBytes(p, value));
        }
        if (out.isEmpty()) {
            throw new PeerFault(FaultKind.MALFORMED_FRAME, "empty multiaddr");
        }
        return new Multiaddr(out);
    }

    /** {@code /ip4/a.b.c.d/tcp/port} or {@code /ip6/…/tcp/port} of a resolved socket address. */
    public static Multiaddr fromSocketAddress(InetSocketAddress address) {
        InetAddress ip = address.getAddress();
        if (ip == null) {
            throw new IllegalArgumentException("unresolved address " + address);
        }
        Protocol family = ip instanceof Inet4Address ? Protocol.IP4 : Protocol.IP6;
        return new Multiaddr(List.of(
                new Component(family, ip.getAddress()), new Component(Protocol.TCP, portBytes(address.getPort()))));
    }

    public List<Component> components() {
        return components;
    }

    /** The binary form (a copy). */
    public byte[] toBytes() {
        return bytes.clone();
    }

    /** The peer id of the last {@code /p2p} component, if any. */
    public Optional<PeerId> peerId() {
        for (int i = components.size() - 1; i >= 0; i--) {
            if (components.get(i).protocol() == Protocol.P2P) {
                return Optional.of(PeerId.fromBytes(components.get(i).value()));
            }
        }
        return Optional.empty();
    }

    /** This address with a trailing {@code /p2p/<id>} removed (unchanged when it has none). */
    public Multiaddr withoutPeerId() {
        int last = components.size() - 1;
        if (last > 0 && components.get(last).protocol() == Protocol.P2P) {
            return new Multiaddr(components.subList(0, last));
        }
        return this;
    }

    /** This address followed by {@code /p2p/<peer>} (replacing a trailing {@code /p2p} component). */
    public Multiaddr withPeerId(PeerId peer) {
        List<Component> out = new ArrayList<>(withoutPeerId().components);
        out.add(new Component(Protocol.P2P, peer.toBytes()));
        return new Multiaddr(out);
    }

    /**
     * The TCP endpoint of a dialable address {@code /ip4|ip6|dns|dns4|dns6/<host>/tcp/<port>[/p2p/<id>]}.
     *
     * @throws IllegalArgumentException for any other shape
     */
    public TcpEndpoint tcpEndpoint() {
        int n = withoutPeerId().components.size();
        if (n != 2 || components.get(1).protocol() != Protocol.TCP) {
            throw new IllegalArgumentException(
                    "not a dialable TCP multiaddr (want /ip4|ip6|dns4|dns6/HOST/tcp/PORT" + "[/p2p/ID]): " + this);
        }
        Component host = components.get(0);
        byte[] port = components.get(1).value;
        switch (host.protocol()) {
            case IP4:
            case IP6:
            case DNS:
            case DNS4:
            case DNS6:
                return new TcpEndpoint(host.protocol(), host.text(), ((port[0] & 0xFF) << 8) | (port[1] & 0xFF));
            default:
                throw new IllegalArgumentException("not a dialable TCP multiaddr: " + this);
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Component c : components) {
            sb.append('/').append(c.protocol().textName()).append('/').append(c.text());
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Multiaddr other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    static byte[] portBytes(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        return new byte[] {(byte) (port >> 8), (byte) port};
    }

    /** One {@code /<protocol>/<value>} component; the value is held in binary form. */
    public static final class Component {
        private final Protocol protocol;
        private final byte[] value;

        Component(Protocol protocol, byte[] value) {
            this.protocol = protocol;
            this.value = value;
        }

        public Protocol protocol() {
            return protocol;
        }

        /** The binary value (a copy). */
        public byte[] value() {
            return value.clone();
        }

        /** The text value. */
        public String text() {
            switch (protocol) {
                case IP4:
                    return IpText.formatIp4(value);
                case IP6:
                    return IpText.formatIp6(value);
                case TCP:
                case UDP:
                    return Integer.toString(((value[0] & 0xFF) << 8) | (value[1] & 0xFF));
                case P2P:
                    return PeerId.fromBytes(value).toString();
                default:
                    return new String(value, StandardCharsets.UTF_8);
            }
        }

        static Component fromText(Protocol p, String text) {
            switch (p) {
                case IP4:
                    return new Component(p, IpText.parseIp4(text));
                case IP6:
                    return new Component(p, IpText.parseIp6(text));
                case TCP:
                case UDP:
                    if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(Character::isDigit)) {
                        throw new IllegalArgumentException("invalid /" + p.textName() + " port '" + text + "'");
                    }
                    return new Component(p, portBytes(Integer.parseInt(text)));
                case P2P:
                    return new Component(p, PeerId.parse(text).toBytes());
                default:
                    byte[] name = text.getBytes(StandardCharsets.UTF_8);
                    if (name.length == 0 || name.length > MAX_DNS_NAME) {
                        throw new IllegalArgumentException("invalid /" + p.textName() + " name '" + text + "'");
                    }
                    return new Component(p, name);
            }
        }

        static Component fromBytes(Protocol p, byte[] value) {
            if (p.size() >= 0 && value.length != p.size()) {
                throw new PeerFault(FaultKind.MALFORMED_FRAME, "/" + p.textName() + " value of " + value.length);
            }
            if (p == Protocol.P2P) {
                if (value.length > MAX_PEER_ID_BYTES) {
                    throw new PeerFault(FaultKind.MALFORMED_FRAME, "/p2p value of " + value.length + " bytes");
                }
                try {
                    PeerId.fromBytes(value);
                } catch (PeerFault e) {
                    throw new PeerFault(FaultKind.MALFORMED_FRAME, "/p2p value: " + e.getMessage());
                }
            } else if (p.size() < 0) {
                if (value.length == 0 || value.length > MAX_DNS_NAME) {
                    throw new PeerFault(FaultKind.MALFORMED_FRAME, "/" + p.textName() + " name of " + value.length);
                }
                String s = new String(value, StandardCharsets.UTF_8);
                if (!Arrays.equals(s.getBytes(StandardCharsets.UTF_8), value) || s.indexOf('/') >= 0) {
                    throw new PeerFault(FaultKind.MALFORMED_FRAME, "/" + p.textName() + " name is not valid text");
                }
            }
            return new Component(p, value);
        }

        void writeTo(ByteBuf out) {
            Uvarint.write(out, protocol.code());
            if (protocol.size() < 0) {
                Uvarint.write(out, value.length);
            }
            out.writeBytes(value);
        }
    }
}
