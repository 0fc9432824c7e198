package io.fedp2p.gossip.protocols;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.fault.PeerFault;
import io.fedp2p.gossip.host.Connection;
import io.fedp2p.gossip.host.IdentifyInfo;
import io.fedp2p.gossip.host.MessageReader;
import io.fedp2p.gossip.host.Stream;
import io.fedp2p.gossip.host.StreamException;
import io.fedp2p.gossip.host.StreamHandler;
import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.identity.PublicKey;
import io.fedp2p.gossip.multiaddr.Multiaddr;
import io.fedp2p.gossip.proto.IdentifyProtos;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * {@code /ipfs/id/1.0.0} (LIBP2P.md §9): the responder writes one varint-delimited {@code Identify} message and
 * half-closes; the requester reads up to 10 messages of at most the configured size until the peer's FIN, merges
 * them, and checks that the public key belongs to the connection's authenticated peer.
 */
public final class Identify {
    public static final String ID = "/ipfs/id/1.0.0";
    public static final String PROTOCOL_VERSION = "ipfs/0.1.0";
    static final int MAX_MESSAGES = 10;

    private Identify() {}

    /** Serves identify with the message {@code messageFor} builds for each asking stream. */
    public static StreamHandler responder(Function<Stream, IdentifyProtos.Identify> messageFor) {
        return stream -> {
            stream.setReader(new DiscardingReader());
            stream.writeMessage(Unpooled.wrappedBuffer(messageFor.apply(stream).toByteArray()));
            stream.closeWrite();
        };
    }

    /** Asks the peer of {@code connection} who it is. */
    public static CompletableFuture<IdentifyInfo> request(Connection connection, int maxBytes, Duration timeout) {
        return connection.newStream(ID).thenCompose(stream -> {
            CompletableFuture<IdentifyInfo> result = new CompletableFuture<>();
            List<ByteBuf> messages = new ArrayList<>();
            stream.setReader(new MessageReader(maxBytes, new MessageReader.Handler() {
                @Override
                public void onMessage(Stream s, ByteBuf message) {
                    if (messages.size() >= MAX_MESSAGES) {
                        message.release();
                        throw new PeerFault(FaultKind.RATE_LIMIT, "more than " + MAX_MESSAGES + " identify messages");
                    }
                    messages.add(message);
                }

                @Override
                public void onEnd(Stream s, boolean partial) {
                    try {
                        result.complete(merge(messages, connection.remotePeer()));
                    } catch (PeerFault fault) {
                        result.completeExceptionally(fault);
                        throw fault;
                    } finally {
                        messages.forEach(ByteBuf::release);
                        messages.clear();
                    }
                }

                @Override
                public void onReset(Stream s) {
                    messages.forEach(ByteBuf::release);
                    messages.clear();
                    result.completeExceptionally(new StreamException("identify stream reset by " + s.remotePeer()));
                }
            }));
            stream.closeWrite();
            return result.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((v, e) -> {
                if (e != null) {
                    stream.reset();
                }
            });
        });
    }

    /**
     * Merges the messages (later ones add repeated fields and replace single ones) and validates the result.
     *
     * @throws PeerFault {@link FaultKind#BAD_PAYLOAD} when it does not parse or lacks the key, {@link
     *     FaultKind#WRONG_PEER_ID} when the key belongs to another peer
     */
    public static IdentifyInfo merge(List<ByteBuf> messages, PeerId expected) {
        IdentifyProtos.Identify.Builder b = IdentifyProtos.Identify.newBuilder();
        for (ByteBuf m : messages) {
            try {
                b.mergeFrom(ByteBufUtil.getBytes(m));
            } catch (InvalidProtocolBufferException e) {
                throw new PeerFault(FaultKind.BAD_PAYLOAD, "malformed identify message");
            }
        }
        return validate(b.build(), expected);
    }

    /** Checks one (merged) identify message from {@code expected}. */
    public static IdentifyInfo validate(IdentifyProtos.Identify msg, PeerId expected) {
        if (!msg.hasPublicKey()) {
            throw new PeerFault(FaultKind.BAD_PAYLOAD, "identify without publicKey");
        }
        PublicKey key = PublicKey.fromProtobuf(msg.getPublicKey().toByteArray());
        if (!key.peerId().equals(expected)) {
            throw new PeerFault(
                    FaultKind.WRONG_PEER_ID, "identify key is for " + key.peerId() + ", connection is " + expected);
        }
        List<Multiaddr> addrs = new ArrayList<>();
        for (ByteString a : msg.getListenAddrsList()) {
            try {
                addrs.add(Multiaddr.fromBytes(a.toByteArray()));
            } catch (PeerFault e) {
                // SPEC-GAP: identify does not say what to do with addresses we cannot parse (e.g. transports we
                // lack); we leave them out instead of refusing the whole message.
            }
        }
        Optional<Multiaddr> observed = Optional.empty();
        if (msg.hasObservedAddr()) {
            try {
                observed = Optional.of(Multiaddr.fromBytes(msg.getObservedAddr().toByteArray()));
            } catch (PeerFault e) {
                observed = Optional.empty();
            }
        }
        return new IdentifyInfo(
                expected,
                key,
                addrs,
                msg.getProtocolsList(),
                observed,
                msg.getProtocolVersion(),
                msg.getAgentVersion());
    }

    /** Builds this host's answer. */
    public static IdentifyProtos.Identify message(
            PublicKey key, List<Multiaddr> listenAddrs, List<String> protocols, Multiaddr observed, String agent) {
        IdentifyProtos.Identify.Builder b = IdentifyProtos.Identify.newBuilder()
                .setPublicKey(ByteString.copyFrom(key.toProtobuf()))
                .addAllProtocols(protocols)
                .setProtocolVersion(PROTOCOL_VERSION)
                .setAgentVersion(agent);
        for (Multiaddr a : listenAddrs) {
            b.addListenAddrs(ByteString.copyFrom(a.withoutPeerId().toBytes()));
        }
        if (observed != null) {
            b.setObservedAddr(ByteString.copyFrom(observed.toBytes()));
        }
        return b.build();
    }
}
